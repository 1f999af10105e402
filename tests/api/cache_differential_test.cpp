#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/entity_targets.hpp"
#include "support/http_client.hpp"
#include "support/redis_process.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

using json = nlohmann::json;

using environment = std::map<std::string, std::string>;

std::string str(std::int64_t id) { return std::to_string(id); }

struct order_state {
  std::int64_t id;
  std::int64_t customer;
  std::int64_t restaurant;
  std::string status;
  bool reviewed = false;
};

struct mismatch {
  std::size_t step;
  std::string write;
  std::string target;
  std::string cache_status;
  int cached_status;
  int fresh_status;
  std::string cached_body;
  std::string fresh_body;
};

/// Random writes and reads against one server; after every successful write, a sample of
/// cached reads is compared with the same read answered from the database (no-store).
class differential_run {
 public:
  differential_run(std::uint16_t port, std::uint32_t seed) : http_(port), random_(seed) {}

  void run(std::size_t steps) {
    for (std::size_t i = 0; i < 8; ++i) create_restaurant();
    for (std::size_t i = 0; i < 20; ++i) create_menu_item();
    for (std::size_t i = 0; i < 6; ++i) create_customer();
    for (step_ = 0; step_ < steps; ++step_) {
      const int pick = uniform(0, 99);
      if (pick < 30) {
        read_something();
      } else if (pick < 34) {
        create_restaurant();
      } else if (pick < 42) {
        update_restaurant();
      } else if (pick < 47) {
        create_menu_item();
      } else if (pick < 57) {
        update_menu_item();
      } else if (pick < 60) {
        create_customer();
      } else if (pick < 64) {
        update_customer();
      } else if (pick < 76) {
        place_order();
      } else if (pick < 90) {
        advance_order();
      } else if (pick < 96) {
        add_review();
      } else if (pick < 98) {
        delete_menu_item();
      } else if (pick < 99) {
        delete_customer();
      } else {
        delete_restaurant();
      }
    }
  }

  std::size_t step() const { return step_; }
  const std::string& last_request() const { return last_request_; }
  std::size_t comparisons() const { return comparisons_; }
  std::size_t hits_compared() const { return hits_compared_; }
  std::size_t writes() const { return writes_; }
  std::size_t server_errors() const { return server_errors_; }
  const std::vector<mismatch>& mismatches() const { return mismatches_; }
  std::size_t written_through() const { return written_through_; }
  /// The reads a write kept warm (write-through) that were not answered HIT.
  const std::vector<std::string>& not_kept_warm() const { return not_kept_warm_; }

 private:
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <class T>
  const T& any(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }
  std::int64_t any_key(const std::map<std::int64_t, std::int64_t>& items) {
    auto it = items.begin();
    std::advance(it, uniform(0, static_cast<int>(items.size()) - 1));
    return it->first;
  }

  http_reply checked(http_reply reply) {
    last_request_ = std::to_string(reply.status);
    if (reply.status >= 500 || reply.status == 0) ++server_errors_;
    return reply;
  }

  const std::vector<std::string> cuisines_{"Italian", "Mexican", "Thai", "Indian", "Greek"};
  const std::vector<std::string> categories_{"Main Course", "Starters", "Desserts", "Drinks"};

  std::vector<std::string> targets() {
    std::vector<std::string> all{"/restaurants/",
                                 "/restaurants/?limit=5&skip=1",
                                 "/restaurants/active",
                                 "/restaurants/analytics/popular-cuisines",
                                 "/restaurants/analytics/price-ranges",
                                 "/menu-items/",
                                 "/menu-items/?skip=3&limit=7",
                                 "/menu-items/dietary/vegetarian",
                                 "/menu-items/dietary/vegan",
                                 "/customers/",
                                 "/customers/?active_only=true"};
    for (const auto& cuisine : cuisines_) all.push_back("/restaurants/search?cuisine=" + cuisine);
    for (const auto& category : categories_) {
      const auto encoded = url_encode(category);
      all.push_back("/menu-items/category/" + encoded);
      all.push_back("/menu-items/search?category=" + encoded + "&vegetarian=true");
      all.push_back("/menu-items/search?category=" + encoded);
    }
    for (const auto& [id, unused] : restaurants_) restaurant_targets(id, all);
    for (const auto& [id, unused] : menu_items_) menu_item_targets(id, all);
    for (const auto id : customers_) customer_targets(id, all);
    for (const auto& o : orders_) all.push_back("/orders/" + str(o.id));
    return all;
  }

  void read_something() {
    const auto all = targets();
    for (int i = 0; i < 3; ++i) checked(http_.get(any(all)));
  }

