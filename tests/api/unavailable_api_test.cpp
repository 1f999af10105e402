// What a client gets while the database cannot take writes: another process holding the write
// lock (on either engine), and a file system that refuses every write (a file-size limit, SQLite
// only). Both answer 503 with Retry-After and {"detail"}, /health/ready says not_ready, reads go
// on, data acknowledged before stays, and writes work again without a restart once the cause is
// gone.

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <string>
#include <thread>

#include "support/order_fixtures.hpp"
#include "support/write_lock_holder.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;
using namespace std::chrono_literals;

// GET /health/ready until it answers `status`, for at most 15 s (its probe runs once a second).
http_reply ready_once(http_client& http, int status) {
  auto reply = http.get("/health/ready");
  for (int i = 0; i < 150 && reply.status != status; ++i) {
    std::this_thread::sleep_for(100ms);
    reply = http.get("/health/ready");
  }
  return reply;
}

::testing::AssertionResult is_unavailable(const http_reply& reply, const std::string& retry_after) {
  if (reply.status != 503) return ::testing::AssertionFailure() << "status " << reply.status << ": " << reply.body;
  if (reply.header("retry-after") != retry_after) {
    return ::testing::AssertionFailure() << "retry-after '" << reply.header("retry-after") << "'";
  }
  const auto body = json::parse(reply.body, nullptr, false);
  if (!body.is_object() || body.size() != 1 || !body["detail"].is_string()) {
    return ::testing::AssertionFailure() << "body " << reply.body;
  }
  return ::testing::AssertionSuccess();
}

class UnavailableDatabase : public ::testing::Test {
 protected:
  server_process server{{{"DB_BUSY_TIMEOUT_MS", "200"}}};
  http_client http{server.port()};
};

TEST_F(UnavailableDatabase, WritesWhileAnotherProcessHoldsTheWriteLockAre503UntilItLetsGo) {
  const auto before = http.post("/restaurants/", restaurant_body(unique_name("Before")).dump());
  ASSERT_EQ(before.status, 201) << before.body;
  write_lock_holder other(server.database());
  other.take();

  const auto refused = http.post("/restaurants/", restaurant_body(unique_name("During")).dump());
  EXPECT_TRUE(is_unavailable(refused, "1"));
  EXPECT_EQ(refused.json()["detail"], "Service unavailable: the database is busy; try again later");
  const auto not_ready = http.get("/health/ready");
  EXPECT_EQ(not_ready.status, 503);
  EXPECT_EQ(not_ready.json()["status"], "not_ready");
  EXPECT_EQ(not_ready.json()["reason"], "the database is busy");
  EXPECT_EQ(not_ready.header("retry-after"), "1");
  EXPECT_EQ(http.get("/health").status, 200) << "the process itself is alive";
  EXPECT_EQ(http.get("/restaurants/").json()["total"], 1) << "reads are served";

  other.release();
  EXPECT_EQ(ready_once(http, 200).json()["status"], "ready");
  EXPECT_EQ(http.post("/restaurants/", restaurant_body(unique_name("After")).dump()).status, 201);
  EXPECT_EQ(http.get("/restaurants/").json()["total"], 2);
}

// RLIMIT_FSIZE set on the running server makes the kernel refuse its every write past the
// first byte of any file (EFBIG, SIGXFSZ ignored), as a full disk refuses them (ENOSPC): SQLite
// fails the COMMIT (an I/O error here, SQLITE_FULL there), the same 503 path; raising the limit
// again is the disk being freed.
TEST_F(UnavailableDatabase, WritesTheFileSystemRefusesAre503UntilItTakesThemAgain) {
  if (on_postgres()) GTEST_SKIP() << "SQLite file specific";
  const auto kept = http.post("/restaurants/", restaurant_body(unique_name("Kept")).dump());
  ASSERT_EQ(kept.status, 201) << kept.body;
  const auto kept_id = kept.json()["id"].get<std::int64_t>();
  rlimit limited{1, RLIM_INFINITY};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_FSIZE, &limited, nullptr), 0);

  EXPECT_TRUE(is_unavailable(http.post("/restaurants/", restaurant_body(unique_name("Lost")).dump()), "5"));
  EXPECT_TRUE(is_unavailable(http.post("/customers/", customer_body(unique_email()).dump()), "5"));
  const auto not_ready = ready_once(http, 503);
  EXPECT_EQ(not_ready.json()["status"], "not_ready");
  EXPECT_EQ(not_ready.json()["reason"], "the database cannot reach its storage");
  EXPECT_EQ(http.get("/restaurants/" + str(kept_id)).status, 200) << "acknowledged data is still there";

  rlimit freed{RLIM_INFINITY, RLIM_INFINITY};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_FSIZE, &freed, nullptr), 0);
  EXPECT_EQ(ready_once(http, 200).json()["status"], "ready");
  const auto again = http.post("/restaurants/", restaurant_body(unique_name("Again")).dump());
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(http.get("/restaurants/").json()["total"], 2) << "the refused writes left nothing behind";
  EXPECT_EQ(http.get("/health").status, 200);
}

}  // namespace
}  // namespace zomato::testing
