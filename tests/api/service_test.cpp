#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

TEST(Service, AnswersHealthAndWelcome) {
  server_process server;
  http_client client(server.port());
  const auto health = client.get("/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["status"], "healthy");
  EXPECT_FALSE(health.header("x-process-time").empty());
  const auto welcome = client.get("/");
  EXPECT_EQ(welcome.status, 200);
  for (const char* key : {"message", "version", "features", "cache_info", "docs", "redoc"}) {
    EXPECT_TRUE(welcome.json().contains(key)) << key;
  }
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace zomato::testing
