#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "support/api_fixtures.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

class ServerApi : public api_suite {};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST_F(ServerApi, WelcomeAndHealth) {
  const auto welcome = client().get("/");
  ASSERT_EQ(welcome.status, 200);
  const auto body = welcome.json();
  EXPECT_EQ(body["message"], "Welcome to Zomato Food Delivery Ecosystem API with Redis Cache");
  EXPECT_EQ(body["version"], "3.1.0");
  EXPECT_TRUE(body["features"].is_array());
  EXPECT_EQ(body["features"].size(), 10u);
  EXPECT_TRUE(body["cache_info"].is_object());
  EXPECT_EQ(body["docs"], "/docs");
  EXPECT_EQ(body["redoc"], "/redoc");
  const auto health = client().get("/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["status"], "healthy");
}

TEST_F(ServerApi, EveryResponseHasProcessTimeInMilliseconds) {
  std::vector<http_reply> replies;
  replies.push_back(client().get("/"));
  const auto created = client().post_json("/restaurants/", restaurant_body(unique_name("Timed Place")));
  replies.push_back(created);
  replies.push_back(client().del("/restaurants/" + std::to_string(created.json()["id"].get<std::int64_t>())));
  replies.push_back(client().get("/nowhere"));
  replies.push_back(client().send("PATCH", "/restaurants/", ""));
  replies.push_back(client().get("/restaurants/?limit=0"));
  replies.push_back(client().raw("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n"));
  replies.push_back(client().raw("GARBAGE\r\n\r\n"));
  const std::vector<int> statuses{200, 201, 204, 404, 405, 422, 413, 400};
  ASSERT_EQ(replies.size(), statuses.size());
  for (std::size_t i = 0; i < replies.size(); ++i) {
    EXPECT_EQ(replies[i].status, statuses[i]) << i;
    const auto timing = replies[i].header("x-process-time");
    EXPECT_TRUE(is_process_time(timing)) << "status " << replies[i].status << ": '" << timing << "'";
  }
}

TEST_F(ServerApi, KeepAliveServesSeveralRequestsOnOneConnection) {
  raw_connection connection(server().port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto reply = connection.read_reply();
    ASSERT_TRUE(reply.has_value()) << "request " << i << " got no reply on the kept-alive connection";
    EXPECT_EQ(reply->status, 200);
    EXPECT_NE(lower(reply->header("connection")), "close");
  }
  const std::string body = restaurant_body(unique_name("Pipelined")).dump();
  ASSERT_TRUE(
      connection.send("POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body +
                      "GET /restaurants/?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto first = connection.read_reply();
  const auto second = connection.read_reply();
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->json()["restaurants"][0]["id"], first->json()["id"]);
  EXPECT_FALSE(connection.closed_by_server(200));
}

TEST_F(ServerApi, Http10GetsConnectionClose) {
  raw_connection connection(server().port());
  ASSERT_TRUE(connection.send("GET /health HTTP/1.0\r\n\r\n"));
  const auto reply = connection.read_reply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(lower(reply->header("connection")), "close");
  EXPECT_TRUE(connection.closed_by_server(5000));
}

TEST_F(ServerApi, ConnectionCloseIsHonoured) {
  raw_connection connection(server().port());
  ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  const auto reply = connection.read_reply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(lower(reply->header("connection")), "close");
  EXPECT_TRUE(connection.closed_by_server(5000));
}

TEST_F(ServerApi, ErrorAnswersCloseTheConnectionTheyCannotRead) {
  raw_connection connection(server().port());
  ASSERT_TRUE(connection.send("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n"));
  const auto reply = connection.read_reply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(lower(reply->header("connection")), "close");
  EXPECT_TRUE(connection.closed_by_server(5000));
}

TEST(ServerLifecycle, ReadTimeoutClosesSlowConnections) {
  server_process server(std::map<std::string, std::string>{{"READ_TIMEOUT_SECONDS", "1"}});
  raw_connection partial(server.port());
  ASSERT_TRUE(partial.send("GET /health HTTP/1.1\r\nHost: 12"));
  raw_connection partial_body(server.port());
  ASSERT_TRUE(partial_body.send("POST /restaurants/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"name\""));
  raw_connection idle(server.port());
  EXPECT_TRUE(partial.closed_by_server(10000)) << "a partial request line was kept open";
  EXPECT_TRUE(partial_body.closed_by_server(10000)) << "a partial body was kept open";
  EXPECT_TRUE(idle.closed_by_server(10000)) << "an idle connection was kept open";
  http_client fresh(server.port());
  EXPECT_EQ(fresh.get("/health").status, 200);
  EXPECT_EQ(fresh.get("/restaurants/").json()["total"], 0) << "the partial POST must not have created anything";
  EXPECT_EQ(server.stop(), 0);
}

TEST(ServerLifecycle, GracefulStopKeepsAcknowledgedWrites) {
  server_process first;
  std::int64_t id = 0;
  std::string name = unique_name("Durable");
  {
    http_client client(first.port());
    const auto reply = client.post("/restaurants/", restaurant_body(name).dump());
    ASSERT_EQ(reply.status, 201) << reply.body;
    id = reply.json()["id"].get<std::int64_t>();
  }
  EXPECT_EQ(first.stop(), 0);
  // a second server on the first one's database file (it outlives the stopped process)
  server_process second(std::map<std::string, std::string>{{"DATABASE_URL", first.database().url()}});
  http_client client(second.port());
  const auto reply = client.get("/restaurants/" + std::to_string(id));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["name"], name);
  EXPECT_EQ(client.get("/restaurants/").json()["total"], 1);
  const auto next = client.post("/restaurants/", restaurant_body(unique_name("Durable")).dump());
  ASSERT_EQ(next.status, 201);
  EXPECT_GT(next.json()["id"].get<std::int64_t>(), id);
  EXPECT_EQ(second.stop(), 0);
}

TEST(ServerLifecycle, StopsCleanlyWithAnIdleKeepAliveConnectionOpen) {
  server_process server;
  raw_connection connection(server.port());
  ASSERT_TRUE(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto reply = connection.read_reply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(server.stop(), 0);
  EXPECT_TRUE(connection.closed_by_server(5000));
}

// A loopback port held by this test without SO_REUSEPORT: a server that wrongly accepts
// its configuration fails to bind it and exits instead of running forever.
class held_port {
 public:
  held_port() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 1) != 0) {
      throw std::runtime_error("cannot hold a port");
    }
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~held_port() { ::close(fd_); }
  held_port(const held_port&) = delete;
  held_port& operator=(const held_port&) = delete;
  std::string port() const { return std::to_string(port_); }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

TEST(ServerLifecycle, ConfigurationErrorsExitWithStatus2AndNameTheVariable) {
  temp_database database;
  held_port busy;
  const std::vector<std::pair<std::string, std::string>> cases{{"PORT", "abc"},
                                                               {"PORT", "70000"},
                                                               {"THREADS", "0"},
                                                               {"THREADS", "many"},
                                                               {"LOG_LEVEL", "loud"},
                                                               {"ENVIRONMENT", "qa"},
                                                               {"DATABASE_URL", "postgres://"},
                                                               {"READ_TIMEOUT_SECONDS", "0"},
                                                               {"BODY_LIMIT_BYTES", "lots"}};
  for (const auto& [variable, value] : cases) {
    std::map<std::string, std::string> environment{{"HOST", "127.0.0.1"},
                                                   {"PORT", busy.port()},
                                                   {"DATABASE_URL", database.url()},
                                                   {"LOG_LEVEL", "warning"},
                                                   {"THREADS", "1"}};
    environment[variable] = value;
    const auto [status, line] = run_to_exit(environment);
    EXPECT_EQ(status, 2) << variable << "=" << value << ": " << line;
    EXPECT_NE(line.find(variable), std::string::npos) << variable << "=" << value << ": '" << line << "'";
    EXPECT_EQ(line.find("cannot listen"), std::string::npos) << variable << "=" << value << " was accepted: " << line;
  }
}

}  // namespace
}  // namespace zomato::testing
