// Concurrency: many clients (one thread and one connection each) racing on the same
// order, review, e-mail and idempotency key, and many orders placed at once.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <latch>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

std::string amount_text(std::int64_t cents) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return text;
}

class ConcurrencyApi : public server_suite<ConcurrencyApi> {
 protected:
  /// Runs the action on `count` threads, each with its own client, all released at once;
  /// returns every reply in thread order.
  std::vector<http_reply> race(int count, const std::function<http_reply(checked_client&, int)>& action) {
    std::vector<http_reply> replies(static_cast<std::size_t>(count));
    std::latch ready(count);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
      threads.emplace_back([&, i] {
        checked_client client(port());
        ready.arrive_and_wait();
        try {
          replies[static_cast<std::size_t>(i)] = action(client, i);
        } catch (const std::exception& error) {
          ADD_FAILURE() << "thread " << i << ": " << error.what();
        }
      });
    }
    for (auto& thread : threads) thread.join();
    return replies;
  }

  static std::map<int, int> statuses_of(const std::vector<http_reply>& replies) {
    std::map<int, int> counts;
    for (const auto& reply : replies) ++counts[reply.status];
    return counts;
  }

  static std::string describe(const std::map<int, int>& counts) {
    std::string text;
    for (const auto& [status, n] : counts) text += std::to_string(status) + "x" + std::to_string(n) + " ";
    return text;
  }
};

TEST_F(ConcurrencyApi, OneOrderTransitionWinsARace) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}}));
    const auto replies =
        race(16, [&](checked_client& client, int) { return set_status(client, order_id, "confirmed"); });
    const auto counts = statuses_of(replies);
    EXPECT_EQ(counts.count(200) ? counts.at(200) : 0, 1) << describe(counts);
    EXPECT_EQ(counts.count(400) ? counts.at(400) : 0, 15) << describe(counts);
    for (const auto& reply : replies) {
      if (reply.status == 400) {
        const auto detail = reply.json()["detail"];
        EXPECT_TRUE(detail == "Cannot transition from confirmed to confirmed" ||
                    detail == "Cannot transition from placed to confirmed")
            << reply.body;
      }
    }
    EXPECT_EQ(get_json(api(), "/orders/" + str(order_id))["order_status"], "confirmed");
  }
}

TEST_F(ConcurrencyApi, RivalTransitionsFromOneStateCannotBothWin) {
  // From preparing, out_for_delivery and cancelled are both allowed, and neither can follow
  // the other: exactly one of the racing requests may succeed.
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}}));
    drive_to(api(), order_id, "preparing");
    const auto replies = race(16, [&](checked_client& client, int i) {
      return set_status(client, order_id, i % 2 == 0 ? "out_for_delivery" : "cancelled");
    });
    int wins = 0;
    std::string winner;
    for (const auto& reply : replies) {
      if (reply.status == 200) {
        ++wins;
        winner = reply.json()["order_status"].get<std::string>();
      } else {
        EXPECT_EQ(reply.status, 400) << reply.body;
      }
    }
    ASSERT_EQ(wins, 1) << describe(statuses_of(replies));
    EXPECT_EQ(get_json(api(), "/orders/" + str(order_id))["order_status"], winner);
  }
}

TEST_F(ConcurrencyApi, ConfirmAndCancelRaceEndsConsistently) {
  // From placed, confirm and cancel race; a cancel may legitimately follow a confirm, but
  // each can win at most once and the final state matches the winners.
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}}));
    const auto replies = race(16, [&](checked_client& client, int i) {
      return set_status(client, order_id, i % 2 == 0 ? "confirmed" : "cancelled");
    });
    int confirms = 0;
    int cancels = 0;
    for (const auto& reply : replies) {
      if (reply.status == 200) {
        (reply.json()["order_status"] == "confirmed" ? confirms : cancels) += 1;
      } else {
        EXPECT_EQ(reply.status, 400) << reply.body;
      }
    }
    EXPECT_LE(confirms, 1) << describe(statuses_of(replies));
    EXPECT_LE(cancels, 1) << describe(statuses_of(replies));
    EXPECT_GE(confirms + cancels, 1);
    EXPECT_EQ(get_json(api(), "/orders/" + str(order_id))["order_status"], cancels == 1 ? "cancelled" : "confirmed");
  }
}

TEST_F(ConcurrencyApi, OneReviewPerOrderUnderRace) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}}));
  drive_to(api(), order_id, "delivered");

  const auto replies = race(8, [&](checked_client& client, int i) {
    return client.post("/reviews/orders/" + str(order_id) + "/review?customer_id=" + str(customer_id),
                       json{{"rating", 1 + i % 5}});
  });
  const auto counts = statuses_of(replies);
  EXPECT_EQ(counts.count(201) ? counts.at(201) : 0, 1) << describe(counts);
  int winning_rating = 0;
  for (const auto& reply : replies) {
    if (reply.status == 201) {
      winning_rating = reply.json()["rating"].get<int>();
    } else {
      EXPECT_TRUE(is_detail(reply, 400, "Order has already been reviewed"));
    }
  }
  EXPECT_EQ(total_of(api(), "/reviews/restaurants/" + str(restaurant_id) + "/reviews"), 1);
  EXPECT_DOUBLE_EQ(get_json(api(), "/restaurants/" + str(restaurant_id))["rating"].get<double>(), winning_rating);
}

