// A fleet (issue 16): two server processes ("nodes") on one SQLite database and one Redis, which
// both use as their second cache level. What one node writes, the other reads, past the bound
// (fleet.bound_ms of GET /cache/stats), as the database has it; entries one node stored serve the
// other and outlive a node; with Redis gone, hung or cutting the nodes' subscriptions, every read
// still answers from the database.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/entity_targets.hpp"
#include "support/http_client.hpp"
#include "support/redis_process.hpp"
#include "support/server_process.hpp"
#include "support/tcp_relay.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

using json = nlohmann::json;
using environment = std::map<std::string, std::string>;
using headers = std::vector<std::pair<std::string, std::string>>;
using namespace std::chrono_literals;

std::string str(std::int64_t id) { return std::to_string(id); }

/// Polls until the condition holds or a generous cap (30 s) passes; whether it held.
template <class Condition>
bool eventually(Condition condition) {
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

/// The text `key` of a fleet object; "" when it has none.
std::string text_of(const json& fleet, const char* key) {
  if (!fleet.is_object() || !fleet.contains(key) || !fleet[key].is_string()) return "";
  return fleet[key].get<std::string>();
}

/// The integer `key` of a fleet object; -1 when it has none.
std::int64_t counter_of(const json& fleet, const char* key) {
  if (!fleet.is_object() || !fleet.contains(key) || !fleet[key].is_number_integer()) return -1;
  return fleet[key].get<std::int64_t>();
}

/// Whether the fleet object has every field of issue 16 with its type.
::testing::AssertionResult is_fleet_object(const json& fleet) {
  if (!fleet.is_object()) return ::testing::AssertionFailure() << "no fleet object: " << fleet.dump();
  if (!fleet.contains("node") || !fleet["node"].is_string()) {
    return ::testing::AssertionFailure() << "no node id: " << fleet.dump();
  }
  const auto state = text_of(fleet, "state");
  if (state != "synced" && state != "late" && state != "resyncing" && state != "down" && state != "off") {
    return ::testing::AssertionFailure() << "state is not synced, late, resyncing, down or off: " << fleet.dump();
  }
  for (const char* key : {"bound_ms", "confirmed_ms_ago", "messages_received", "resyncs", "bumps", "bump_failures"}) {
    if (counter_of(fleet, key) < 0) return ::testing::AssertionFailure() << key << " is no count: " << fleet.dump();
  }
  if (!fleet.contains("bump_mean_us") || !fleet["bump_mean_us"].is_number()) {
    return ::testing::AssertionFailure() << "bump_mean_us is no number: " << fleet.dump();
  }
  const auto delivery = fleet.value("delivery_ms", json());
  if (counter_of(delivery, "count") < 0) return ::testing::AssertionFailure() << "no delivery_ms.count";
  for (const char* key : {"p50", "p99", "max"}) {
    if (!delivery.contains(key) || !delivery[key].is_number()) {
      return ::testing::AssertionFailure() << "delivery_ms." << key << " is no number: " << fleet.dump();
    }
  }
  return ::testing::AssertionSuccess();
}

/// One node seen through one keep-alive connection; answers that are 5xx, or none, are kept.
class node {
 public:
  node(std::string name, std::uint16_t port) : name_(std::move(name)), http_(port) {}

  const std::string& name() const { return name_; }

  http_reply get(const std::string& target, const headers& extra = {}) {
    return watch("GET " + target, http_.get(target, extra));
  }
  /// The read answered from the database: it neither reads nor stores the cache.
  http_reply direct(const std::string& target) { return get(target, {{"Cache-Control", "no-store"}}); }
  http_reply post(const std::string& target, const json& body) {
    return watch("POST " + target, http_.post(target, body.dump()));
  }
  http_reply put(const std::string& target, const json& body) {
    return watch("PUT " + target, http_.put(target, body.dump()));
  }
  http_reply del(const std::string& target) { return watch("DELETE " + target, http_.del(target)); }

  /// The "fleet" object of GET /cache/stats; null when the answer has none.
  json fleet() {
    const auto reply = get("/cache/stats");
    const auto stats = json::parse(reply.body, nullptr, false);
    if (reply.status != 200 || !stats.is_object() || !stats.contains("fleet")) return json();
    return stats["fleet"];
  }
  /// fleet.state; "" when there is none.
  std::string state() { return text_of(fleet(), "state"); }
  /// Whether the node reports "synced" within the cap.
  bool synced() {
    return eventually([&] { return state() == "synced"; });
  }
  /// The read, sent once the node reports "synced" (a heartbeat late under load would make it a
  /// MISS that neither reads nor stores the cache).
  http_reply get_synced(const std::string& target) {
    synced();
    return get(target);
  }
  /// Whether reading the target twice eventually answers HIT the second time.
  bool hits(const std::string& target) {
    return eventually([&] {
      get(target);
      return get(target).header("x-cache-status") == "HIT";
    });
  }

  /// The 5xx and unanswered requests, the first of them described.
  std::size_t failures() const { return failures_.size(); }
  std::string first_failures() const {
    std::string text;
    for (std::size_t i = 0; i < failures_.size() && i < 5; ++i) text += "\n  " + failures_[i];
    return text;
  }

 private:
  http_reply watch(const std::string& what, http_reply reply) {
    if (reply.status == 0 || reply.status >= 500) {
      failures_.push_back(what + " on " + name_ + " answered " + std::to_string(reply.status) + " " +
                          reply.body.substr(0, 200));
    }
    return reply;
  }

  std::string name_;
  http_client http_;
  std::vector<std::string> failures_;
};

struct order_state {
  std::int64_t id;
  std::int64_t customer;
  std::int64_t restaurant;
  std::string status;
  bool reviewed = false;
};

/// Random writes on one node, each preceded by reads on both nodes of what it may change (so
/// that both hold them cached) and followed, past the bound, by those reads on the other node
/// compared with the same reads answered from the database (no-store).
class fleet_run {
 public:
  /// Writes go to `a` and reads to `b` (the other way round for a few steps of step_both_ways).
  fleet_run(node& a, node& b, std::uint32_t seed, std::chrono::milliseconds past_bound)
      : a_(a), b_(b), seed_(seed), random_(seed), past_bound_(past_bound) {}

  /// A few restaurants, menu items, customers and orders, written on `a`.
  void populate() {
    for (int i = 0; i < 3; ++i) create_restaurant(a_, b_);
    for (int i = 0; i < 8; ++i) create_menu_item(a_, b_);
    for (int i = 0; i < 3; ++i) create_customer(a_, b_);
    for (int i = 0; i < 3; ++i) place_order(a_, b_);
  }

  /// One random write on `a`, checked on `b`.
  void step() { step(a_, b_); }
  /// One random write on `a` checked on `b`, or, one time in eight, on `b` checked on `a`.
  void step_both_ways() {
    if (uniform(0, 7) == 0) {
      step(b_, a_);
    } else {
      step(a_, b_);
    }
  }

  /// While on, every compared read must be a MISS: a node serves nothing from the cache while
  /// Redis is down or hung.
  void set_outage(bool on) { outage_ = on; }

  std::size_t writes() const { return writes_; }
  std::size_t comparisons() const { return comparisons_; }
  std::size_t hits_compared() const { return hits_compared_; }
  const std::vector<std::string>& stale() const { return stale_; }
  const std::vector<std::string>& cached_in_outage() const { return cached_in_outage_; }

  /// A target that this run reads, for checks of hits.
  std::string some_target() const { return "/restaurants/" + str(restaurants_.begin()->first); }

 private:
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <class T>
  const T& any(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }
  template <class V>
  std::int64_t any_key(const std::map<std::int64_t, V>& items) {
    auto it = items.begin();
    std::advance(it, uniform(0, static_cast<int>(items.size()) - 1));
    return it->first;
  }

  void step(node& writer, node& reader) {
    ++step_;
    const int pick = uniform(0, 99);
    if (pick < 5) {
      create_restaurant(writer, reader);
    } else if (pick < 20) {
      update_restaurant(writer, reader);
    } else if (pick < 28) {
      create_menu_item(writer, reader);
    } else if (pick < 42) {
      update_menu_item(writer, reader);
    } else if (pick < 45) {
      delete_menu_item(writer, reader);
    } else if (pick < 49) {
      create_customer(writer, reader);
    } else if (pick < 58) {
      update_customer(writer, reader);
    } else if (pick < 72) {
      place_order(writer, reader);
    } else if (pick < 90) {
      advance_order(writer, reader);
    } else {
      add_review(writer, reader);
    }
  }

  const std::vector<std::string> cuisines_{"Italian", "Mexican", "Thai", "Indian"};
  const std::vector<std::string> categories_{"Main Course", "Starters", "Desserts"};

  static std::vector<std::string> global_targets() {
    return {"/restaurants/",
            "/restaurants/active",
            "/restaurants/?limit=3&skip=1",
            "/restaurants/analytics/popular-cuisines",
            "/restaurants/analytics/price-ranges",
            "/menu-items/",
            "/menu-items/dietary/vegetarian",
            "/customers/"};
  }
  std::vector<std::string> all_targets() const {
    auto all = global_targets();
    for (const auto& cuisine : cuisines_) all.push_back("/restaurants/search?cuisine=" + cuisine);
    for (const auto& category : categories_) {
      all.push_back("/menu-items/category/" + url_encode(category));
      all.push_back("/menu-items/search?category=" + url_encode(category));
    }
    for (const auto& [id, unused] : restaurants_) restaurant_targets(id, all);
    for (const auto& [id, unused] : menu_items_) menu_item_targets(id, all);
    for (const auto id : customers_) customer_targets(id, all);
    for (const auto& o : orders_) all.push_back("/orders/" + str(o.id));
    return all;
  }

  /// The targets a write may change, the lists every write may change and a random sample;
  /// each read once on both nodes, so that both hold it cached before the write.
  std::vector<std::string> warm(node& writer, node& reader, std::vector<std::string> related) {
    for (const auto& target : global_targets()) related.push_back(target);
    const auto all = all_targets();
    for (int i = 0; i < 6; ++i) related.push_back(any(all));
    for (const auto& target : related) {
      reader.get(target);
      writer.get(target);
    }
    return related;
  }

  /// Past the bound after the write's answer: every target, read on `reader`, must equal the
  /// reader's answer from the database.
  void verify(node& writer, node& reader, const std::string& write, const std::vector<std::string>& targets) {
    ++writes_;
    std::this_thread::sleep_for(past_bound_);
    for (const auto& target : targets) {
      const auto cached = reader.get(target);
      const auto direct = reader.direct(target);
      const auto cache_status = cached.header("x-cache-status");
      ++comparisons_;
      if (cache_status == "HIT") ++hits_compared_;
      const auto where = "seed " + std::to_string(seed_) + " step " + std::to_string(step_) + " after '" + write +
                         "' on " + writer.name() + ": GET " + target + " on " + reader.name() + " (x-cache-status " +
                         cache_status + ")";
      if (outage_ && cache_status != "MISS") cached_in_outage_.push_back(where);
      if (cached.status != direct.status || cached.body != direct.body) {
        stale_.push_back(where + " answered " + std::to_string(cached.status) + " " + cached.body.substr(0, 600) +
                         "\n    but no-store answered " + std::to_string(direct.status) + " " +
                         direct.body.substr(0, 600) + "\n    " + reader.name() + " fleet " + reader.fleet().dump() +
                         "\n    " + writer.name() + " fleet " + writer.fleet().dump());
      }
    }
  }

  /// The id of a created entity; 0 unless the answer is a 201.
  static std::int64_t created(const http_reply& reply) {
    return reply.status == 201 ? reply.json()["id"].get<std::int64_t>() : 0;
  }

  void create_restaurant(node& writer, node& reader) {
    const auto cuisine = any(cuisines_);
    auto targets = warm(writer, reader, {"/restaurants/search?cuisine=" + cuisine});
    const auto id = created(writer.post("/restaurants/", {{"name", "Fleet Place " + str(++serial_)},
                                                          {"cuisine_type", cuisine},
                                                          {"address", "12 Market Street, Town"},
                                                          {"phone_number", "+1-555-0123"}}));
    if (id == 0) return;
    restaurants_[id] = cuisine;
    restaurant_targets(id, targets);
    verify(writer, reader, "create restaurant " + str(id), targets);
  }

  void update_restaurant(node& writer, node& reader) {
    const auto id = any_key(restaurants_);
    json body;
    switch (uniform(0, 3)) {
      case 0: body["name"] = "Fleet Renamed " + str(++serial_); break;
      case 1: body["cuisine_type"] = any(cuisines_); break;
      case 2: body["is_active"] = uniform(0, 3) != 0; break;
      default: body["description"] = "Description " + str(++serial_); break;
    }
    std::vector<std::string> related{"/restaurants/search?cuisine=" + restaurants_[id]};
    restaurant_targets(id, related);
    const auto targets = warm(writer, reader, related);
    if (writer.put("/restaurants/" + str(id), body).status != 200) return;
    if (body.contains("cuisine_type")) restaurants_[id] = body["cuisine_type"].get<std::string>();
    verify(writer, reader, "update restaurant " + str(id) + " " + body.dump(), targets);
  }

  void create_menu_item(node& writer, node& reader) {
    const auto restaurant = any_key(restaurants_);
    const auto category = any(categories_);
    std::vector<std::string> related{"/menu-items/category/" + url_encode(category),
                                     "/menu-items/search?category=" + url_encode(category)};
    restaurant_targets(restaurant, related);
    auto targets = warm(writer, reader, related);
    const auto id = created(
        writer.post("/restaurants/" + str(restaurant) + "/menu-items/", {{"name", "Fleet Dish " + str(++serial_)},
                                                                         {"price", uniform(100, 6000) / 100.0},
                                                                         {"category", category},
                                                                         {"is_vegetarian", uniform(0, 1) == 1}}));
    if (id == 0) return;
    menu_items_[id] = restaurant;
    menu_item_targets(id, targets);
    verify(writer, reader, "create menu item " + str(id), targets);
  }

  void update_menu_item(node& writer, node& reader) {
    const auto id = any_key(menu_items_);
    json body;
    switch (uniform(0, 3)) {
      case 0: body["price"] = uniform(100, 6000) / 100.0; break;
      case 1: body["is_available"] = uniform(0, 4) != 0; break;
      case 2: body["is_vegetarian"] = uniform(0, 1) == 1; break;
      default: body["name"] = "Fleet Dish Renamed " + str(++serial_); break;
    }
    std::vector<std::string> related;
    menu_item_targets(id, related);
    restaurant_targets(menu_items_[id], related);
    const auto targets = warm(writer, reader, related);
    if (writer.put("/menu-items/" + str(id), body).status != 200) return;
    verify(writer, reader, "update menu item " + str(id) + " " + body.dump(), targets);
  }

  void delete_menu_item(node& writer, node& reader) {
    if (menu_items_.size() < 8) return create_menu_item(writer, reader);
    const auto id = any_key(menu_items_);
    std::vector<std::string> related;
    menu_item_targets(id, related);
    restaurant_targets(menu_items_[id], related);
    const auto targets = warm(writer, reader, related);
    if (writer.del("/menu-items/" + str(id)).status / 100 != 2) return;
    menu_items_.erase(id);
    verify(writer, reader, "delete menu item " + str(id), targets);
  }

  void create_customer(node& writer, node& reader) {
    auto targets = warm(writer, reader, {});
    const auto n = ++serial_;
    const auto id = created(writer.post("/customers/", {{"name", "Fleet Customer " + str(n)},
                                                        {"email", "fleet." + str(n) + "@example.com"},
                                                        {"phone_number", "+1-555-0456"},
                                                        {"address", "456 Oak Avenue, Springfield"}}));
    if (id == 0) return;
    customers_.push_back(id);
    customer_targets(id, targets);
    verify(writer, reader, "create customer " + str(id), targets);
  }

  void update_customer(node& writer, node& reader) {
    const auto id = any(customers_);
    json body;
    if (uniform(0, 1) == 0) {
      body["name"] = "Fleet Customer Renamed " + str(++serial_);
    } else {
      body["address"] = "789 Pine Road, Shelbyville " + str(++serial_);
    }
    std::vector<std::string> related;
    customer_targets(id, related);
    for (const auto& o : orders_) {
      if (o.customer == id) related.push_back("/orders/" + str(o.id));
    }
    const auto targets = warm(writer, reader, related);
    if (writer.put("/customers/" + str(id), body).status != 200) return;
    verify(writer, reader, "update customer " + str(id) + " " + body.dump(), targets);
  }

  void place_order(node& writer, node& reader) {
    const auto customer = any(customers_);
    const auto item = any_key(menu_items_);
    const auto restaurant = menu_items_[item];
    std::vector<std::string> related;
    customer_targets(customer, related);
    restaurant_targets(restaurant, related);
    auto targets = warm(writer, reader, related);
    const auto id = created(writer.post("/orders/customers/" + str(customer) + "/orders/",
                                        {{"restaurant_id", restaurant},
                                         {"delivery_address", "456 Oak Avenue, Springfield"},
                                         {"order_items", {{{"menu_item_id", item}, {"quantity", uniform(1, 3)}}}}}));
    if (id == 0) return;
    orders_.push_back({id, customer, restaurant, "placed"});
    targets.push_back("/orders/" + str(id));
    verify(writer, reader, "place order " + str(id), targets);
  }

  void advance_order(node& writer, node& reader) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      if (orders_[i].status != "delivered" && orders_[i].status != "cancelled") open.push_back(i);
    }
    if (open.empty()) return place_order(writer, reader);
    auto& o = orders_[any(open)];
    static const std::map<std::string, std::string> next{{"placed", "confirmed"},
                                                         {"confirmed", "preparing"},
                                                         {"preparing", "out_for_delivery"},
                                                         {"out_for_delivery", "delivered"}};
    const std::string status = o.status != "out_for_delivery" && uniform(0, 14) == 0 ? "cancelled" : next.at(o.status);
    std::vector<std::string> related{"/orders/" + str(o.id)};
    customer_targets(o.customer, related);
    restaurant_targets(o.restaurant, related);
    const auto targets = warm(writer, reader, related);
    if (writer.put("/orders/" + str(o.id) + "/status", {{"order_status", status}}).status != 200) return;
    o.status = status;
    verify(writer, reader, "order " + str(o.id) + " -> " + status, targets);
  }

  void add_review(node& writer, node& reader) {
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      if (orders_[i].status == "delivered" && !orders_[i].reviewed) ready.push_back(i);
    }
    if (ready.empty()) return advance_order(writer, reader);
    auto& o = orders_[any(ready)];
    std::vector<std::string> related{"/orders/" + str(o.id)};
    customer_targets(o.customer, related);
    restaurant_targets(o.restaurant, related);
    const auto targets = warm(writer, reader, related);
    const auto reply = writer.post("/reviews/orders/" + str(o.id) + "/review?customer_id=" + str(o.customer),
                                   {{"rating", uniform(1, 5)}, {"comment", "Review " + str(++serial_)}});
    if (reply.status != 201) return;
    o.reviewed = true;
    verify(writer, reader, "review order " + str(o.id), targets);
  }

  node& a_;
  node& b_;
  std::uint32_t seed_;
  std::mt19937 random_;
  std::chrono::milliseconds past_bound_;
  bool outage_ = false;
  std::size_t step_ = 0;
  std::int64_t serial_ = 0;
  std::map<std::int64_t, std::string> restaurants_;  // id -> cuisine
  std::map<std::int64_t, std::int64_t> menu_items_;  // id -> restaurant
  std::vector<std::int64_t> customers_;
  std::vector<order_state> orders_;
  std::size_t writes_ = 0;
  std::size_t comparisons_ = 0;
  std::size_t hits_compared_ = 0;
  std::vector<std::string> stale_;
  std::vector<std::string> cached_in_outage_;
};

