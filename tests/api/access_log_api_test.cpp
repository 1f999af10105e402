// The access log and request ids against the real binary: with LOG_FORMAT=json every answer
// carries X-Request-Id and the log holds one JSON object per request under that id.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_fixtures.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

using json = nlohmann::json;

// The next access-log line, parsed.
json next_logged(server_process& server) {
  const auto line = server.next_output_line();
  if (!line) return nullptr;
  return json::parse(*line);
}

TEST(AccessLogApi, JsonLinesCarryTheIdEachAnswerWasSentWith) {
  server_process server({{"LOG_LEVEL", "info"}, {"LOG_FORMAT", "json"}});
  http_client client(server.port());
  const auto made = client.get("/restaurants/");
  const auto kept = client.get("/restaurants/", {{"X-Request-Id", "trace-4bf92f35:01"}});
  const auto replaced = client.get("/health", {{"X-Request-Id", "not acceptable"}});
  const auto missing = client.get("/restaurants/999999");
  EXPECT_FALSE(made.header("x-request-id").empty());
  EXPECT_EQ(kept.header("x-request-id"), "trace-4bf92f35:01");
  EXPECT_NE(replaced.header("x-request-id"), "not acceptable");
  EXPECT_FALSE(replaced.header("x-request-id").empty());
  EXPECT_NE(made.header("x-request-id"), replaced.header("x-request-id"));

  struct expectation {
    const http_reply* reply;
    std::string target;
    json cache;
  };
  const std::vector<expectation> expected{{&made, "/restaurants/", "MISS"},
                                          {&kept, "/restaurants/", "HIT"},
                                          {&replaced, "/health", nullptr},
                                          {&missing, "/restaurants/999999", "MISS"}};
  for (const auto& [reply, target, cache] : expected) {
    const auto logged = next_logged(server);
    ASSERT_TRUE(logged.is_object()) << target;
    EXPECT_EQ(logged["request_id"], reply->header("x-request-id")) << target;
    EXPECT_EQ(logged["method"], "GET");
    EXPECT_EQ(logged["target"], target);
    EXPECT_EQ(logged["status"], reply->status) << target;
    EXPECT_EQ(logged["bytes"], reply->body.size()) << target;
    EXPECT_EQ(logged["cache"], cache) << target;
    EXPECT_TRUE(logged["duration_ms"].is_number());
    EXPECT_EQ(logged["time"].get<std::string>().size(), std::string("2026-12-06T18:55:30.294Z").size());
  }
}

TEST(AccessLogApi, WithoutTheLogOnlyAClientsIdIsSentBack) {
  server_process server;  // LOG_LEVEL=warning
  http_client client(server.port());
  EXPECT_EQ(client.get("/health", {{"X-Request-Id", "abc-123"}}).header("x-request-id"), "abc-123");
  EXPECT_EQ(client.get("/health").header("x-request-id"), "");
  EXPECT_FALSE(server.next_output_line(200).has_value()) << "nothing is logged";
}

TEST(AccessLogApi, TextLinesEndWithTheRequestId) {
  server_process server(std::map<std::string, std::string>{{"LOG_LEVEL", "info"}});
  http_client client(server.port());
  const auto reply = client.get("/health");
  const auto line = server.next_output_line();
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->rfind("GET /health 200 ", 0), 0u) << *line;
  EXPECT_EQ(line->substr(line->rfind(' ') + 1), reply.header("x-request-id")) << *line;
}

TEST(AccessLogApi, AnUnknownLogFormatStopsTheServerAtStart) {
  const auto [status, line] = run_to_exit({{"LOG_FORMAT", "xml"}});
  EXPECT_EQ(status, 2);
  EXPECT_NE(line.find("LOG_FORMAT"), std::string::npos) << line;
}

}  // namespace
}  // namespace zomato::testing
