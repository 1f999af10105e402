#include "app/token_command.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <limits>
#include <string_view>

#include "app/config.hpp"
#include "app/option_argument.hpp"
#include "auth/token_issuer.hpp"

namespace zomato::app {
namespace {

constexpr std::int64_t longest_ttl = std::int64_t{365} * 24 * 3600;

std::int64_t positive_integer(const std::string& name, std::string_view text, std::int64_t high) {
  std::int64_t value = 0;
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || code != std::errc{} || end != text.data() + text.size() || value < 1 || value > high) {
    throw token_usage_error(name + " must be an integer from 1 to " + std::to_string(high) + ", got '" +
                            std::string(text) + "'");
  }
  return value;
}

// "<N>[s|m|h|d]": a count of seconds (no unit), minutes, hours or days.
std::chrono::seconds ttl_of(const std::string& text) {
  constexpr std::string_view units = "smhd";
  constexpr std::array<std::int64_t, 4> unit_seconds{1, 60, 3600, 86400};
  std::string_view count = text;
  std::int64_t unit = 1;
  if (const auto at = text.empty() ? std::string_view::npos : units.find(text.back()); at != std::string_view::npos) {
    unit = unit_seconds[at];
    count.remove_suffix(1);
  }
  return std::chrono::seconds(positive_integer("--ttl", count, longest_ttl / unit) * unit);
}

}  // namespace

token_request parse_token_arguments(const std::vector<std::string>& args) {
  token_request request;
  std::optional<domain::role> role;
  std::optional<domain::id_t> customer_id;
  std::optional<domain::id_t> restaurant_id;
  std::optional<std::string> subject;
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto [name, value] = split_option(args[i]);
    if (!value) {
      if (i + 1 >= args.size()) throw token_usage_error(name + " needs a value");
      value = args[++i];
    }
    if (name == "--role") {
      role = domain::role_named(*value);
      if (!role) throw token_usage_error("--role must be customer, restaurant or admin, got '" + *value + "'");
    } else if (name == "--customer-id") {
      customer_id = positive_integer(name, *value, std::numeric_limits<std::int64_t>::max());
    } else if (name == "--restaurant-id") {
      restaurant_id = positive_integer(name, *value, std::numeric_limits<std::int64_t>::max());
    } else if (name == "--sub") {
      if (value->empty()) throw token_usage_error("--sub must not be empty");
      subject = *value;
    } else if (name == "--ttl") {
      request.ttl = ttl_of(*value);
    } else {
      throw token_usage_error("unknown argument '" + args[i] +
                              "' (expected --role, --customer-id, --restaurant-id, --sub or --ttl)");
    }
  }
  if (!role) throw token_usage_error("--role is required (customer, restaurant or admin)");
  const bool customer = *role == domain::role::customer;
  const bool restaurant = *role == domain::role::restaurant;
  if (customer != customer_id.has_value())
    throw token_usage_error("--customer-id goes with --role customer, and only there");
  if (restaurant != restaurant_id.has_value()) {
    throw token_usage_error("--restaurant-id goes with --role restaurant, and only there");
  }
  request.caller = {*role, customer_id.value_or(restaurant_id.value_or(0))};
  request.subject = subject.value_or(customer || restaurant
                                         ? std::string(domain::name_of(*role)) + ":" + std::to_string(request.caller.id)
                                         : std::string("admin"));
  return request;
}

int run_token_command(const std::vector<std::string>& args,
                      const std::function<std::optional<std::string>(const char*)>& lookup) {
  try {
    const auto request = parse_token_arguments(args);
    if (lookup("JWT_SECRET").value_or("").empty())
      throw config_error("token needs JWT_SECRET, the secret the server checks tokens with");
    const auto settings = token_settings_of([&](const char* name) -> std::optional<std::string> {
      return std::string_view(name) == "JWT_PUBLIC_KEY_FILE" ? std::nullopt : lookup(name);
    });
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto token = auth::issue_token(settings, {request.subject, request.caller, now, now + request.ttl.count()});
    std::printf("%s\n", token.c_str());
    return 0;
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "token: %s\n", error.what());
    return 2;
  }
}

}  // namespace zomato::app