/// No read of the run differed from the database, none was served from the cache during an
/// outage, and no node answered a 5xx.
void expect_clean(const fleet_run& run, const node& a, const node& b) {
  std::string first;
  for (std::size_t i = 0; i < run.stale().size() && i < 8; ++i) first += "\n  " + run.stale()[i];
  EXPECT_TRUE(run.stale().empty()) << run.stale().size() << " of " << run.comparisons()
                                   << " reads differed from the database:" << first;
  first.clear();
  for (std::size_t i = 0; i < run.cached_in_outage().size() && i < 8; ++i) first += "\n  " + run.cached_in_outage()[i];
  EXPECT_TRUE(run.cached_in_outage().empty())
      << run.cached_in_outage().size() << " reads were not computed while Redis was out:" << first;
  EXPECT_EQ(a.failures(), 0u) << a.first_failures();
  EXPECT_EQ(b.failures(), 0u) << b.first_failures();
}

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif

/// The bound the nodes are given: above the default (50 ms), so that a heartbeat late under a
/// sanitizer's load rarely stops a node's cache, and small enough for many writes each waited past.
constexpr int bound_ms = sanitized ? 600 : 200;
/// The random writes of the differential test (fewer where each takes a sanitizer's time).
constexpr int random_writes = sanitized ? 60 : 150;