TEST_F(ConcurrencyApi, OneRegistrationPerEmailUnderRace) {
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto email = unique_email("race");
    const auto replies = race(16, [&](checked_client& client, int i) {
      std::string variant = email;
      if (i % 2 == 1) variant[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(variant[0])));
      return client.post("/customers/", customer_body(variant));
    });
    const auto counts = statuses_of(replies);
    EXPECT_EQ(counts.count(201) ? counts.at(201) : 0, 1) << describe(counts);
    for (const auto& reply : replies) {
      if (reply.status != 201) {
        EXPECT_TRUE(is_detail(reply, 400, "Customer with this email already exists"));
      }
    }
    const auto all = get_json(api(), "/customers/?limit=1000");
    int holders = 0;
    for (const auto& customer : all["customers"]) holders += customer["email"] == email ? 1 : 0;
    EXPECT_EQ(holders, 1);
  }
}

TEST_F(ConcurrencyApi, ManyDistinctRegistrationsAllSucceed) {
  const auto before = total_of(api(), "/customers/?limit=1");
  const auto replies = race(16, [&](checked_client& client, int) {
    http_reply last;
    for (int n = 0; n < 5; ++n) {
      last = client.post("/customers/", customer_body(unique_email("many")));
      if (last.status != 201) return last;
    }
    return last;
  });
  for (const auto& reply : replies) EXPECT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(total_of(api(), "/customers/?limit=1"), before + 80);
}

TEST_F(ConcurrencyApi, IdempotentRetriesUnderRacePlaceOneOrder) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 6.75));
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto customer_id = id_of(create_customer(api()));
    const auto body = order_body(restaurant_id, {{item, 2}});
    const auto key = unique_name("race-key");
    const auto replies = race(8, [&](checked_client& client, int) {
      return client.post(orders_of(customer_id), body, {{"Idempotency-Key", key}});
    });
    std::set<std::int64_t> ids;
    for (const auto& reply : replies) {
      ASSERT_EQ(reply.status, 201) << reply.body;
      ids.insert(id_of(reply.json()));
      EXPECT_EQ(reply.json()["total_amount"], "13.50");
    }
    EXPECT_EQ(ids.size(), 1u);
    const auto history = get_json(api(), "/customers/" + str(customer_id) + "/orders");
    EXPECT_EQ(history["total"], 1);
    EXPECT_EQ(get_json(api(), "/customers/" + str(customer_id) + "/analytics")["total_spent"], "13.50");
  }
}

