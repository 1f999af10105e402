#pragma once

// Header-only helpers for the customers / orders / reviews / analytics API tests:
// one real server per test suite, a client that flags every 5xx, and builders that
// create restaurants, menu items, customers and orders through the API.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace zomato::testing::order_fixtures {

using json = nlohmann::json;
using header_pairs = std::vector<std::pair<std::string, std::string>>;

inline std::string shorten(const std::string& text) { return text.size() > 300 ? text.substr(0, 300) + "..." : text; }

/// A keep-alive client that records a test failure for every 5xx (or missing) answer.
class checked_client {
 public:
  explicit checked_client(std::uint16_t port) : http_(port) {}

  http_reply get(const std::string& target, header_pairs headers = {}) {
    return check(http_.get(target, std::move(headers)), "GET " + target);
  }
  http_reply post(const std::string& target, const json& body, header_pairs headers = {}) {
    return check(http_.post(target, body.dump(), std::move(headers)), "POST " + target);
  }
  http_reply post_text(const std::string& target, const std::string& body, header_pairs headers = {}) {
    return check(http_.post(target, body, std::move(headers)), "POST " + target);
  }
  http_reply put(const std::string& target, const json& body) {
    return check(http_.put(target, body.dump()), "PUT " + target);
  }
  http_reply del(const std::string& target) { return check(http_.del(target), "DELETE " + target); }

 private:
  static http_reply check(http_reply reply, const std::string& what) {
    if (reply.status < 100 || reply.status >= 500) {
      ADD_FAILURE() << what << " answered " << reply.status << ": " << shorten(reply.body);
    }
    return reply;
  }
  http_client http_;
};

/// One real server with an empty database for each test.
class fresh_server_test : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<server_process>();
    client_ = std::make_unique<checked_client>(server_->port());
  }
  void TearDown() override {
    client_.reset();
    if (server_) {
      http_client probe(server_->port());
      EXPECT_EQ(probe.get("/health").status, 200) << "the server stopped answering";
    }
    server_.reset();
  }
  checked_client& api() { return *client_; }

 private:
  std::unique_ptr<server_process> server_;
  std::unique_ptr<checked_client> client_;
};

/// One real server (fresh temporary database) per test suite; a new client per test.
template <class Suite>
class server_suite : public ::testing::Test {
 public:
  static void SetUpTestSuite() { server_ = std::make_unique<server_process>(); }
  static void TearDownTestSuite() { server_.reset(); }

 protected:
  void SetUp() override { client_ = std::make_unique<checked_client>(server_->port()); }
  void TearDown() override {
    client_.reset();
    http_client probe(server_->port());
    EXPECT_EQ(probe.get("/health").status, 200) << "the server stopped answering";
  }

  checked_client& api() { return *client_; }
  static std::uint16_t port() { return server_->port(); }

 private:
  static inline std::unique_ptr<server_process> server_;
  std::unique_ptr<checked_client> client_;
};

// ---- names ---------------------------------------------------------------------------

/// A number no other call of this process got.
inline std::int64_t next_serial() {
  static std::atomic<std::int64_t> counter{0};
  return ++counter;
}

/// "<prefix> <n>", unique within the process.
inline std::string unique_name(const std::string& prefix) { return prefix + " " + std::to_string(next_serial()); }

/// A unique lower-case e-mail address.
inline std::string unique_email(const std::string& tag = "customer") {
  return tag + "." + std::to_string(next_serial()) + "@example.com";
}

inline std::string str(std::int64_t id) { return std::to_string(id); }

// ---- checks --------------------------------------------------------------------------

/// An answer with this status and exactly {"detail": message}.
inline ::testing::AssertionResult is_detail(const http_reply& reply, int status, const std::string& message) {
  if (reply.status != status) {
    return ::testing::AssertionFailure() << "status " << reply.status << " (wanted " << status
                                         << "): " << shorten(reply.body);
  }
  const auto body = json::parse(reply.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || body.size() != 1 || !body.contains("detail")) {
    return ::testing::AssertionFailure() << "body is not {\"detail\":...}: " << shorten(reply.body);
  }
  if (body["detail"] != message) {
    return ::testing::AssertionFailure() << "detail " << body["detail"].dump() << " (wanted \"" << message << "\")";
  }
  return ::testing::AssertionSuccess();
}