/// Nodes A and B on one database and one Redis (each with short Redis timeouts and no warm start).
class fleet_api : public ::testing::Test {
 protected:
  void SetUp() override {
    a_server_ = start_node();
    b_server_ = start_node();
    a_ = std::make_unique<node>("A", a_server_->port());
    b_ = std::make_unique<node>("B", b_server_->port());
    ASSERT_TRUE(a_->synced()) << "A: " << a_->fleet().dump();
    ASSERT_TRUE(b_->synced()) << "B: " << b_->fleet().dump();
  }

  /// Another node on the fleet's database and Redis.
  std::unique_ptr<server_process> start_node() const {
    return std::make_unique<server_process>(environment{{"DATABASE_URL", database_.url()},
                                                        {"REDIS_URL", redis_.url()},
                                                        {"REDIS_TIMEOUT_MS", "50"},
                                                        {"CACHE_FLEET_BOUND_MS", std::to_string(bound_ms)}});
  }

  /// The bound that A reports, and 30 ms more.
  std::chrono::milliseconds past_bound() {
    const auto bound = counter_of(a_->fleet(), "bound_ms");
    EXPECT_GT(bound, 0) << "GET /cache/stats has no fleet.bound_ms";
    return std::chrono::milliseconds(std::max<std::int64_t>(bound, bound_ms) + 30);
  }

