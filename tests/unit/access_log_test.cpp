#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "net/access_log.hpp"

namespace zomato::net {
namespace {

using namespace std::chrono_literals;

access_record sample() {
  return {.at = std::chrono::sys_days{std::chrono::year{2026} / 12 / 6} + 18h + 55min + 30s + 294ms,
          .request_id = "abc-123",
          .method = "GET",
          .target = "/restaurants/1",
          .status = 200,
          .elapsed_ms = 0.125,
          .body_bytes = 326,
          .cache_status = "HIT"};
}

TEST(AccessLog, TextLinesTellMethodTargetStatusTimeAndId) {
  std::string out;
  append_access_line(out, access_log_format::text, sample());
  EXPECT_EQ(out, "GET /restaurants/1 200 0.13ms abc-123\n");
  auto without_id = sample();
  without_id.request_id = {};
  out.clear();
  append_access_line(out, access_log_format::text, without_id);
  EXPECT_EQ(out, "GET /restaurants/1 200 0.13ms\n");
}

TEST(AccessLog, JsonLinesAreOneObjectEach) {
  std::string out = "before\n";
  append_access_line(out, access_log_format::json, sample());
  ASSERT_EQ(out.rfind("before\n", 0), 0u);
  const auto line = out.substr(7);
  ASSERT_EQ(line.back(), '\n');
  ASSERT_EQ(line.find('\n'), line.size() - 1) << "one line";
  const auto logged = nlohmann::json::parse(line);
  EXPECT_EQ(logged["time"], "2026-12-06T18:55:30.294Z");
  EXPECT_EQ(logged["request_id"], "abc-123");
  EXPECT_EQ(logged["method"], "GET");
  EXPECT_EQ(logged["target"], "/restaurants/1");
  EXPECT_EQ(logged["status"], 200);
  EXPECT_DOUBLE_EQ(logged["duration_ms"].get<double>(), 0.13);
  EXPECT_EQ(logged["bytes"], 326);
  EXPECT_EQ(logged["cache"], "HIT");
}

TEST(AccessLog, JsonEscapesWhatATargetMayHoldAndTellsAMissingCacheAsNull) {
  auto record = sample();
  record.target = R"(/search?q="a\b")";
  record.cache_status = {};
  std::string out;
  append_access_line(out, access_log_format::json, record);
  const auto logged = nlohmann::json::parse(out);
  EXPECT_EQ(logged["target"], R"(/search?q="a\b")");
  EXPECT_TRUE(logged["cache"].is_null());
}

TEST(AccessLog, NothingIsWrittenWhenOff) {
  std::string out;
  append_access_line(out, access_log_format::off, sample());
  EXPECT_TRUE(out.empty());
}

TEST(RequestIds, AClientsIdIsKeptOnlyWhenItNeedsNoEscaping) {
  for (const std::string_view id : {"abc-123", "4bf92f3577b34da6a3ce929d0e0e4736", "a:b/c+d=e@f_g.h", "x"}) {
    EXPECT_TRUE(acceptable_request_id(id)) << id;
  }
  for (const std::string_view id : {"", "has space", "quote\"", "back\\slash", "semi;colon", "tab\t", "é"}) {
    EXPECT_FALSE(acceptable_request_id(id)) << id;
  }
  EXPECT_TRUE(acceptable_request_id(std::string(128, 'a')));
  EXPECT_FALSE(acceptable_request_id(std::string(129, 'a')));
}

TEST(RequestIds, EachLoopCountsItsOwnUnderTheProcessTag) {
  request_id_source loop0(0xabc, 0);
  request_id_source loop1(0xabc, 1);
  EXPECT_EQ(loop0.next(), "abc-0-0");
  EXPECT_EQ(loop0.next(), "abc-0-1");
  EXPECT_EQ(loop1.next(), "abc-1-0");
  std::set<std::string> seen;
  request_id_source many(0xffffffff, 255);
  for (int i = 0; i < 1000; ++i) {
    const auto id = std::string(many.next());
    EXPECT_TRUE(acceptable_request_id(id)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace zomato::net