TEST_F(ConcurrencyApi, ManyConcurrentOrdersAddUpExactly) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto a = id_of(create_item(api(), restaurant_id, 1.23));
  const auto b = id_of(create_item(api(), restaurant_id, 4.56));
  const auto c = id_of(create_item(api(), restaurant_id, 0.1));
  constexpr int threads = 8;
  constexpr int per_thread = 10;
  std::vector<std::int64_t> customers;
  for (int i = 0; i < threads; ++i) customers.push_back(id_of(create_customer(api())));

  // Order n of thread t: a x (t+1), b x (n % 3 + 1), c x n+1.
  auto cents_of = [](int t, int n) { return 123LL * (t + 1) + 456LL * (n % 3 + 1) + 10LL * (n + 1); };
  std::mutex guard;
  std::vector<std::int64_t> placed_ids;
  const auto replies = race(threads, [&](checked_client& client, int t) {
    http_reply last;
    for (int n = 0; n < per_thread; ++n) {
      last = client.post(orders_of(customers[static_cast<std::size_t>(t)]),
                         order_body(restaurant_id, {{a, t + 1}, {b, n % 3 + 1}, {c, n + 1}}));
      if (last.status != 201) return last;
      EXPECT_EQ(last.json()["total_amount"], amount_text(cents_of(t, n)));
      std::lock_guard lock(guard);
      placed_ids.push_back(id_of(last.json()));
    }
    return last;
  });
  for (const auto& reply : replies) EXPECT_EQ(reply.status, 201) << reply.body;

  EXPECT_EQ(placed_ids.size(), static_cast<std::size_t>(threads * per_thread));
  EXPECT_EQ(std::set<std::int64_t>(placed_ids.begin(), placed_ids.end()).size(), placed_ids.size())
      << "an id was reused";

  std::int64_t grand_total = 0;
  for (int t = 0; t < threads; ++t) {
    std::int64_t spent = 0;
    for (int n = 0; n < per_thread; ++n) spent += cents_of(t, n);
    grand_total += spent;
    const auto analytics = get_json(api(), "/customers/" + str(customers[static_cast<std::size_t>(t)]) + "/analytics");
    EXPECT_EQ(analytics["total_orders"], per_thread);
    EXPECT_EQ(analytics["total_spent"], amount_text(spent)) << "thread " << t;
    EXPECT_EQ(total_of(api(), "/customers/" + str(customers[static_cast<std::size_t>(t)]) + "/orders"), per_thread);
  }
  EXPECT_EQ(total_of(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders"), threads * per_thread);
  const auto summary = get_json(api(), "/reviews/restaurants/" + str(restaurant_id) + "/analytics");
  EXPECT_EQ(summary["total_orders"], threads * per_thread);
  EXPECT_EQ(summary["total_revenue"], amount_text(grand_total));
  EXPECT_EQ(summary["order_status_breakdown"], json({{"placed", threads * per_thread}}));

  // Quantities: a = sum(t+1) * per_thread, c = threads * sum(n+1), b = threads * sum(n%3+1).
  std::map<std::int64_t, std::int64_t> quantities;
  for (const auto& entry : summary["popular_items"]) {
    quantities[entry["menu_item_id"].get<std::int64_t>()] = entry["order_count"].get<std::int64_t>();
  }
  EXPECT_EQ(quantities[a], 36 * per_thread);
  EXPECT_EQ(quantities[b], threads * 19);  // 1+2+3+1+2+3+1+2+3+1
  EXPECT_EQ(quantities[c], threads * 55);
}

TEST_F(ConcurrencyApi, ConcurrentReadersAndWritersNeverFail) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 2.5));
  const auto customer_id = id_of(create_customer(api()));
  std::vector<std::int64_t> orders;
  for (int i = 0; i < 4; ++i) orders.push_back(id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}})));

  const auto replies = race(12, [&](checked_client& client, int i) {
    http_reply last;
    for (int n = 0; n < 10; ++n) {
      switch (i % 4) {
        case 0: last = client.post(orders_of(customer_id), order_body(restaurant_id, {{item, 1}})); break;
        case 1: last = client.get("/orders/" + str(orders[static_cast<std::size_t>(n % 4)])); break;
        case 2: last = client.get("/customers/" + str(customer_id) + "/analytics"); break;
        default: last = client.get("/reviews/restaurants/" + str(restaurant_id) + "/analytics"); break;
      }
      if (last.status != 200 && last.status != 201) return last;
    }
    return last;
  });
  for (const auto& reply : replies)
    EXPECT_TRUE(reply.status == 200 || reply.status == 201) << reply.status << reply.body;
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 4 + 3 * 10);
  EXPECT_EQ(get_json(api(), "/customers/" + str(customer_id) + "/analytics")["total_spent"], amount_text(34 * 250));
}

// Each order is acknowledged after its group's COMMIT, and the last writer of a group may
// be about other customers and restaurants: readers of a writer's lists meanwhile must not
// leave an entry behind that misses its order (the cache hears of it again after the COMMIT).
TEST_F(ConcurrencyApi, EachWriterReadsItsOwnOrderInListsOthersKeepReading) {
  constexpr int writers = 6;
  std::vector<std::int64_t> restaurants, items, customers;
  for (int w = 0; w < writers; ++w) {
    restaurants.push_back(id_of(create_restaurant(api())));
    items.push_back(id_of(create_item(api(), restaurants.back(), 3.0)));
    customers.push_back(id_of(create_customer(api())));
  }
  const auto lists_of = [&](int w) {
    return std::vector<std::string>{
        "/customers/" + str(customers[static_cast<std::size_t>(w)]) + "/orders?limit=1000",
        "/orders/restaurants/" + str(restaurants[static_cast<std::size_t>(w)]) + "/orders?limit=1000"};
  };
  const auto listed = [](const http_reply& reply, std::int64_t id) {
    const auto body = reply.json();
    for (const auto& order : body.at("orders")) {
      if (id_of(order) == id) return true;
    }
    return false;
  };
  const auto replies = race(2 * writers, [&](checked_client& client, int i) {
    http_reply last;
    const int w = i / 2;
    for (int n = 0; n < 20; ++n) {
      if (i % 2 == 0) {
        for (int other = 0; other < writers; ++other) {
          last = client.get(lists_of(other)[static_cast<std::size_t>((n + other) % 2)]);
          if (last.status != 200) return last;
        }
        continue;
      }
      const auto ws = static_cast<std::size_t>(w);
      last = client.post(orders_of(customers[ws]), order_body(restaurants[ws], {{items[ws], 1}}));
      if (last.status != 201) return last;
      const auto placed = id_of(last.json());
      for (const auto& target : lists_of(w)) {
        const auto read = client.get(target);
        EXPECT_TRUE(listed(read, placed)) << target << " misses order " << placed << " after its acknowledgement ("
                                          << read.header("x-cache-status") << ")";
      }
    }
    return last;
  });
  for (const auto& reply : replies)
    EXPECT_TRUE(reply.status == 200 || reply.status == 201) << reply.status << reply.body;
  for (int w = 0; w < writers; ++w) EXPECT_EQ(total_of(api(), lists_of(w)[0]), 20);
}

}  // namespace
}  // namespace zomato::testing