  /// A restaurant with one menu item, created on A and seen by B past the bound; its id.
  std::int64_t create_restaurant() {
    const auto restaurant = a_->post("/restaurants/", {{"name", "Fleet Corner"},
                                                       {"cuisine_type", "Thai"},
                                                       {"address", "12 Market Street, Town"},
                                                       {"phone_number", "+1-555-0123"}});
    EXPECT_EQ(restaurant.status, 201) << restaurant.body;
    const auto id = restaurant.json()["id"].get<std::int64_t>();
    const auto item = a_->post("/restaurants/" + str(id) + "/menu-items/",
                               {{"name", "Fleet Noodles"}, {"price", 9.5}, {"category", "Main Course"}});
    EXPECT_EQ(item.status, 201) << item.body;
    std::this_thread::sleep_for(past_bound());
    return id;
  }

  temp_database database_;
  redis_process redis_;
  std::unique_ptr<server_process> a_server_;
  std::unique_ptr<server_process> b_server_;
  std::unique_ptr<node> a_;
  std::unique_ptr<node> b_;
};

TEST_F(fleet_api, reads_on_one_node_past_the_bound_see_every_write_of_the_other) {
  fleet_run run(*a_, *b_, 16016, past_bound());
  run.populate();
  for (int i = 0; i < random_writes; ++i) run.step_both_ways();
  expect_clean(run, *a_, *b_);
  EXPECT_GE(run.writes(), std::size_t{random_writes});
  EXPECT_GE(run.hits_compared(), std::size_t{random_writes}) << "the comparisons must exercise cached answers";

  const auto fleet_a = a_->fleet();
  const auto fleet_b = b_->fleet();
  EXPECT_TRUE(is_fleet_object(fleet_a));
  EXPECT_TRUE(is_fleet_object(fleet_b));
  EXPECT_FALSE(text_of(fleet_a, "node").empty()) << fleet_a.dump();
  EXPECT_NE(text_of(fleet_a, "node"), text_of(fleet_b, "node")) << "each node has its own id";
  EXPECT_EQ(counter_of(fleet_a, "bound_ms"), bound_ms) << "CACHE_FLEET_BOUND_MS";
  EXPECT_EQ(text_of(fleet_a, "state"), "synced");
  EXPECT_EQ(text_of(fleet_b, "state"), "synced");
  EXPECT_GT(counter_of(fleet_a, "bumps"), 0) << fleet_a.dump();
  EXPECT_GT(counter_of(fleet_b, "bumps"), 0) << "B wrote too: " << fleet_b.dump();
  EXPECT_GT(counter_of(fleet_b, "messages_received"), 0) << fleet_b.dump();
  EXPECT_GT(counter_of(fleet_b.is_object() ? fleet_b.value("delivery_ms", json()) : json(), "count"), 0)
      << fleet_b.dump();
}

