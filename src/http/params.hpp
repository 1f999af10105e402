#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/principal.hpp"
#include "http/problems.hpp"

namespace zomato::http {

/// Where a parameter is sent. Headers are documented only: the server reads the ones a route
/// uses into the request (request::idempotency_key), so the router leaves them alone.
enum class param_place { path, query, header };
enum class param_kind { integer, boolean, string, choice, time_bound };

using param_value = std::variant<std::monostate, std::int64_t, bool, std::string>;

/// A declared path or query parameter: how it is parsed, checked and documented.
struct param_spec {
  std::string name;
  param_place place = param_place::query;
  param_kind kind = param_kind::string;
  bool required = false;
  param_value fallback;
  std::int64_t minimum = std::numeric_limits<std::int64_t>::min();
  std::int64_t maximum = std::numeric_limits<std::int64_t>::max();
  std::string description;
  std::vector<std::string> choices;  // param_kind::choice: the accepted values; else documented only
  std::string example;               // text kinds: a value the documentation offers (others derive it)
};

/// An integer id in the path.
param_spec path_id(std::string name, std::string description);
/// A text segment of the path, with a value the documentation offers.
param_spec path_text(std::string name, std::string description, std::string example);
/// An optional (or required) integer query parameter with a default and bounds.
param_spec query_integer(std::string name, std::int64_t fallback, std::int64_t minimum, std::int64_t maximum,
                         std::string description);
/// An optional true/false filter.
param_spec query_flag(std::string name, std::string description);
/// A text query parameter, with a value the documentation offers.
param_spec query_text(std::string name, bool required, std::string description, std::string example);
/// An optional header, with a value the documentation offers.
param_spec header_text(std::string name, std::string description, std::string example);
/// An optional query parameter restricted to the given values.
param_spec query_choice(std::string name, std::vector<std::string> choices, std::string description);
/// An optional date or timestamp (domain::parse_time_bound), kept as its UTC timestamp.
param_spec query_time_bound(std::string name, std::string description);
/// skip (>= 0, default 0) and limit (1..1000, default 100).
std::vector<param_spec> pagination();

/// The parameters of one request, typed by their specs, and who sends it.
class params {
 public:
  void reserve(std::size_t count) { values_.reserve(count); }
  void set(std::string_view name, param_value value) { values_.emplace_back(name, std::move(value)); }
  /// Who sends the request, as the router found it (role::anyone until it is set).
  const domain::principal& caller() const { return caller_; }
  /// Records who sends the request (the router, once it settled the request's access). Never fails.
  void set_caller(const domain::principal& caller) { caller_ = caller; }

  std::int64_t integer(std::string_view name) const;
  std::optional<bool> flag(std::string_view name) const;
  std::optional<std::string> text(std::string_view name) const;
  /// Appends "name=value&..." of every parameter in declaration order, defaults included,
  /// texts percent-encoded and a parameter without value as its bare name: the same for
  /// every request that means the same thing, and different for any two that do not.
  void append_canonical(std::string& out) const;

 private:
  const param_value* find(std::string_view name) const;
  std::vector<std::pair<std::string_view, param_value>> values_;
  domain::principal caller_;
};

/// Reads a parameter's raw text into its typed value, or explains why it cannot.
/// A missing raw value yields the spec's fallback, or a "missing" problem when required.
std::optional<param_value> parse_param(const param_spec& spec, const std::optional<std::string>& raw, problems& found);

/// Percent-decodes a URL component; '+' becomes a space in query strings.
std::string percent_decode(std::string_view text, bool plus_is_space);

/// A raw query string split once into its name=value pairs, for the lookups of one request.
class query_pairs {
 public:
  explicit query_pairs(std::string_view query);
  /// The last value given for a key, decoded; names are compared decoded.
  std::optional<std::string> last(std::string_view key) const;

 private:
  struct raw_pair {
    std::string_view name;
    std::string_view value;
    bool escaped_name;
  };
  std::vector<raw_pair> pairs_;
};

/// The last value given for a key in a raw query string, decoded.
std::optional<std::string> query_value(std::string_view query, std::string_view key);

}  // namespace zomato::http
