// Rate limits in a fleet (issue 19, item 6): two nodes on one database and one real redis-server
// share each client's buckets, so together they allow the configured burst, not twice it; with
// Redis hung or gone, each node falls back to its own buckets and answers no 5xx. As in
// rate_limits_api_test, nothing refills during a test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/api_fixtures.hpp"
#include "support/redis_process.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

const header_list no_store{{"Cache-Control", "no-store"}};

class rate_limits_fleet_api : public ::testing::Test {
 protected:
  /// A node on the fleet's database and Redis, with bursts of 3 writes and 2 uncached reads; a
  /// generous Redis timeout, so that a slow first connection on a loaded machine is not taken for
  /// a failing Redis.
  std::unique_ptr<server_process> start_node() const {
    return std::make_unique<server_process>(std::map<std::string, std::string>{{"DATABASE_URL", database_.url()},
                                                                               {"REDIS_URL", redis_.url()},
                                                                               {"REDIS_TIMEOUT_MS", "1000"},
                                                                               {"RATE_LIMIT_WRITES", "0.001/3"},
                                                                               {"RATE_LIMIT_READS", "0.001/2"}});
  }

  /// Opens the client's loop's Redis pipeline with a read of the cache (a miss in memory asks
  /// Redis), so that no check waits for the connection; takes a read token of the client's.
  static void open_pipeline(api_client& client) { EXPECT_EQ(client.get("/restaurants/1").status, 404); }

  static int create(api_client& client) {
    return client.post_json("/restaurants/", restaurant_body(unique_name("Fleet Limited"))).status;
  }

  temp_database database_;
  redis_process redis_;
};

TEST_F(rate_limits_fleet_api, TheNodesShareEachClientsBuckets) {
  const auto a_server = start_node();
  const auto b_server = start_node();
  api_client a(a_server->port());
  api_client b(b_server->port());
  open_pipeline(a);
  open_pipeline(b);
  EXPECT_EQ(create(a), 201);
  EXPECT_EQ(create(b), 201);
  EXPECT_EQ(create(a), 201);
  EXPECT_EQ(create(b), 429) << "the burst of 3 is the fleet's, not each node's";
  EXPECT_EQ(create(a), 429);

  // Another client, whose read tokens open_pipeline did not take.
  api_client a_reader(a_server->port(), "127.0.0.4");
  api_client b_reader(b_server->port(), "127.0.0.4");
  EXPECT_EQ(a_reader.get("/restaurants/", no_store).status, 200);
  EXPECT_EQ(b_reader.get("/restaurants/", no_store).status, 200);
  EXPECT_EQ(a_reader.get("/restaurants/", no_store).status, 429);
  EXPECT_EQ(b_reader.get("/restaurants/", no_store).status, 429);
  EXPECT_NE(redis_.ask({"EXISTS", "zomato-rate:writes:ip:127.0.0.1"}), ":0") << "the bucket lives in Redis";
}

TEST_F(rate_limits_fleet_api, WithRedisHungOrGoneEachNodeFallsBackToItsOwnBuckets) {
  const auto server = start_node();
  api_client client(server->port());
  open_pipeline(client);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(create(client), 201);
  EXPECT_EQ(create(client), 429);

  // The node's own bucket was never used, so it lets its burst through; the api_client fails the
  // test on any 5xx, and its read timeout on a hang.
  redis_.pause();
  EXPECT_EQ(create(client), 201) << "a hung Redis: the check times out and the node's bucket decides";
  redis_.resume();
  redis_.kill();
  EXPECT_EQ(create(client), 201);
  EXPECT_EQ(create(client), 201);
  EXPECT_EQ(create(client), 429) << "the node's own bucket is spent";

  api_client scraper(server->port(), "127.0.0.3");
  const auto metrics = scraper.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("\nzomato_rate_limit_fallbacks_total "), std::string::npos);
  EXPECT_EQ(metrics.body.find("\nzomato_rate_limit_fallbacks_total 0\n"), std::string::npos) << metrics.body;
}

}  // namespace
}  // namespace zomato::testing