TEST_F(fleet_api, an_entry_one_node_stored_is_a_hit_on_the_other) {
  const auto restaurant = create_restaurant();
  const auto check = [](node& first, node& second, const std::string& target) {
    const auto stored = first.get_synced(target);
    EXPECT_EQ(stored.status, 200) << target << ": " << stored.body;
    EXPECT_EQ(stored.header("x-cache-status"), "MISS") << target << " read first on " << first.name();
    const auto shared = second.get_synced(target);
    EXPECT_EQ(shared.header("x-cache-status"), "HIT") << target << " stored by " << first.name() << ", read first on "
                                                      << second.name() << "; its fleet " << second.fleet().dump();
    EXPECT_EQ(shared.body, stored.body) << target;
  };
  const auto analytics = "/restaurants/" + str(restaurant) + "/analytics";
  const auto review_analytics = "/reviews/restaurants/" + str(restaurant) + "/analytics";
  for (const auto& target : std::vector<std::string>{"/restaurants/?limit=2", analytics,
                                                     "/restaurants/search?cuisine=Thai", "/menu-items/?limit=2"}) {
    check(*a_, *b_, target);
  }
  for (const auto& target :
       std::vector<std::string>{"/restaurants/?limit=4", review_analytics, "/menu-items/search?category=Main%20Course",
                                "/customers/?limit=2"}) {
    check(*b_, *a_, target);
  }
  EXPECT_EQ(a_->failures(), 0u) << a_->first_failures();
  EXPECT_EQ(b_->failures(), 0u) << b_->first_failures();
}