/// A 422 in FastAPI's shape with an entry at this loc (and of this type, when given).
inline ::testing::AssertionResult has_problem(const http_reply& reply, const json& loc, const std::string& type = {}) {
  if (reply.status != 422) {
    return ::testing::AssertionFailure() << "status " << reply.status << " (wanted 422): " << shorten(reply.body);
  }
  const auto body = json::parse(reply.body, nullptr, false);
  if (body.is_discarded() || !body.contains("detail") || !body["detail"].is_array()) {
    return ::testing::AssertionFailure() << "no detail list: " << shorten(reply.body);
  }
  for (const auto& entry : body["detail"]) {
    if (!entry.is_object() || !entry.contains("loc") || entry["loc"] != loc) continue;
    if (!entry.contains("msg") || !entry["msg"].is_string() || !entry.contains("type") || !entry["type"].is_string()) {
      return ::testing::AssertionFailure() << "entry without msg/type: " << entry.dump();
    }
    if (!type.empty() && entry["type"] != type) {
      return ::testing::AssertionFailure() << "type " << entry["type"].dump() << " (wanted " << type << ")";
    }
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no problem at " << loc.dump() << ": " << shorten(reply.body);
}

/// A JSON string holding an amount with exactly two decimals.
inline ::testing::AssertionResult is_amount(const json& value) {
  static const std::regex pattern(R"(-?[0-9]+\.[0-9]{2})");
  if (!value.is_string()) return ::testing::AssertionFailure() << "not a string: " << value.dump();
  if (!std::regex_match(value.get<std::string>(), pattern)) {
    return ::testing::AssertionFailure() << "not a 2-decimal amount: " << value.dump();
  }
  return ::testing::AssertionSuccess();
}

/// A JSON string "YYYY-MM-DDTHH:MM:SS".
inline ::testing::AssertionResult is_timestamp(const json& value) {
  static const std::regex pattern(R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})");
  if (!value.is_string() || !std::regex_match(value.get<std::string>(), pattern)) {
    return ::testing::AssertionFailure() << "not a timestamp: " << value.dump();
  }
  return ::testing::AssertionSuccess();
}

/// Every key present with the given JSON type ("integer", "number", "string", "boolean",
/// "object", "array"; a trailing '?' also allows null).
inline ::testing::AssertionResult has_shape(const json& object,
                                            const std::vector<std::pair<std::string, std::string>>& keys) {
  if (!object.is_object()) return ::testing::AssertionFailure() << "not an object: " << shorten(object.dump());
  for (const auto& [key, wanted] : keys) {
    if (!object.contains(key)) return ::testing::AssertionFailure() << "missing key " << key;
    const auto& value = object[key];
    std::string type = wanted;
    if (type.ends_with('?')) {
      if (value.is_null()) continue;
      type.pop_back();
    }
    bool ok = false;
    if (type == "integer") ok = value.is_number_integer();
    if (type == "number") ok = value.is_number();
    if (type == "string") ok = value.is_string();
    if (type == "boolean") ok = value.is_boolean();
    if (type == "object") ok = value.is_object();
    if (type == "array") ok = value.is_array();
    if (!ok) return ::testing::AssertionFailure() << key << " is " << value.dump() << ", wanted " << wanted;
  }
  return ::testing::AssertionSuccess();
}

inline const std::vector<std::pair<std::string, std::string>>& customer_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"id", "integer"},     {"name", "string"},       {"email", "string"},      {"phone_number", "string"},
      {"address", "string"}, {"is_active", "boolean"}, {"created_at", "string"}, {"updated_at", "string"}};
  return keys;
}

inline const std::vector<std::pair<std::string, std::string>>& order_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{{"id", "integer"},
                                                                     {"customer_id", "integer"},
                                                                     {"restaurant_id", "integer"},
                                                                     {"order_status", "string"},
                                                                     {"total_amount", "string"},
                                                                     {"delivery_address", "string"},
                                                                     {"special_instructions", "string?"},
                                                                     {"order_date", "string"},
                                                                     {"delivery_time", "string?"}};
  return keys;
}

inline const std::vector<std::pair<std::string, std::string>>& review_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"id", "integer"},     {"customer_id", "integer"}, {"restaurant_id", "integer"}, {"order_id", "integer"},
      {"rating", "integer"}, {"comment", "string?"},     {"created_at", "string"}};
  return keys;
}

inline const std::vector<std::pair<std::string, std::string>>& restaurant_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"id", "integer"},           {"name", "string"},          {"description", "string?"}, {"cuisine_type", "string"},
      {"address", "string"},       {"phone_number", "string"},  {"rating", "number"},       {"is_active", "boolean"},
      {"opening_time", "string?"}, {"closing_time", "string?"}, {"created_at", "string"},   {"updated_at", "string"}};
  return keys;
}

inline const std::vector<std::pair<std::string, std::string>>& menu_item_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{{"id", "integer"},
                                                                     {"restaurant_id", "integer"},
                                                                     {"name", "string"},
                                                                     {"description", "string?"},
                                                                     {"price", "number"},
                                                                     {"category", "string"},
                                                                     {"is_vegetarian", "boolean"},
                                                                     {"is_vegan", "boolean"},
                                                                     {"is_available", "boolean"},
                                                                     {"preparation_time", "integer?"},
                                                                     {"created_at", "string"},
                                                                     {"updated_at", "string"}};
  return keys;
}

/// The "id" of every element.
inline std::vector<std::int64_t> ids_of(const json& items) {
  std::vector<std::int64_t> ids;
  for (const auto& item : items) ids.push_back(item.at("id").get<std::int64_t>());
  return ids;
}

