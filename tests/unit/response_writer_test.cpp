#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "net/response_writer.hpp"

namespace zomato::net {
namespace {

http::response sample() {
  http::response res;
  res.body = R"({"id":1})";
  res.headers.emplace_back("etag", "\"KvN7wEjRWeJ\"");
  res.headers.emplace_back("x-cache-status", "HIT");
  return res;
}

TEST(WriteHead, WritesTheStatusLineFieldsAndBlankLine) {
  std::string out = "left over from the last answer";
  write_head(out, sample(),
             {.keep_alive = true, .elapsed_ms = 1.234, .date = "Sun, 06 Dec 2026 18:55:30 GMT", .request_id = "ab-1"});
  EXPECT_EQ(out,
            "HTTP/1.1 200 OK\r\n"
            "content-type: application/json\r\n"
            "content-length: 8\r\n"
            "date: Sun, 06 Dec 2026 18:55:30 GMT\r\n"
            "x-process-time: 1.23ms\r\n"
            "x-request-id: ab-1\r\n"
            "etag: \"KvN7wEjRWeJ\"\r\n"
            "x-cache-status: HIT\r\n"
            "\r\n");
}

TEST(WriteHead, TellsHowTheConnectionGoesOn) {
  std::string out;
  write_head(out, sample(), {.keep_alive = false});
  EXPECT_NE(out.find("connection: close\r\n\r\n"), std::string::npos) << out;
  write_head(out, sample(), {.keep_alive = true, .announce_keep_alive = true});
  EXPECT_NE(out.find("connection: keep-alive\r\n\r\n"), std::string::npos) << out;
  write_head(out, sample(), {.keep_alive = true});
  EXPECT_EQ(out.find("connection:"), std::string::npos) << out;
  EXPECT_EQ(out.find("date:"), std::string::npos) << "no date given, none written";
  EXPECT_EQ(out.find("x-request-id:"), std::string::npos);
}

TEST(WriteHead, HeadKeepsTheLengthAndStatusesWithoutBodyHaveNone) {
  std::string out;
  write_head(out, sample(), {.head_only = true});
  EXPECT_NE(out.find("content-length: 8\r\n"), std::string::npos);
  EXPECT_EQ(body_to_send(sample(), true), "");
  auto not_modified = sample();
  not_modified.status = 304;
  write_head(out, not_modified, {});
  EXPECT_EQ(out.rfind("HTTP/1.1 304 Not Modified\r\n", 0), 0u) << out;
  EXPECT_EQ(out.find("content-length"), std::string::npos) << out;
  EXPECT_EQ(body_to_send(not_modified, false), "");
}

TEST(WriteHead, MillisecondsRoundHalfUpToTwoDecimals) {
  std::string out;
  for (const auto& [elapsed, shown] : {std::pair{0.0, "0.00ms"},
                                       {0.005, "0.01ms"},
                                       {12.344, "12.34ms"},
                                       {999.999, "1000.00ms"},
                                       {86400000.0, "86400000.00ms"}}) {
    write_head(out, sample(), {.elapsed_ms = elapsed});
    EXPECT_NE(out.find(std::string("x-process-time: ") + shown + "\r\n"), std::string::npos) << out;
  }
}

TEST(WriteHead, ManyAndLongFieldsAllFit) {
  auto res = sample();
  for (int i = 0; i < 50; ++i) res.headers.emplace_back("x-long", std::string(1000, 'v'));
  res.status = 599;
  std::string out;
  write_head(out, res,
             {.keep_alive = false,
              .elapsed_ms = 1e15,
              .date = "Sun, 06 Dec 2026 18:55:30 GMT",
              .request_id = std::string(128, 'r')});
  EXPECT_EQ(out.rfind("HTTP/1.1 599 ", 0), 0u);
  EXPECT_EQ(out.size() - out.find("connection: close\r\n\r\n"), std::string("connection: close\r\n\r\n").size());
  std::size_t longs = 0;
  for (auto at = out.find("x-long: "); at != std::string::npos; at = out.find("x-long: ", at + 1)) ++longs;
  EXPECT_EQ(longs, 50u);
}

TEST(Refusal, IsACompleteClosingAnswerWithItsDetail) {
  const auto wire = refusal(503, "Too many connections", "Sun, 06 Dec 2026 18:55:30 GMT", 1);
  EXPECT_EQ(wire.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << wire;
  EXPECT_NE(wire.find("retry-after: 1\r\n"), std::string::npos);
  EXPECT_NE(wire.find("connection: close\r\n\r\n{\"detail\":\"Too many connections\"}"), std::string::npos) << wire;
}

}  // namespace
}  // namespace zomato::net