TEST_F(fleet_api, a_write_on_one_node_leaves_its_entity_a_hit_on_the_other) {
  const auto restaurant = create_restaurant();
  const auto target = "/restaurants/" + str(restaurant);
  EXPECT_EQ(b_->get_synced(target).status, 200);
  const auto written = a_->put(target, {{"name", "Fleet Corner Renamed"}});
  ASSERT_EQ(written.status, 200) << written.body;
  std::this_thread::sleep_for(past_bound());
  const auto read = b_->get_synced(target);
  EXPECT_EQ(read.header("x-cache-status"), "HIT") << "written through in Redis by A; B's fleet " << b_->fleet().dump();
  EXPECT_EQ(read.json()["name"], "Fleet Corner Renamed");
  EXPECT_EQ(read.body, b_->direct(target).body);
}

TEST_F(fleet_api, warming_one_node_serves_the_other) {
  const auto restaurant = create_restaurant();
  const auto warmed = a_->post("/cache/warm/restaurant-menus", json::object());
  ASSERT_EQ(warmed.status, 200) << warmed.body;
  const auto target = "/restaurants/" + str(restaurant) + "/menu";
  const auto read = b_->get_synced(target);
  EXPECT_EQ(read.header("x-cache-status"), "HIT") << target << " warmed on A; B's fleet " << b_->fleet().dump();
  EXPECT_EQ(read.body, b_->direct(target).body);
}

