// Two server processes on one SQLite file (WAL), as a one-host deployment runs them: started at
// the same time on a file that does not exist yet, writing at the same time, each reading what the
// other wrote. Reads here send `Cache-Control: no-store`: each process has its own response cache,
// and keeping those coherent is the fleet cache's work, not the database's.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "store/postgres/migrations.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "support/api_fixtures.hpp"
#include "support/postgres_sql.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

const header_list uncached{{"Cache-Control", "no-store"}};

std::int64_t id_of(const json& entity) { return entity.at("id").get<std::int64_t>(); }

class SharedDatabase : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    file_ = std::make_unique<temp_database>();
    const std::map<std::string, std::string> environment{{"DATABASE_URL", file_->url()}};
    auto first = std::async(std::launch::async, [&] { return std::make_unique<server_process>(environment); });
    auto second = std::async(std::launch::async, [&] { return std::make_unique<server_process>(environment); });
    nodes_[0] = first.get();
    nodes_[1] = second.get();
  }
  static void TearDownTestSuite() {
    for (auto& node : nodes_) {
      if (node) {
        EXPECT_EQ(node->stop(), 0);
      }
      node.reset();
    }
    file_.reset();
  }

 protected:
  static std::uint16_t port(int node) { return nodes_[static_cast<std::size_t>(node)]->port(); }

  static std::unique_ptr<temp_database> file_;
  static std::array<std::unique_ptr<server_process>, 2> nodes_;
};

std::unique_ptr<temp_database> SharedDatabase::file_;
std::array<std::unique_ptr<server_process>, 2> SharedDatabase::nodes_;

TEST_F(SharedDatabase, TwoServersStartedTogetherOnANewDatabaseMigrateItOnce) {
  for (int node = 0; node < 2; ++node) EXPECT_EQ(api_client(port(node)).get("/health/ready").status, 200);
  if (on_postgres()) {
    const auto migrations = std::to_string(store::postgres::embedded_migrations().size());
    EXPECT_EQ(postgres_value(file_->url(), "SELECT COUNT(*) FROM schema_migrations"), migrations);
    EXPECT_EQ(postgres_value(file_->url(), "SELECT COUNT(DISTINCT version) FROM schema_migrations"), migrations);
    return;
  }
  store::sqlite::connection db(file_->path());
  auto rows = db.use("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations");
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.integer(0), static_cast<std::int64_t>(store::sqlite::embedded_migrations().size()));
  EXPECT_EQ(rows.integer(1), rows.integer(0));
}

TEST_F(SharedDatabase, OrdersPlacedOnBothServersAtOnceAreAllKeptUnderIdsNeverReused) {
  api_client setup(port(0));
  const auto restaurant = create_restaurant(setup, restaurant_body(unique_name("Shared Kitchen")));
  const auto item = create_menu_item(setup, id_of(restaurant), menu_item_body("Shared Dish"));
  const auto customer = create_customer(setup, customer_body("Sam Shared"));
  constexpr int clients_per_node = 3;
  constexpr int orders_per_client = 20;
  std::vector<std::future<std::vector<std::int64_t>>> placing;
  for (int client = 0; client < 2 * clients_per_node; ++client) {
    placing.push_back(std::async(std::launch::async, [&, node = client % 2] {
      api_client orders(port(node));
      std::vector<std::int64_t> ids;
      for (int i = 0; i < orders_per_client; ++i) {
        ids.push_back(id_of(place_order(orders, id_of(customer), id_of(restaurant), id_of(item), 1 + i % 3)));
      }
      return ids;
    }));
  }
  std::vector<std::int64_t> placed;
  for (auto& one : placing) {
    const auto ids = one.get();
    placed.insert(placed.end(), ids.begin(), ids.end());
  }
  EXPECT_EQ(std::set<std::int64_t>(placed.begin(), placed.end()).size(), placed.size()) << "an id was given twice";
  ASSERT_EQ(placed.size(), std::size_t{2 * clients_per_node * orders_per_client});
  const auto list = "/orders/customers/" + std::to_string(id_of(customer)) + "/orders/?limit=1000";
  for (int node = 0; node < 2; ++node) {
    api_client reader(port(node));
    const auto reply = reader.get(list, uncached);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()["total"], placed.size()) << "node " << node;
    auto listed = ids_of(reply.json()["orders"]);
    std::sort(listed.begin(), listed.end());
    std::sort(placed.begin(), placed.end());
    EXPECT_EQ(listed, placed) << "node " << node;
  }
}

// The same e-mail registered on both servers at the same instant, twenty times over: each time
// one registration is created and the other refused as a duplicate, never a 5xx or two customers.
TEST_F(SharedDatabase, OneEmailRegisteredOnBothServersAtOnceMakesOneCustomer) {
  for (int round = 0; round < 20; ++round) {
    const auto body = customer_body("Rae Racing");
    std::promise<void> go;
    const std::shared_future<void> started = go.get_future().share();
    std::vector<std::future<http_reply>> registering;
    for (int node = 0; node < 2; ++node) {
      registering.push_back(std::async(std::launch::async, [&, node] {
        api_client client(port(node));
        started.wait();
        return client.post_json("/customers/", body);
      }));
    }
    go.set_value();
    const auto first = registering[0].get();
    const auto second = registering[1].get();
    const auto& created = first.status == 201 ? first : second;
    const auto& refused = first.status == 201 ? second : first;
    ASSERT_EQ(created.status, 201) << first.body << " / " << second.body;
    EXPECT_TRUE(is_detail(refused, 400, "Customer with this email already exists"));
    for (int node = 0; node < 2; ++node) {
      const auto found = api_client(port(node)).get("/customers/" + std::to_string(id_of(created.json())), uncached);
      ASSERT_EQ(found.status, 200);
      EXPECT_EQ(found.json()["email"], body["email"]);
    }
  }
}

TEST_F(SharedDatabase, EachServerReadsWhatTheOtherWrote) {
  api_client first(port(0));
  api_client second(port(1));
  const auto restaurant = create_restaurant(first, restaurant_body(unique_name("Written On One")));
  const auto path = "/restaurants/" + std::to_string(id_of(restaurant));
  const auto seen = second.get(path, uncached);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json()["name"], restaurant["name"]);

  const auto renamed = unique_name("Renamed On Two");
  ASSERT_EQ(second.put_json(path, {{"name", renamed}}).status, 200);
  EXPECT_EQ(first.get(path, uncached).json()["name"], renamed);

  ASSERT_EQ(first.del(path).status, 204);
  EXPECT_EQ(second.get(path, uncached).status, 404);
  const auto next = create_restaurant(second, restaurant_body(unique_name("After The Delete")));
  EXPECT_GT(id_of(next), id_of(restaurant)) << "the deleted restaurant's id was given again";
}

}  // namespace
}  // namespace zomato::testing
