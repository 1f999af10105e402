#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {

using json = nlohmann::json;
using header_list = std::vector<std::pair<std::string, std::string>>;

/// An http_client that records a test failure for any 5xx answer and for any answer
/// without an `x-process-time: <n>ms` header.
class api_client {
 public:
  explicit api_client(std::uint16_t port) : http_(port) {}
  /// Connects from the loopback address `source` ("127.0.0.2"): to the server, another client.
  api_client(std::uint16_t port, std::string source) : http_(port, std::move(source)) {}

  http_reply get(const std::string& target, header_list headers = {});
  http_reply post(const std::string& target, const std::string& body);
  http_reply post_json(const std::string& target, const json& body);
  http_reply put(const std::string& target, const std::string& body);
  http_reply put_json(const std::string& target, const json& body);
  http_reply del(const std::string& target);
  http_reply send(const std::string& method, const std::string& target, const std::string& body,
                  const header_list& headers = {});
  /// Raw bytes on a fresh connection; status 0 when the server closed without answering.
  http_reply raw(const std::string& bytes);

 private:
  http_reply checked(http_reply reply, const std::string& what);
  http_client http_;
};

/// True when the header value is a number followed by "ms" ("0.25ms").
bool is_process_time(const std::string& value);

/// A name no other test of this process uses: "<prefix> <n>".
std::string unique_name(const std::string& prefix);

/// A valid restaurant body with the given name.
json restaurant_body(const std::string& name);
/// A valid menu item body with the given name.
json menu_item_body(const std::string& name);
/// A valid customer body with the given name and an e-mail no other body of this process has.
json customer_body(const std::string& name);

/// POSTs the body and returns the created restaurant; throws (failing the test) unless 201.
json create_restaurant(api_client& client, const json& body);
/// POSTs the body to the restaurant's menu and returns the item; throws unless 201.
json create_menu_item(api_client& client, std::int64_t restaurant_id, const json& body);
/// POSTs the body and returns the registered customer; throws unless 201.
json create_customer(api_client& client, const json& body);
/// Places an order of `quantity` of one menu item and returns it; throws unless 201.
json place_order(api_client& client, std::int64_t customer_id, std::int64_t restaurant_id, std::int64_t menu_item_id,
                 int quantity = 2);

/// GETs a list and returns its "total"; throws unless 200.
std::int64_t total_of(api_client& client, const std::string& target);
/// The "id" of every element of the array.
std::vector<std::int64_t> ids_of(const json& items);
bool contains_id(const json& items, std::int64_t id);

/// A 422 whose detail holds an entry with this loc (and this type, when given).
::testing::AssertionResult has_problem(const http_reply& reply, const json& loc, const std::string& type = {});
/// An answer with this status and exactly {"detail": message}.
::testing::AssertionResult is_detail(const http_reply& reply, int status, const std::string& message);
/// Newest first (created_at descending), ties by id ascending.
::testing::AssertionResult newest_first(const json& items);

/// One loopback connection driven byte by byte, for keep-alive and timeout tests.
class raw_connection {
 public:
  /// Connects to the loopback port; with receive_buffer > 0 the socket's receive buffer is
  /// that small, so that a server writing a large answer finds the connection full.
  explicit raw_connection(std::uint16_t port, int receive_buffer = 0);
  ~raw_connection();
  raw_connection(const raw_connection&) = delete;
  raw_connection& operator=(const raw_connection&) = delete;

  bool send(const std::string& bytes);
  /// Says that nothing more will be sent (a half close: the server reads the end of stream).
  void finish_sending();
  /// Reads one reply (content-length framed, or without a body when `body_follows` is false,
  /// as for HEAD); nullopt if the connection ends first or nothing complete arrives within
  /// the wait.
  std::optional<http_reply> read_reply(int wait_ms = 10000, bool body_follows = true);
  /// Bytes received and not yet read as a reply.
  const std::string& unread() const { return pending_; }
  /// True when the server closes the connection (read returns 0 or a reset) within the wait.
  bool closed_by_server(int wait_ms);

 private:
  int fd_ = -1;
  std::string pending_;
};

/// One server (fresh database) per test suite; each test gets its own client.
class api_suite : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

 protected:
  void SetUp() override;
  api_client& client() { return *client_; }
  static server_process& server() { return *server_; }
  /// The server still answers GET /health with 200.
  void expect_alive();

 private:
  static std::unique_ptr<server_process> server_;
  std::unique_ptr<api_client> client_;
};

}  // namespace zomato::testing