/// Newest first by the given timestamp key (descending), ties by id ascending.
inline ::testing::AssertionResult newest_first(const json& items, const std::string& key) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto earlier = items[i - 1][key].get<std::string>();
    const auto later = items[i][key].get<std::string>();
    const auto earlier_id = items[i - 1]["id"].get<std::int64_t>();
    const auto later_id = items[i]["id"].get<std::int64_t>();
    if (earlier < later || (earlier == later && earlier_id > later_id)) {
      return ::testing::AssertionFailure() << "element " << i << " (" << later << ", id " << later_id
                                           << ") should come before (" << earlier << ", id " << earlier_id << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

// ---- builders (each throws, failing the test, unless the API answers as expected) ----

inline json expect_created(const http_reply& reply, const std::string& what) {
  if (reply.status != 201) {
    throw std::runtime_error(what + " answered " + std::to_string(reply.status) + ": " + shorten(reply.body));
  }
  return reply.json();
}

inline json restaurant_body(const std::string& name, const std::string& cuisine = "Italian") {
  return {
      {"name", name}, {"cuisine_type", cuisine}, {"address", "123 Main St, Downtown"}, {"phone_number", "+1-555-0123"}};
}

inline json create_restaurant(checked_client& api, const std::string& cuisine = "Italian") {
  return expect_created(api.post("/restaurants/", restaurant_body(unique_name("Orders Test Kitchen"), cuisine)),
                        "POST /restaurants/");
}

inline json create_item(checked_client& api, std::int64_t restaurant_id, double price, json extra = json::object()) {
  json body{{"name", unique_name("Dish")}, {"price", price}, {"category", "Main Course"}};
  for (auto& [key, value] : extra.items()) body[key] = value;
  return expect_created(api.post("/restaurants/" + str(restaurant_id) + "/menu-items/", body),
                        "POST /restaurants/" + str(restaurant_id) + "/menu-items/");
}

inline json customer_body(const std::string& email) {
  return {{"name", unique_name("Customer")},
          {"email", email},
          {"phone_number", "+1-555-0456"},
          {"address", "456 Oak Ave, City"}};
}

inline json create_customer(checked_client& api) {
  return expect_created(api.post("/customers/", customer_body(unique_email())), "POST /customers/");
}

struct line {
  std::int64_t menu_item_id;
  std::int64_t quantity;
};

inline json order_body(std::int64_t restaurant_id, const std::vector<line>& lines) {
  json items = json::array();
  for (const auto& l : lines) items.push_back({{"menu_item_id", l.menu_item_id}, {"quantity", l.quantity}});
  return {{"restaurant_id", restaurant_id}, {"delivery_address", "456 Oak Ave, City"}, {"order_items", items}};
}

inline std::string orders_of(std::int64_t customer_id) { return "/orders/customers/" + str(customer_id) + "/orders/"; }

inline json place_order(checked_client& api, std::int64_t customer_id, std::int64_t restaurant_id,
                        const std::vector<line>& lines) {
  return expect_created(api.post(orders_of(customer_id), order_body(restaurant_id, lines)),
                        "POST " + orders_of(customer_id));
}

inline http_reply set_status(checked_client& api, std::int64_t order_id, const std::string& status,
                             std::optional<std::string> delivery_time = std::nullopt) {
  json body{{"order_status", status}};
  if (delivery_time) body["delivery_time"] = *delivery_time;
  return api.put("/orders/" + str(order_id) + "/status", body);
}

/// The statuses an order passes through from placed to the given one (excluding placed).
inline std::vector<std::string> path_to(const std::string& status) {
  if (status == "placed") return {};
  if (status == "cancelled") return {"cancelled"};
  const std::vector<std::string> chain{"confirmed", "preparing", "out_for_delivery", "delivered"};
  std::vector<std::string> path;
  for (const auto& step : chain) {
    path.push_back(step);
    if (step == status) return path;
  }
  throw std::runtime_error("unknown status " + status);
}

/// Moves the order from placed to the status along the workflow; throws unless every step is 200.
inline void drive_to(checked_client& api, std::int64_t order_id, const std::string& status) {
  for (const auto& step : path_to(status)) {
    const auto reply = set_status(api, order_id, step);
    if (reply.status != 200) {
      throw std::runtime_error("moving order " + str(order_id) + " to " + step + " answered " +
                               std::to_string(reply.status) + ": " + shorten(reply.body));
    }
  }
}

/// GETs a list and returns its "total"; throws unless 200.
inline std::int64_t total_of(checked_client& api, const std::string& target) {
  const auto reply = api.get(target);
  if (reply.status != 200) {
    throw std::runtime_error("GET " + target + " answered " + std::to_string(reply.status) + ": " +
                             shorten(reply.body));
  }
  return reply.json().at("total").get<std::int64_t>();
}

/// GETs a JSON object; throws unless 200.
inline json get_json(checked_client& api, const std::string& target) {
  const auto reply = api.get(target);
  if (reply.status != 200) {
    throw std::runtime_error("GET " + target + " answered " + std::to_string(reply.status) + ": " +
                             shorten(reply.body));
  }
  return reply.json();
}

}  // namespace zomato::testing::order_fixtures
