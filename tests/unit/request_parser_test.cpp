#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "net/request_parser.hpp"

namespace zomato::net {
namespace {

// Feeds the bytes in pieces of `step` and parses after each; answers the first state that
// is not incomplete (incomplete when the bytes run out first).
parse_state feed(request_parser& parser, std::string_view bytes, std::size_t step = 1 << 30) {
  auto state = parser.parse();
  while (state == parse_state::incomplete && !bytes.empty()) {
    auto room = parser.space();
    const auto count = std::min({step, room.size(), bytes.size()});
    std::memcpy(room.data(), bytes.data(), count);
    parser.filled(count);
    bytes.remove_prefix(count);
    state = parser.parse();
  }
  return state;
}

wire_limits small_limits() {
  wire_limits limits;
  limits.header_bytes = 1024;
  limits.header_fields = 8;
  limits.trailer_bytes = 64;
  limits.body_bytes = 256;
  return limits;
}

// The status a single request is refused with (0 when it is accepted).
int refusal_of(std::string_view bytes, wire_limits limits = small_limits()) {
  request_parser parser(limits);
  const auto state = feed(parser, bytes);
  if (state == parse_state::failed) return parser.failure_status();
  EXPECT_EQ(state, parse_state::complete) << bytes;
  return 0;
}

TEST(RequestParser, ReadsAGetWithItsFields) {
  request_parser parser(small_limits());
  ASSERT_EQ(feed(parser, "GET /restaurants/?limit=5 HTTP/1.1\r\nHost: x\r\nCache-Control:  no-cache \r\n\r\n"),
            parse_state::complete);
  const auto& req = parser.request();
  EXPECT_EQ(req.method, http::verb::get);
  EXPECT_EQ(req.target, "/restaurants/?limit=5");
  EXPECT_EQ(req.minor_version, 1);
  EXPECT_TRUE(req.keep_alive);
  EXPECT_EQ(req.field("cache-control"), "no-cache");
  EXPECT_EQ(req.field("HOST"), "x");
  EXPECT_EQ(req.body, "");
}

TEST(RequestParser, HandlersSeeTheFieldsOfWhoMayDoWhat) {
  request_parser parser(small_limits());
  ASSERT_EQ(feed(parser,
                 "OPTIONS /restaurants/1 HTTP/1.1\r\nHost: x\r\nORIGIN: https://a.test\r\n"
                 "authorization: Bearer t0ken\r\nAccess-Control-Request-Method: PUT\r\n"
                 "Content-Type: application/json; charset=utf-8\r\n\r\n"),
            parse_state::complete);
  const auto req = handler_view(parser.request());
  EXPECT_EQ(req.origin, "https://a.test");
  EXPECT_EQ(req.authorization, "Bearer t0ken");
  EXPECT_EQ(req.cors_request_method, "PUT");
  EXPECT_EQ(req.content_type, "application/json; charset=utf-8");
}

TEST(RequestParser, ReadsTheSameRequestWhateverTheReadsAre) {
  const std::string bytes =
      "POST /orders/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Sum: 1\r\n\r\n";
  for (std::size_t step : {1u, 2u, 3u, 7u, 64u, 4096u}) {
    request_parser parser(small_limits());
    ASSERT_EQ(feed(parser, bytes, step), parse_state::complete) << step;
    EXPECT_EQ(parser.request().body, "hello world") << step;
    EXPECT_EQ(parser.request().field("x-sum"), "") << "trailer fields are dropped";
  }
}

TEST(RequestParser, KeepsPipelinedRequestsForTheNextParse) {
  request_parser parser(small_limits());
  ASSERT_EQ(feed(parser,
                 "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                 "GET /c HTTP/1.0\r\n\r\n"),
            parse_state::complete);
  EXPECT_EQ(parser.request().target, "/a");
  EXPECT_EQ(parser.request().body, "abc");
  parser.consume();
  ASSERT_EQ(parser.parse(), parse_state::complete);
  EXPECT_EQ(parser.request().target, "/b");
  parser.consume();
  ASSERT_EQ(parser.parse(), parse_state::complete);
  EXPECT_EQ(parser.request().target, "/c");
  EXPECT_FALSE(parser.request().keep_alive);
  parser.consume();
  EXPECT_EQ(parser.parse(), parse_state::incomplete);
  EXPECT_FALSE(parser.mid_request());
}

TEST(RequestParser, KeepAliveFollowsVersionAndConnection) {
  const auto keep = [](std::string_view bytes) {
    request_parser parser(small_limits());
    EXPECT_EQ(feed(parser, bytes), parse_state::complete) << bytes;
    return parser.request().keep_alive;
  };
  EXPECT_TRUE(keep("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_FALSE(keep("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, close\r\n\r\n"));
  EXPECT_FALSE(keep("GET / HTTP/1.0\r\n\r\n"));
  EXPECT_TRUE(keep("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
}

TEST(RequestParser, TransferCodingsOtherThanAFinalChunkedAreRefused) {
  const auto with_coding = [](std::string_view coding) {
    return "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + std::string(coding) + "\r\n\r\n0\r\n\r\n";
  };
  for (std::string_view coding : {"gzip", "identity", "xchunked", "chunked, identity", "chunked, chunked", ""}) {
    EXPECT_EQ(refusal_of(with_coding(coding)), 400) << coding;
  }
  EXPECT_EQ(refusal_of(with_coding("gzip, chunked")), 501);
  EXPECT_EQ(refusal_of(with_coding("Chunked")), 0);
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "0\r\n\r\n"),
            501);
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"), 400);
  EXPECT_EQ(refusal_of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400);
}

TEST(RequestParser, ContentLengthMustBeOneNumberWithinTheLimit) {
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab"), 0);
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"), 400);
  for (std::string_view length : {"-1", "+2", "0x10", "1 2", "2,2", ""}) {
    EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::string(length) + "\r\n\r\n"), 400)
        << length;
  }
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 257\r\n\r\n"), 413);
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999999\r\n\r\n"), 413);
}

TEST(RequestParser, ChunkedBodiesAndTrailersHaveTheirLimits) {
  const std::string head = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  EXPECT_EQ(refusal_of(head + "100\r\n" + std::string(256, 'a') + "\r\n0\r\n\r\n"), 0);
  EXPECT_EQ(refusal_of(head + "101\r\n"), 413);
  EXPECT_EQ(refusal_of(head + "80\r\n" + std::string(128, 'a') + "\r\n81\r\n"), 413);
  EXPECT_EQ(refusal_of(head + "ffffffffffffffffffffffff\r\n"), 413);
  EXPECT_EQ(refusal_of(head + "0\r\nX-A: " + std::string(40, 'a') + "\r\n\r\n"), 0);
  EXPECT_EQ(refusal_of(head + "0\r\nX-A: " + std::string(70, 'a') + "\r\n\r\n"), 431);
  EXPECT_EQ(refusal_of(head + "0\r\nX-A: " + std::string(70, 'a')), 431) << "counted before the line ends";
  EXPECT_EQ(refusal_of(head + "0\r\nX-A: 1\r\nX-B: 2\r\nX-C: 3\r\nX-D: " + std::string(40, 'd') + "\r\n\r\n"), 431);
  EXPECT_EQ(refusal_of(head + "zz\r\n"), 400);
  EXPECT_EQ(refusal_of(head + "3\r\nabcXY"), 400);
  EXPECT_EQ(refusal_of(head + "3 junk\r\nabc\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refusal_of(head + "1;" + std::string(2000, 'e')), 400);
  EXPECT_EQ(refusal_of(head + "0\r\n folded: no\r\n\r\n"), 400);
}

TEST(RequestParser, OversizedHeadersAreRefusedBeforeTheyAreBuffered) {
  EXPECT_EQ(refusal_of("GET /" + std::string(2000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
  EXPECT_EQ(refusal_of("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'b') + "\r\n\r\n"), 431);
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 8; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  EXPECT_EQ(refusal_of(many + "\r\n"), 431);
}

TEST(RequestParser, MalformedRequestsAreBadRequests) {
  for (std::string_view bytes : {
           "GET / HTTP/1.1\nHost: x\n\n",
           "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET / HTTP/1.1 \r\nHost: x\r\n\r\n",
           "GET / HTTX/1.1\r\nHost: x\r\n\r\n",
           "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET example.com HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n",
           "GET / HTTP/1.1\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
       }) {
    EXPECT_EQ(refusal_of(bytes), 400) << bytes;
  }
  EXPECT_EQ(refusal_of("GET / HTTP/2.0\r\nHost: x\r\n\r\n"), 505);
  EXPECT_EQ(refusal_of("GET / HTTP/1.0\r\n\r\n"), 0) << "HTTP/1.0 needs no Host";
}

TEST(RequestParser, GarbageIsRefusedWithoutWaitingForMore) {
  request_parser parser(small_limits());
  EXPECT_EQ(feed(parser, std::string("\x16\x03\x01\x02\x00", 5)), parse_state::failed);
  EXPECT_EQ(parser.failure_status(), 400);
}

TEST(RequestParser, AbsoluteFormTargetsBecomeOriginForm) {
  const auto target_of = [](std::string_view line) {
    request_parser parser(small_limits());
    EXPECT_EQ(feed(parser, std::string(line) + "\r\nHost: x\r\n\r\n"), parse_state::complete) << line;
    return std::string(parser.request().target);
  };
  EXPECT_EQ(target_of("GET http://example.com/health?x=1 HTTP/1.1"), "/health?x=1");
  EXPECT_EQ(target_of("GET HTTP://example.com HTTP/1.1"), "/");
  EXPECT_EQ(refusal_of("GET ftp://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
}

TEST(RequestParser, LeadingEmptyLinesAreIgnored) {
  request_parser parser(small_limits());
  ASSERT_EQ(feed(parser, "\r\n\r\nGET /x HTTP/1.1\r\nHost: x\r\n\r\n"), parse_state::complete);
  EXPECT_EQ(parser.request().target, "/x");
}

TEST(RequestParser, ContinueIsAwaitedOnlyWhileTheBodyIsMissing) {
  request_parser parser(small_limits());
  const std::string head = "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
  ASSERT_EQ(feed(parser, head), parse_state::incomplete);
  EXPECT_TRUE(parser.awaits_continue());
  parser.continue_sent();
  EXPECT_FALSE(parser.awaits_continue());
  ASSERT_EQ(feed(parser, "abc"), parse_state::complete);
  EXPECT_EQ(parser.request().body, "abc");

  request_parser whole(small_limits());
  ASSERT_EQ(feed(whole, head + "abc"), parse_state::complete);
  EXPECT_FALSE(whole.awaits_continue());
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n"), 417);
  EXPECT_EQ(refusal_of("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 999\r\n\r\n"), 413);
}

TEST(RequestParser, MidRequestTellsWhetherPartOfARequestArrived) {
  request_parser parser(small_limits());
  EXPECT_FALSE(parser.mid_request());
  ASSERT_EQ(feed(parser, "GET / HT"), parse_state::incomplete);
  EXPECT_TRUE(parser.mid_request());
}

TEST(RequestParser, ABufferGrownForALargeBodyIsGivenBack) {
  wire_limits limits = small_limits();
  limits.body_bytes = 1 << 20;
  request_parser parser(limits);
  const std::string body(500000, 'z');
  ASSERT_EQ(feed(parser, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\n" + body), parse_state::complete);
  EXPECT_EQ(parser.request().body.size(), body.size());
  parser.consume();
  EXPECT_LE(parser.space().size(), 16u * 1024);
}

}  // namespace
}  // namespace zomato::net
