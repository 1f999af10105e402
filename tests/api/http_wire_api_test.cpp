#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/api_fixtures.hpp"
#include "support/write_lock_holder.hpp"

namespace zomato::testing {
namespace {

// What a hostile or careless client sends over a raw socket, against the real binary:
// every answer is a clear 4xx (or the request works), and the server stays up.
class HttpWireApi : public api_suite {
 protected:
  void TearDown() override { expect_alive(); }

  /// Sends the bytes on a fresh connection; the one reply and whether the server then closed.
  struct outcome {
    std::optional<http_reply> reply;
    bool closed = false;
    std::string after;
  };
  outcome exchange(const std::string& bytes) {
    raw_connection connection(server().port());
    EXPECT_TRUE(connection.send(bytes));
    outcome out;
    out.reply = connection.read_reply();
    out.closed = connection.closed_by_server(5000);
    out.after = connection.unread();
    return out;
  }
};

const std::string chunked_post =
    "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n\r\n";

TEST_F(HttpWireApi, AHugeTrailerFieldIsRefusedAndTheServerStaysUp) {
  for (const std::size_t size : {std::size_t{64 * 1024}, std::size_t{200 * 1024}}) {
    const auto out = exchange(chunked_post + "0\r\nX-Big: " + std::string(size, 't') + "\r\n\r\n");
    ASSERT_TRUE(out.reply.has_value()) << size;
    EXPECT_EQ(out.reply->status, 431) << size;
    EXPECT_TRUE(out.closed);
  }
  const auto health = client().get("/health");
  EXPECT_EQ(health.status, 200);
}

TEST_F(HttpWireApi, EndlessTrailerFieldsAreCutOffAtTheLimit) {
  raw_connection connection(server().port());
  ASSERT_TRUE(connection.send(chunked_post + "0\r\n"));
  // Far more than the trailer limit, a field at a time; the server answers and closes long before.
  std::size_t sent = 0;
  const std::string field = "X-Filler: " + std::string(1000, 'f') + "\r\n";
  while (sent < 64 * 1024 * 1024 && connection.send(field)) sent += field.size();
  const auto reply = connection.read_reply();
  ASSERT_TRUE(reply.has_value()) << "no answer after " << sent << " bytes";
  EXPECT_EQ(reply->status, 431);
  EXPECT_LT(sent, std::size_t{64 * 1024 * 1024}) << "the server kept reading trailer fields";
}

TEST_F(HttpWireApi, TransferCodingsThatDoNotEndInChunkedAreRefusedNotSmuggled) {
  for (const std::string coding : {"gzip", "identity", "xchunked", "chunked, identity", "chunked, chunked"}) {
    const auto before = total_of(client(), "/restaurants/");
    const auto out = exchange("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: " + coding +
                              "\r\n\r\nDELETE /cache/clear/all HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_TRUE(out.reply.has_value()) << coding;
    EXPECT_EQ(out.reply->status, 400) << coding;
    EXPECT_EQ(out.reply->header("connection"), "close") << coding;
    EXPECT_TRUE(out.closed) << coding;
    EXPECT_EQ(out.after, "") << coding << ": the body was answered as a second request";
    EXPECT_EQ(total_of(client(), "/restaurants/"), before);
  }
  const auto gzip =
      exchange("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
  ASSERT_TRUE(gzip.reply.has_value());
  EXPECT_EQ(gzip.reply->status, 501);
  const auto both = exchange(
      "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: "
      "chunked\r\n\r\n0\r\n\r\n");
  ASSERT_TRUE(both.reply.has_value());
  EXPECT_EQ(both.reply->status, 400);
}

TEST_F(HttpWireApi, AChunkedBodyIsReadWhole) {
  const auto body = restaurant_body(unique_name("Chunked Place")).dump();
  const auto half = body.size() / 2;
  std::string wire = chunked_post;
  for (const auto& piece : {body.substr(0, half), body.substr(half)}) {
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    wire += std::string(size) + "\r\n" + piece + "\r\n";
  }
  wire += "0\r\nX-Checksum: none\r\n\r\n";
  raw_connection connection(server().port());
  ASSERT_TRUE(connection.send(wire + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto created = connection.read_reply();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->status, 201) << created->body;
  const auto next = connection.read_reply();
  ASSERT_TRUE(next.has_value()) << "the request after a chunked body was lost";
  EXPECT_EQ(next->status, 200);
}

TEST_F(HttpWireApi, RequestsThatComeLaterAndInPiecesOnAKeptConnectionAreRead) {
  // After a read that empties the socket, the server waits for the socket's next event before
  // it reads again. Whichever way the answer before went (on the loop, from the read pool, from
  // a write thread), a request that comes later, in pieces, is read.
  raw_connection connection(server().port());
  for (int round = 0; round < 2; ++round) {
    const auto body = restaurant_body(unique_name("Piecewise Place")).dump();
    const std::vector<std::string> requests = {
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /analytics/popular-items?period=30d HTTP/1.1\r\nHost: 127.0.0.1\r\nCache-Control: no-store\r\n\r\n",
        "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body,
        "GET /restaurants/?limit=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"};
    for (const auto& request : requests) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the server finds the socket empty
      const auto half = request.size() / 2;
      ASSERT_TRUE(connection.send(request.substr(0, half)));
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // and again in the middle of it
      ASSERT_TRUE(connection.send(request.substr(half)));
      const auto reply = connection.read_reply();
      ASSERT_TRUE(reply.has_value()) << "no answer on the kept connection to " << request;
      EXPECT_LT(reply->status, 300) << request;
    }
  }
}

TEST_F(HttpWireApi, ARequestThatComesWhileTheOneBeforeWaitsIsRead) {
  // A request that comes while the one before it waits off the loop (here a write waiting for
  // the write lock another process holds) is read once that one is answered: the loop took the
  // socket's event meanwhile.
  raw_connection connection(server().port());
  const auto body = restaurant_body(unique_name("Waiting Place")).dump();
  write_lock_holder other(server().database());
  other.take();
  ASSERT_TRUE(
      connection.send("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  other.release();
  const auto created = connection.read_reply();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->status, 201) << created->body;
  const auto health = connection.read_reply();
  ASSERT_TRUE(health.has_value()) << "the request that came meanwhile was not read";
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpWireApi, AClientThatEndsItsSideAfterItsLastRequestIsAnsweredAndClosedAtOnce) {
  // The end of the stream may come with the request's last bytes, in the same readiness event:
  // the server's wait for a next request finds that end though no new event comes for it, and
  // closes, instead of keeping the connection until the read timeout.
  for (int round = 0; round < 5; ++round) {
    raw_connection connection(server().port());
    ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    ASSERT_TRUE(connection.read_reply().has_value());
    ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    connection.finish_sending();
    const auto reply = connection.read_reply();
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->status, 200);
    EXPECT_TRUE(connection.closed_by_server(5000)) << "the connection outlived its client's end";
  }
}

TEST_F(HttpWireApi, HeadAnswersLikeGetWithoutTheBody) {
  for (const std::string target : {"/health", "/", "/restaurants/?limit=3", "/openapi.json"}) {
    const auto get = client().get(target);
    raw_connection connection(server().port());
    ASSERT_TRUE(connection.send("HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto head = connection.read_reply(10000, false);
    ASSERT_TRUE(head.has_value()) << target;
    EXPECT_EQ(head->status, 200) << target;
    EXPECT_EQ(head->header("content-length"), std::to_string(get.body.size())) << target;
    EXPECT_EQ(head->header("content-type"), get.header("content-type")) << target;
    // The connection stays usable: what follows is the next answer, not a body.
    ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto after = connection.read_reply();
    ASSERT_TRUE(after.has_value()) << target;
    EXPECT_EQ(after->status, 200) << target;
    EXPECT_EQ(after->json()["status"], "healthy") << target;
  }
  raw_connection cached(server().port());
  ASSERT_TRUE(cached.send("HEAD /restaurants/?limit=3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto hit = cached.read_reply(10000, false);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->header("x-cache-status"), "HIT");
  EXPECT_FALSE(hit->header("etag").empty());
}

TEST_F(HttpWireApi, LargeAnswersToAClientThatReadsLateArriveWholeAndInOrder) {
  // Answers larger than what the connection holds make the server wait for the client to read
  // (the send that does not take everything at once goes on through the loop), and the
  // requests pipelined behind them are answered after them.
  const std::string large = "/docs/swagger-ui-bundle.js";
  const auto document = client().get(large);
  ASSERT_EQ(document.status, 200);
  ASSERT_GT(document.body.size(), std::size_t{256} * 1024) << "not larger than the connection's buffers";
  const auto health = client().get("/health");
  raw_connection connection(server().port(), 4096);
  const std::string get_document = "GET " + large + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_TRUE(connection.send(get_document + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + get_document));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (const auto* expected : {&document, &health, &document}) {
    const auto reply = connection.read_reply();
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, expected->body);
  }
}

TEST_F(HttpWireApi, AnotherMethodOnAKnownPathNamesTheAllowedOnes) {
  const auto reply = client().send("PATCH", "/restaurants/", "", {});
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("allow"), "GET, HEAD, POST");
}

TEST_F(HttpWireApi, Http11WithoutHostIsABadRequest) {
  const auto out = exchange("GET /health HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(out.reply.has_value());
  EXPECT_EQ(out.reply->status, 400);
  EXPECT_TRUE(out.closed);
  const auto twice = exchange("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  ASSERT_TRUE(twice.reply.has_value());
  EXPECT_EQ(twice.reply->status, 400);
}

TEST_F(HttpWireApi, ExpectContinueIsAnsweredBeforeTheBody) {
  const auto body = restaurant_body(unique_name("Expecting Place")).dump();
  raw_connection connection(server().port());
  ASSERT_TRUE(
      connection.send("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Expect: 100-continue\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n"));
  const auto interim = connection.read_reply(5000, false);
  ASSERT_TRUE(interim.has_value()) << "no 100 Continue";
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(connection.send(body));
  const auto created = connection.read_reply();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->status, 201);

  const auto too_large = exchange(
      "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 9000000\r\n\r\n");
  ASSERT_TRUE(too_large.reply.has_value());
  EXPECT_EQ(too_large.reply->status, 413) << "refused at once, without asking for the body";
  const auto unknown = exchange("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 200-ok\r\n\r\n");
  ASSERT_TRUE(unknown.reply.has_value());
  EXPECT_EQ(unknown.reply->status, 417);
}

TEST_F(HttpWireApi, EveryAnswerIsDated) {
  const auto reply = client().get("/health");
  const auto date = reply.header("date");
  ASSERT_EQ(date.size(), 29u) << date;
  EXPECT_EQ(date.substr(25), " GMT");
  const auto refused = exchange("GET /health HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(refused.reply.has_value());
  EXPECT_EQ(refused.reply->header("date").size(), 29u);
}

TEST(HttpWireLimits, ARequestThatTimesOutGets408) {
  server_process server(std::map<std::string, std::string>{{"READ_TIMEOUT_SECONDS", "1"}});
  raw_connection partial(server.port());
  ASSERT_TRUE(partial.send("GET /health HTTP/1.1\r\nHost: 12"));
  const auto reply = partial.read_reply(10000);
  ASSERT_TRUE(reply.has_value()) << "dropped without an answer";
  EXPECT_EQ(reply->status, 408);
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(partial.closed_by_server(5000));
  raw_connection idle(server.port());
  EXPECT_TRUE(idle.closed_by_server(10000));
  EXPECT_EQ(idle.unread(), "") << "an idle connection is closed without an answer";
  EXPECT_EQ(server.stop(), 0);
}

TEST(HttpWireLimits, LimitsAreConfigurationAndEachHasItsStatus) {
  server_process server(std::map<std::string, std::string>{
      {"HEADER_LIMIT_BYTES", "2048"}, {"TRAILER_LIMIT_BYTES", "100"}, {"BODY_LIMIT_BYTES", "4096"}});
  const auto status_of = [&](const std::string& bytes) {
    raw_connection connection(server.port());
    EXPECT_TRUE(connection.send(bytes));
    const auto reply = connection.read_reply();
    return reply ? reply->status : 0;
  };
  EXPECT_EQ(status_of("GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + std::string(1500, 'a') + "\r\n\r\n"), 200);
  EXPECT_EQ(status_of("GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + std::string(2500, 'a') + "\r\n\r\n"), 431);
  EXPECT_EQ(status_of("GET /" + std::string(2500, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
  EXPECT_EQ(status_of("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"), 413);
  EXPECT_EQ(status_of("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "1000\r\n" +
                      std::string(4096, 'b') + "\r\n1\r\n"),
            413);
  EXPECT_EQ(status_of("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "0\r\nX-T: " +
                      std::string(150, 't') + "\r\n\r\n"),
            431);
  EXPECT_EQ(server.stop(), 0);
}

TEST(HttpWireLimits, ConnectionsPastTheLimitAreTurnedAwayWith503) {
  server_process server(std::map<std::string, std::string>{{"THREADS", "1"}, {"CONNECTIONS_PER_LOOP", "2"}});
  std::vector<std::unique_ptr<raw_connection>> held;
  for (int i = 0; i < 2; ++i) {
    held.push_back(std::make_unique<raw_connection>(server.port()));
    ASSERT_TRUE(held.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(held.back()->read_reply().has_value());
  }
  raw_connection extra(server.port());
  const auto refused = extra.read_reply();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->header("retry-after"), "1");
  held.clear();
  // Once the held ones are gone, new connections are served again.
  for (int attempt = 0; attempt < 100; ++attempt) {
    raw_connection next(server.port());
    next.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto reply = next.read_reply();
    if (reply && reply->status == 200) break;
    ASSERT_LT(attempt, 99) << "never served again";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace zomato::testing
