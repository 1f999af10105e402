#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "support/api_fixtures.hpp"
#include "support/postgres_process.hpp"
#include "support/postgres_sql.hpp"

// A server on a PostgreSQL cluster of the test's own, which the test restarts, kills or holds
// locks in. These run once, in api.* (the cluster is not the suite's), and skip in api_pg.*.
namespace zomato::testing {
namespace {

using namespace std::chrono_literals;

// The advisory lock every write transaction of the server takes first (store/postgres/database.cpp).
constexpr const char* write_lock = "SELECT pg_advisory_xact_lock(8749107661066427767)";

struct world {
  std::int64_t restaurant = 0;
  std::int64_t item = 0;
  std::int64_t customer = 0;
};

world make_world(std::uint16_t port) {
  api_client client(port);
  world made;
  made.restaurant = create_restaurant(client, restaurant_body(unique_name("Fault Place")))["id"].get<std::int64_t>();
  made.item = create_menu_item(client, made.restaurant, menu_item_body("Fault Dish"))["id"].get<std::int64_t>();
  made.customer = create_customer(client, customer_body("Fay Fault"))["id"].get<std::int64_t>();
  return made;
}

http_reply order_from(http_client& http, const world& w) {
  const json body{{"restaurant_id", w.restaurant},
                  {"delivery_address", "1 Fault Line, Crash City"},
                  {"order_items", json::array({{{"menu_item_id", w.item}, {"quantity", 1}}})}};
  return http.post("/orders/customers/" + std::to_string(w.customer) + "/orders/", body.dump(),
                   {{"Content-Type", "application/json"}});
}

// What the clients of a faulty period got: answers by kind, and the orders acknowledged.
struct tally {
  std::mutex lock;
  int succeeded = 0;
  int unavailable = 0;
  std::vector<std::string> other;  // "<status> <body>" of any other answer
  std::vector<std::int64_t> acknowledged;

  void count(const http_reply& reply) {
    std::lock_guard guard(lock);
    if (reply.status == 200 || reply.status == 201) {
      ++succeeded;
      if (reply.status == 201) acknowledged.push_back(reply.json()["id"].get<std::int64_t>());
    } else if (reply.status == 503 && !reply.header("retry-after").empty()) {
      ++unavailable;
    } else {
      other.push_back(std::to_string(reply.status) + " " + reply.body);
    }
  }
  int answered() {
    std::lock_guard guard(lock);
    return succeeded + unavailable + static_cast<int>(other.size());
  }
};

// Clients placing orders and reading the restaurant past the cache, each at most `rounds`
// times, until `stop`.
std::vector<std::thread> start_clients(std::uint16_t port, const world& w, tally& seen, std::atomic<bool>& stop,
                                       int rounds = 2000) {
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&seen, &stop, &w, port, c, rounds] {
      http_client http(port);
      for (int i = 0; i < rounds && !stop.load(); ++i) {
        seen.count((i + c) % 2 == 0
                       ? order_from(http, w)
                       : http.get("/restaurants/" + std::to_string(w.restaurant), {{"Cache-Control", "no-store"}}));
      }
    });
  }
  return clients;
}

void wait_for_answers(tally& seen, int count) {
  for (int i = 0; i < 3000 && seen.answered() < count; ++i) std::this_thread::sleep_for(5ms);
}

class PostgresFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    if (on_postgres()) GTEST_SKIP() << "runs once, in api.*, on a cluster of its own";
  }
};

TEST_F(PostgresFaults, RestartedUnderLoadRequestsGet503NotAHangNorA500AndThePoolReconnectsByItself) {
  postgres_process pg;
  server_process server({{"DATABASE_URL", pg.url()}, {"DB_POOL_SIZE", "8"}});
  const auto w = make_world(server.port());
  tally seen;
  std::atomic<bool> stop{false};
  auto clients = start_clients(server.port(), w, seen, stop);
  wait_for_answers(seen, 100);
  pg.restart();
  wait_for_answers(seen, seen.answered() + 100);
  stop = true;
  for (auto& client : clients) client.join();

  EXPECT_TRUE(seen.other.empty()) << seen.other.front();
  EXPECT_GT(seen.succeeded, 0);
  // Restarted again while the pool holds idle connections: once PostgreSQL is back, no request
  // fails for a connection the restart broke.
  pg.restart();
  http_client http(server.port());
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(order_from(http, w).status, 201);
    EXPECT_EQ(http.get("/restaurants/" + std::to_string(w.restaurant), {{"Cache-Control", "no-store"}}).status, 200);
  }
}

