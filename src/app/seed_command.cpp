#include "app/seed_command.hpp"

#include <unistd.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>

#include "app/config.hpp"
#include "app/option_argument.hpp"
#include "domain/clock.hpp"
#include "store/postgres/bulk_loader.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/bulk_loader.hpp"
#include "store/sqlite/database.hpp"

namespace zomato::app {
namespace {

struct count_option {
  const char* name;
  std::int64_t store::seed_plan::*field;
  std::int64_t low;
  std::int64_t high;
};

constexpr std::array<count_option, 4> count_options{{
    {"--restaurants", &store::seed_plan::restaurants, 1, 1'000'000},
    {"--menu-items-per-restaurant", &store::seed_plan::menu_items_per_restaurant, 1, 1'000},
    {"--customers", &store::seed_plan::customers, 1, 10'000'000},
    {"--orders", &store::seed_plan::orders, 0, 100'000'000},
}};

template <class T>
T number_in(const std::string& name, const std::string& text, T low, T high) {
  T value{};
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || code != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
    throw seed_usage_error(name + " must be an integer from " + std::to_string(low) + " to " + std::to_string(high) +
                           ", got '" + text + "'");
  }
  return value;
}

// Fills the database of `loader` (named `label`) if it is empty, showing the progress while
// standard error is a terminal; the command's exit status.
template <class Loader>
int fill(Loader& loader, const store::seed_plan& plan, const std::string& label,
         std::chrono::steady_clock::time_point started) {
  const auto refuse = [&] {
    std::fprintf(stderr, "seed: %s already holds data; seed fills only an empty database\n", label.c_str());
    return 2;
  };
  if (!loader.is_empty()) return refuse();
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  std::function<void(const store::seed_counts&)> show;
  if (terminal) {
    show = [&](const store::seed_counts& done) {
      std::fprintf(stderr, "\r%s", progress_line(done, plan).c_str());
      std::fflush(stderr);
    };
  }
  store::seed_counts counts;
  try {
    counts = loader.load(plan, show);
  } catch (const store::seed_target_not_empty&) {
    return refuse();
  }
  if (terminal) std::fprintf(stderr, "\r%s\n", progress_line(counts, plan).c_str());
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  std::printf(
      "seeded %s in %.2f s: %lld restaurants, %lld menu items, %lld customers, %lld orders, %lld order items, "
      "%lld status changes, %lld reviews (seed %llu, orders up to %s)\n",
      label.c_str(), elapsed.count(), static_cast<long long>(counts.restaurants),
      static_cast<long long>(counts.menu_items), static_cast<long long>(counts.customers),
      static_cast<long long>(counts.orders), static_cast<long long>(counts.order_items),
      static_cast<long long>(counts.status_changes), static_cast<long long>(counts.reviews),
      static_cast<unsigned long long>(plan.seed), domain::format_timestamp(plan.reference_time).c_str());
  return 0;
}

}  // namespace

store::seed_plan parse_seed_arguments(const std::vector<std::string>& args) {
  store::seed_plan plan;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto argument = split_option(args[i]);
    const auto& name = argument.name;
    const auto& value = argument.value;
    if (name == "--now" && !value) {
      plan.reference_time = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      continue;
    }
    const auto take_value = [&] {
      if (value) return *value;
      if (i + 1 >= args.size()) throw seed_usage_error(name + " needs a value");
      return args[++i];
    };
    if (name == "--seed") {
      plan.seed = number_in<std::uint64_t>(name, take_value(), 0, std::numeric_limits<std::uint64_t>::max());
      continue;
    }
    bool known = false;
    for (const auto& option : count_options) {
      if (name != option.name) continue;
      plan.*option.field = number_in<std::int64_t>(name, take_value(), option.low, option.high);
      known = true;
    }
    if (!known) {
      throw seed_usage_error("unknown argument '" + args[i] +
                             "' (expected --restaurants, --menu-items-per-restaurant, --customers, --orders, --seed "
                             "or --now)");
    }
  }
  return plan;
}

std::string progress_line(const store::seed_counts& done, const store::seed_plan& plan) {
  const auto part = [](std::int64_t count, std::int64_t planned, const char* what) {
    return std::to_string(count) + "/" + std::to_string(planned) + " " + what;
  };
  const auto percent = plan.orders > 0 ? done.orders * 100 / plan.orders : 100;
  return "seed: " + part(done.restaurants, plan.restaurants, "restaurants") + ", " +
         part(done.menu_items, plan.restaurants * plan.menu_items_per_restaurant, "menu items") + ", " +
         part(done.customers, plan.customers, "customers") + ", " + part(done.orders, plan.orders, "orders") + " (" +
         std::to_string(percent) + " %)";
}

int run_seed_command(const std::vector<std::string>& args,
                     const std::function<std::optional<std::string>(const char*)>& lookup) {
  store::seed_plan plan;
  config settings;
  try {
    plan = parse_seed_arguments(args);
    settings = load_config(lookup);
  } catch (const seed_usage_error& error) {
    std::fprintf(stderr, "seed: %s\n", error.what());
    return 2;
  } catch (const config_error& error) {
    std::fprintf(stderr, "configuration error: %s\n", error.what());
    return 2;
  }
  try {
    const auto started = std::chrono::steady_clock::now();
    if (settings.postgres_url.empty()) {
      { store::sqlite::database migrated(settings.database_path); }
      store::sqlite::bulk_loader loader(settings.database_path);
      return fill(loader, plan, database_label(settings), started);
    }
    {
      // One connection, and room for a migration of a large database or another node's.
      const store::postgres::database migrated(
          {settings.postgres_url, 1, settings.db_connect_timeout, std::chrono::minutes{10}, std::chrono::minutes{1}});
    }
    store::postgres::bulk_loader loader(settings.postgres_url);
    return fill(loader, plan, database_label(settings), started);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "seed failed: %s\n", error.what());
    return 1;
  }
}

}  // namespace zomato::app