TEST_F(fleet_api, an_entry_outlives_the_node_that_stored_it) {
  const auto restaurant = create_restaurant();
  const std::vector<std::string> targets{"/restaurants/" + str(restaurant), "/restaurants/?limit=6",
                                         "/restaurants/" + str(restaurant) + "/analytics"};
  std::vector<std::string> bodies;
  for (const auto& target : targets) {
    const auto stored = a_->get_synced(target);
    EXPECT_EQ(stored.status, 200) << target << ": " << stored.body;
    bodies.push_back(stored.body);
  }
  EXPECT_EQ(a_->failures(), 0u) << a_->first_failures();
  EXPECT_EQ(a_server_->stop(), 0);
  auto restarted_server = start_node();
  node restarted("A restarted", restarted_server->port());
  ASSERT_TRUE(restarted.synced()) << restarted.fleet().dump();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const auto reply = restarted.get_synced(targets[i]);
    EXPECT_EQ(reply.header("x-cache-status"), "HIT")
        << targets[i] << " stored before the restart; fleet " << restarted.fleet().dump();
    EXPECT_EQ(reply.body, bodies[i]) << targets[i];
  }
  EXPECT_EQ(restarted.failures(), 0u) << restarted.first_failures();
}

TEST_F(fleet_api, redis_killed_or_hung_never_fails_a_request_nor_serves_older_data) {
  fleet_run run(*a_, *b_, 1616, past_bound());
  run.populate();
  const auto target = run.some_target();
  for (int i = 0; i < 8; ++i) run.step();
  for (const bool hung : {false, true}) {
    SCOPED_TRACE(hung ? "Redis paused (SIGSTOP)" : "Redis killed");
    if (hung) {
      redis_.pause();
    } else {
      redis_.kill();
    }
    EXPECT_TRUE(eventually([&] { return b_->state() != "synced" && a_->state() != "synced"; }))
        << "A " << a_->fleet().dump() << "\nB " << b_->fleet().dump();
    EXPECT_TRUE(is_fleet_object(a_->fleet()));
    EXPECT_TRUE(is_fleet_object(b_->fleet()));
    run.set_outage(true);
    for (int i = 0; i < 8; ++i) run.step();
    run.set_outage(false);
    if (hung) {
      redis_.resume();
    } else {
      redis_.start();  // the same port, empty
    }
    EXPECT_TRUE(a_->synced()) << "A " << a_->fleet().dump();
    EXPECT_TRUE(b_->synced()) << "B " << b_->fleet().dump();
    EXPECT_TRUE(b_->hits(target)) << "B's cache must come back";
    EXPECT_TRUE(a_->hits(target)) << "A's cache must come back";
    for (int i = 0; i < 8; ++i) run.step();
  }
  expect_clean(run, *a_, *b_);
  EXPECT_GE(run.writes(), 40u);
}

TEST_F(fleet_api, a_node_whose_subscription_is_cut_resyncs_and_serves_no_older_data) {
  fleet_run run(*a_, *b_, 1661, past_bound());
  run.populate();
  for (int i = 0; i < 5; ++i) run.step();
  const auto resyncs_before = counter_of(b_->fleet(), "resyncs");
  for (int cut = 0; cut < 3; ++cut) {
    EXPECT_NE(redis_.ask({"CLIENT", "KILL", "TYPE", "pubsub"}), ":0") << "the nodes subscribe";
    for (int i = 0; i < 6; ++i) run.step();
  }
  EXPECT_TRUE(eventually([&] { return counter_of(b_->fleet(), "resyncs") > resyncs_before; }))
      << "B resynced after its subscription was cut: " << b_->fleet().dump();
  EXPECT_TRUE(b_->synced()) << b_->fleet().dump();
  EXPECT_TRUE(b_->hits(run.some_target())) << "B's cache must come back";
  for (int i = 0; i < 5; ++i) run.step();
  expect_clean(run, *a_, *b_);
}