  /// After a successful write: the related reads and a random sample must equal the database,
  /// and the read the write kept warm, when it names one, must be a HIT.
  void verify(const std::string& write, std::vector<std::string> related, const std::string& kept_warm = {}) {
    ++writes_;
    const auto all = targets();
    for (int i = 0; i < 8; ++i) related.push_back(any(all));
    for (const auto& target : related) {
      const auto cached = checked(http_.get(target));
      const auto fresh = checked(http_.get(target, {{"Cache-Control", "no-store"}}));
      ++comparisons_;
      if (cached.header("x-cache-status") == "HIT") ++hits_compared_;
      if (target == kept_warm) {
        ++written_through_;
        if (cached.header("x-cache-status") != "HIT") {
          not_kept_warm_.push_back("step " + std::to_string(step_) + " after '" + write + "': GET " + target + " (" +
                                   cached.header("x-cache-status") + ")");
        }
      }
      if (cached.status != fresh.status || cached.body != fresh.body) {
        mismatches_.push_back({step_, write, target, cached.header("x-cache-status"), cached.status, fresh.status,
                               cached.body.substr(0, 400), fresh.body.substr(0, 400)});
      }
    }
  }

  void create_restaurant() {
    const auto body = json{{"name", "Diff Place " + str(++serial_)},
                           {"cuisine_type", any(cuisines_)},
                           {"address", "12 Market Street, Town"},
                           {"phone_number", "+1-555-0123"},
                           {"opening_time", "09:00:00"},
                           {"closing_time", "23:00:00"}};
    const auto reply = checked(http_.post("/restaurants/", body.dump()));
    if (reply.status != 201) return;
    const auto id = reply.json()["id"].get<std::int64_t>();
    restaurants_[id] = 0;
    std::vector<std::string> related;
    restaurant_targets(id, related);
    verify("create restaurant " + str(id), related);
  }

  void update_restaurant() {
    if (restaurants_.empty()) return;
    const auto id = any_key(restaurants_);
    json body;
    switch (uniform(0, 3)) {
      case 0: body["name"] = "Diff Renamed " + str(++serial_); break;
      case 1: body["cuisine_type"] = any(cuisines_); break;
      case 2: body["is_active"] = uniform(0, 3) != 0; break;
      default: body["description"] = "Description " + str(++serial_); break;
    }
    const auto reply = checked(http_.put("/restaurants/" + str(id), body.dump()));
    if (reply.status / 100 != 2) return;
    std::vector<std::string> related;
    restaurant_targets(id, related);
    verify("update restaurant " + str(id) + " " + body.dump(), related, "/restaurants/" + str(id));
  }

  void delete_restaurant() {
    if (restaurants_.size() < 4) return;
    const auto id = any_key(restaurants_);
    const auto reply = checked(http_.del("/restaurants/" + str(id)));
    if (reply.status / 100 != 2) return;
    restaurants_.erase(id);
    std::erase_if(menu_items_, [&](const auto& item) { return item.second == id; });
    std::erase_if(orders_, [&](const order_state& o) { return o.restaurant == id; });
    std::vector<std::string> related;
    restaurant_targets(id, related);
    verify("delete restaurant " + str(id), related);
  }

  void create_menu_item() {
    if (restaurants_.empty()) return;
    const auto restaurant = any_key(restaurants_);
    const auto body = json{{"name", "Diff Dish " + str(++serial_)}, {"price", uniform(100, 6000) / 100.0},
                           {"category", any(categories_)},          {"is_vegetarian", uniform(0, 1) == 1},
                           {"is_vegan", uniform(0, 3) == 1},        {"preparation_time", uniform(5, 40)}};
    const auto reply = checked(http_.post("/restaurants/" + str(restaurant) + "/menu-items/", body.dump()));
    if (reply.status != 201) return;
    const auto id = reply.json()["id"].get<std::int64_t>();
    menu_items_[id] = restaurant;
    std::vector<std::string> related;
    menu_item_targets(id, related);
    restaurant_targets(restaurant, related);
    verify("create menu item " + str(id), related);
  }

  void update_menu_item() {
    if (menu_items_.empty()) return;
    const auto id = any_key(menu_items_);
    json body;
    switch (uniform(0, 4)) {
      case 0: body["price"] = uniform(100, 6000) / 100.0; break;
      case 1: body["category"] = any(categories_); break;
      case 2: body["is_available"] = uniform(0, 4) != 0; break;
      case 3: body["is_vegetarian"] = uniform(0, 1) == 1; break;
      default: body["name"] = "Diff Dish Renamed " + str(++serial_); break;
    }
    const auto reply = checked(http_.put("/menu-items/" + str(id), body.dump()));
    if (reply.status / 100 != 2) return;
    std::vector<std::string> related;
    menu_item_targets(id, related);
    restaurant_targets(menu_items_[id], related);
    verify("update menu item " + str(id) + " " + body.dump(), related, "/menu-items/" + str(id));
  }