TEST_F(PostgresFaults, EveryAcknowledgedOrderSurvivesPostgresKilledWithSigkillDuringOrderPlacement) {
  postgres_process pg;
  server_process server({{"DATABASE_URL", pg.url()}, {"DB_POOL_SIZE", "8"}});
  const auto w = make_world(server.port());
  tally seen;
  std::atomic<bool> stop{false};
  auto clients = start_clients(server.port(), w, seen, stop);
  wait_for_answers(seen, 200);
  pg.kill();
  wait_for_answers(seen, seen.answered() + 50);
  stop = true;
  for (auto& client : clients) client.join();
  pg.restart();

  EXPECT_TRUE(seen.other.empty()) << seen.other.front();
  ASSERT_FALSE(seen.acknowledged.empty());
  EXPECT_GT(seen.unavailable, 0);
  http_client http(server.port());
  for (const auto id : seen.acknowledged) {
    const auto found = http.get("/orders/" + std::to_string(id), {{"Cache-Control", "no-store"}});
    ASSERT_EQ(found.status, 200) << "order " << id << " was acknowledged and is gone";
    EXPECT_EQ(found.json()["order_items"].size(), 1u);
  }
}

TEST_F(PostgresFaults, AWriteChosenAsADeadlockVictimIsRunAgainAndSucceeds) {
  postgres_process pg;
  server_process server({{"DATABASE_URL", pg.url()}, {"DB_BUSY_TIMEOUT_MS", "10000"}});
  const auto w = make_world(server.port());
  const std::string id = std::to_string(w.restaurant);

  // This session holds the restaurant's row; the server's update takes the write lock, then
  // waits for the row; this session then asks for the write lock: a deadlock, which the
  // server's transaction finds first (this session's deadlock_timeout is a minute).
  postgres_session holder(pg.url());
  holder.execute("BEGIN; SET LOCAL deadlock_timeout = '60s'; SELECT 1 FROM restaurants WHERE id = " + id +
                 " FOR UPDATE");
  http_reply updated;
  std::thread writer([&] {
    http_client http(server.port());
    updated = http.put("/restaurants/" + id, R"({"description": "Renamed after a deadlock"})");
  });
  const std::string waiting =
      "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE restaurants%'";
  for (int i = 0; i < 2000 && postgres_value(pg.url(), waiting) != "1"; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(postgres_value(pg.url(), waiting), "1");
  holder.send(write_lock);
  holder.finish();
  holder.execute("COMMIT");
  writer.join();

  EXPECT_EQ(updated.status, 200) << updated.body;
  api_client client(server.port());
  EXPECT_EQ(client.get("/restaurants/" + id, {{"Cache-Control", "no-store"}}).json()["description"],
            "Renamed after a deadlock");
}

TEST_F(PostgresFaults, WritesThatWaitedTooLongForTheWriteLockAre503AndLeaveThePoolUsable) {
  postgres_process pg;
  server_process server({{"DATABASE_URL", pg.url()}, {"DB_BUSY_TIMEOUT_MS", "200"}, {"DB_POOL_SIZE", "2"}});
  const auto w = make_world(server.port());
  postgres_session holder(pg.url());
  holder.execute(std::string("BEGIN; ") + write_lock);
  http_client http(server.port());
  for (int i = 0; i < 4; ++i) {
    const auto refused = order_from(http, w);
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(refused.header("retry-after"), "1");
  }
  holder.execute("COMMIT");
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(order_from(http, w).status, 201);
    EXPECT_EQ(http.get("/restaurants/" + std::to_string(w.restaurant), {{"Cache-Control", "no-store"}}).status, 200);
  }
}

}  // namespace
}  // namespace zomato::testing