TEST_F(fleet_api, clearing_the_cache_on_one_node_clears_it_for_every_node) {
  const auto restaurant = create_restaurant();
  const std::vector<std::string> restaurant_reads{"/restaurants/", "/restaurants/" + str(restaurant)};
  const std::vector<std::string> other_reads{"/menu-items/", "/restaurants/" + str(restaurant) + "/analytics"};
  const auto prime = [&] {
    for (const auto& target : restaurant_reads) EXPECT_TRUE(b_->hits(target)) << target;
    for (const auto& target : other_reads) EXPECT_TRUE(b_->hits(target)) << target;
  };
  const auto expect_cleared = [&](const std::string& target) {
    const auto reply = b_->get(target);
    EXPECT_NE(reply.header("x-cache-status"), "HIT")
        << target << " after a clear on A; B's fleet " << b_->fleet().dump();
    EXPECT_EQ(reply.body, b_->direct(target).body) << target;
  };

  prime();
  ASSERT_EQ(a_->del("/cache/clear").status, 200);
  std::this_thread::sleep_for(past_bound());
  for (const auto& target : restaurant_reads) expect_cleared(target);
  for (const auto& target : other_reads) expect_cleared(target);

  prime();
  ASSERT_EQ(a_->del("/cache/clear/restaurants").status, 200);
  std::this_thread::sleep_for(past_bound());
  for (const auto& target : restaurant_reads) expect_cleared(target);
  EXPECT_EQ(a_->failures(), 0u) << a_->first_failures();
  EXPECT_EQ(b_->failures(), 0u) << b_->first_failures();
}

TEST(fleet_off_api, a_node_without_redis_reports_its_fleet_off) {
  server_process server;
  node alone("alone", server.port());
  const auto fleet = alone.fleet();
  EXPECT_TRUE(is_fleet_object(fleet));
  EXPECT_EQ(text_of(fleet, "state"), "off") << fleet.dump();
}

// A node cut off from Redis while the other reaches it: its writes move no generation in Redis
// and tell no node, yet a read on the other node past the bound must see them (or the write must
// not be acknowledged).
TEST(fleet_partition_api, a_write_on_a_node_cut_off_from_redis_is_seen_by_the_other_past_the_bound) {
  temp_database database;
  redis_process redis;
  tcp_relay relay(redis.port());
  const auto node_environment = [&](std::uint16_t redis_port) {
    return environment{{"DATABASE_URL", database.url()},
                       {"REDIS_URL", "redis://127.0.0.1:" + std::to_string(redis_port) + "/0"},
                       {"REDIS_TIMEOUT_MS", "50"},
                       {"CACHE_FLEET_BOUND_MS", std::to_string(bound_ms)}};
  };
  server_process a_server(node_environment(relay.port()));
  server_process b_server(node_environment(redis.port()));
  node a("A (through the relay)", a_server.port());
  node b("B", b_server.port());
  ASSERT_TRUE(a.synced()) << a.fleet().dump();
  ASSERT_TRUE(b.synced()) << b.fleet().dump();
  const auto past_bound = std::chrono::milliseconds(bound_ms + 30);

  const auto created = a.post("/restaurants/", {{"name", "Partitioned Place"},
                                                {"cuisine_type", "Greek"},
                                                {"address", "12 Market Street, Town"},
                                                {"phone_number", "+1-555-0123"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto target = "/restaurants/" + str(created.json()["id"].get<std::int64_t>());
  std::this_thread::sleep_for(past_bound);
  const std::vector<std::string> reads{target, "/restaurants/", "/restaurants/search?cuisine=Greek"};
  for (const auto& read : reads) EXPECT_TRUE(b.hits(read)) << read;

  relay.cut();
  EXPECT_TRUE(eventually([&] { return a.state() != "synced"; })) << a.fleet().dump();
  const auto write = a.put(target, {{"name", "Renamed While Cut Off"}});
  std::this_thread::sleep_for(past_bound);
  for (const auto& read : reads) {
    const auto cached = b.get(read);
    const auto direct = b.direct(read);
    EXPECT_EQ(cached.body, direct.body) << "GET " << read << " on B (x-cache-status " << cached.header("x-cache-status")
                                        << ") after A, cut off from Redis, answered the PUT " << write.status
                                        << "\n  A fleet " << a.fleet().dump() << "\n  B fleet " << b.fleet().dump();
  }
  relay.mend();
  EXPECT_TRUE(a.synced()) << a.fleet().dump();
  std::this_thread::sleep_for(past_bound);
  for (const auto& read : reads) EXPECT_EQ(b.get(read).body, b.direct(read).body) << read << " once A is back";
  EXPECT_EQ(b.failures(), 0u) << b.first_failures();
}

}  // namespace
}  // namespace zomato::testing