  void delete_menu_item() {
    if (menu_items_.size() < 10) return;
    const auto id = any_key(menu_items_);
    const auto reply = checked(http_.del("/menu-items/" + str(id)));
    if (reply.status / 100 != 2) return;
    const auto restaurant = menu_items_[id];
    menu_items_.erase(id);
    std::vector<std::string> related;
    menu_item_targets(id, related);
    restaurant_targets(restaurant, related);
    verify("delete menu item " + str(id), related);
  }

  void create_customer() {
    const auto n = ++serial_;
    const auto body = json{{"name", "Diff Customer " + str(n)},
                           {"email", "diff." + str(n) + "@example.com"},
                           {"phone_number", "+1-555-0456"},
                           {"address", "456 Oak Avenue, Springfield"}};
    const auto reply = checked(http_.post("/customers/", body.dump()));
    if (reply.status != 201) return;
    const auto id = reply.json()["id"].get<std::int64_t>();
    customers_.push_back(id);
    std::vector<std::string> related;
    customer_targets(id, related);
    verify("create customer " + str(id), related);
  }

  void update_customer() {
    if (customers_.empty()) return;
    const auto id = any(customers_);
    json body;
    if (uniform(0, 1) == 0) {
      body["name"] = "Diff Customer Renamed " + str(++serial_);
    } else {
      body["address"] = "789 Pine Road, Shelbyville " + str(++serial_);
    }
    const auto reply = checked(http_.put("/customers/" + str(id), body.dump()));
    if (reply.status / 100 != 2) return;
    std::vector<std::string> related;
    customer_targets(id, related);
    for (const auto& o : orders_) {
      if (o.customer == id) related.push_back("/orders/" + str(o.id));
    }
    verify("update customer " + str(id), related, "/customers/" + str(id));
  }

  void delete_customer() {
    if (customers_.size() < 5) return;
    const auto id = any(customers_);
    const auto reply = checked(http_.del("/customers/" + str(id)));
    if (reply.status / 100 != 2) return;
    std::erase(customers_, id);
    std::vector<std::int64_t> reviewed_restaurants;
    for (const auto& o : orders_) {
      if (o.customer == id && o.reviewed) reviewed_restaurants.push_back(o.restaurant);
    }
    std::erase_if(orders_, [&](const order_state& o) { return o.customer == id; });
    std::vector<std::string> related;
    customer_targets(id, related);
    for (const auto restaurant : reviewed_restaurants) restaurant_targets(restaurant, related);
    verify("delete customer " + str(id), related);
  }

  void place_order() {
    if (customers_.empty() || menu_items_.empty()) return;
    const auto customer = any(customers_);
    const auto first_item = any_key(menu_items_);
    const auto restaurant = menu_items_[first_item];
    json items = json::array({{{"menu_item_id", first_item}, {"quantity", uniform(1, 3)}}});
    for (const auto& [item, owner] : menu_items_) {
      if (owner == restaurant && item != first_item && uniform(0, 2) == 0) {
        items.push_back({{"menu_item_id", item}, {"quantity", uniform(1, 2)}});
        break;
      }
    }
    const auto body = json{
        {"restaurant_id", restaurant}, {"delivery_address", "456 Oak Avenue, Springfield"}, {"order_items", items}};
    const auto reply = checked(http_.post("/orders/customers/" + str(customer) + "/orders/", body.dump()));
    if (reply.status != 201) return;
    const auto id = reply.json()["id"].get<std::int64_t>();
    orders_.push_back({id, customer, restaurant, "placed"});
    std::vector<std::string> related{"/orders/" + str(id)};
    customer_targets(customer, related);
    restaurant_targets(restaurant, related);
    verify("place order " + str(id), related);
  }

  void advance_order() {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      if (orders_[i].status != "delivered" && orders_[i].status != "cancelled") open.push_back(i);
    }
    if (open.empty()) return;
    auto& o = orders_[any(open)];
    static const std::map<std::string, std::string> next{{"placed", "confirmed"},
                                                         {"confirmed", "preparing"},
                                                         {"preparing", "out_for_delivery"},
                                                         {"out_for_delivery", "delivered"}};
    const bool cancel = o.status != "out_for_delivery" && uniform(0, 9) == 0;
    const std::string status = cancel ? "cancelled" : next.at(o.status);
    const auto reply = checked(http_.put("/orders/" + str(o.id) + "/status", json{{"order_status", status}}.dump()));
    if (reply.status / 100 != 2) return;
    o.status = status;
    std::vector<std::string> related{"/orders/" + str(o.id)};
    customer_targets(o.customer, related);
    restaurant_targets(o.restaurant, related);
    verify("order " + str(o.id) + " -> " + status, related, "/orders/" + str(o.id));
  }

  void add_review() {
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      if (orders_[i].status == "delivered" && !orders_[i].reviewed) ready.push_back(i);
    }
    if (ready.empty()) return;
    auto& o = orders_[any(ready)];
    const auto body = json{{"rating", uniform(1, 5)}, {"comment", "Review " + str(++serial_)}};
    const auto reply =
        checked(http_.post("/reviews/orders/" + str(o.id) + "/review?customer_id=" + str(o.customer), body.dump()));
    if (reply.status != 201) return;
    o.reviewed = true;
    std::vector<std::string> related{"/orders/" + str(o.id)};
    customer_targets(o.customer, related);
    restaurant_targets(o.restaurant, related);
    for (const auto& [item, owner] : menu_items_) {
      if (owner == o.restaurant) menu_item_targets(item, related);
    }
    verify("review order " + str(o.id), related, "/restaurants/" + str(o.restaurant));
  }

  http_client http_;
  std::mt19937 random_;
  std::size_t step_ = 0;
  std::int64_t serial_ = 0;
  std::map<std::int64_t, std::int64_t> restaurants_;  // id -> unused
  std::map<std::int64_t, std::int64_t> menu_items_;   // id -> restaurant
  std::vector<std::int64_t> customers_;
  std::vector<order_state> orders_;
  std::size_t comparisons_ = 0;
  std::size_t hits_compared_ = 0;
  std::size_t writes_ = 0;
  std::size_t server_errors_ = 0;
  std::vector<mismatch> mismatches_;
  std::size_t written_through_ = 0;
  std::vector<std::string> not_kept_warm_;
  std::string last_request_;
};

void run_and_check(server_process& server, std::size_t steps) {
  differential_run run(server.port(), 12345);
  try {
    run.run(steps);
  } catch (const std::exception& error) {
    ADD_FAILURE() << "the run stopped at step " << run.step() << ": " << error.what();
  }
  {
    http_client probe(server.port());
    http_reply alive;
    try {
      alive = probe.get("/health");
    } catch (const std::exception&) {
    }
    if (alive.status != 200) ADD_FAILURE() << "the server is gone; its exit status: " << server.stop();
  }
  EXPECT_GE(run.writes(), 500u);
  EXPECT_GE(run.comparisons(), 5000u);
  EXPECT_GE(run.hits_compared(), 1000u) << "the comparisons must exercise cached answers";
  EXPECT_EQ(run.server_errors(), 0u);
  EXPECT_EQ(run.mismatches().size(), 0u) << run.mismatches().size() << " of " << run.comparisons()
                                         << " cached reads differed from the database";
  EXPECT_GE(run.written_through(), 200u);
  EXPECT_TRUE(run.not_kept_warm().empty())
      << run.not_kept_warm().size() << " of " << run.written_through()
      << " reads a write kept warm were not hits, the first: " << run.not_kept_warm().front();
  std::size_t shown = 0;
  std::set<std::string> kinds;
  for (const auto& m : run.mismatches()) {
    const auto route = m.target.substr(0, m.target.find_first_of("0123456789?"));
    const auto write = m.write.substr(0, m.write.find_first_of("0123456789"));
    if (!kinds.insert(write + " | " + route).second || ++shown > 12) continue;
    ADD_FAILURE() << "step " << m.step << " after '" << m.write << "': GET " << m.target << " (" << m.cache_status
                  << ") answered " << m.cached_status << " " << m.cached_body << "\n  but the database says "
                  << m.fresh_status << " " << m.fresh_body;
  }
}

TEST(cache_differential, in_process_cache_never_serves_older_data) {
  server_process server;
  run_and_check(server, 2500);
}

TEST(cache_differential, redis_alone_never_serves_older_data) {
  redis_process redis;
  server_process server(environment{{"REDIS_URL", redis.url()}, {"CACHE_MEMORY", "off"}, {"REDIS_TIMEOUT_MS", "2000"}});
  run_and_check(server, 2500);
  // The answers really came from Redis.
  EXPECT_NE(redis.ask({"DBSIZE"}), ":0");
}

TEST(cache_differential, redis_behind_the_in_process_cache_never_serves_older_data) {
  redis_process redis;
  server_process server(environment{{"REDIS_URL", redis.url()}, {"REDIS_TIMEOUT_MS", "2000"}});
  run_and_check(server, 2000);
  EXPECT_NE(redis.ask({"DBSIZE"}), ":0");
}

}  // namespace
}  // namespace zomato::testing
