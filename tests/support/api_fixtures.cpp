#include "support/api_fixtures.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <stdexcept>

#include "support/loopback.hpp"

namespace zomato::testing {
namespace {

std::string excerpt(const std::string& body) { return body.size() > 400 ? body.substr(0, 400) + "..." : body; }

// The object a POST created; throws unless it answered 201.
json created(const http_reply& reply, const std::string& what) {
  if (reply.status != 201) {
    throw std::runtime_error("creating " + what + " answered " + std::to_string(reply.status) + ": " + reply.body);
  }
  return reply.json();
}

}  // namespace

// ---- api_client ----------------------------------------------------------------------

http_reply api_client::checked(http_reply reply, const std::string& what) {
  EXPECT_LT(reply.status, 500) << what << " answered " << reply.status << ": " << excerpt(reply.body);
  if (reply.status != 0) {
    EXPECT_TRUE(is_process_time(reply.header("x-process-time")))
        << what << " x-process-time '" << reply.header("x-process-time") << "'";
  }
  return reply;
}

http_reply api_client::get(const std::string& target, header_list headers) {
  return checked(http_.get(target, std::move(headers)), "GET " + excerpt(target));
}

http_reply api_client::post(const std::string& target, const std::string& body) {
  return checked(http_.post(target, body), "POST " + excerpt(target));
}

http_reply api_client::post_json(const std::string& target, const json& body) { return post(target, body.dump()); }

http_reply api_client::put(const std::string& target, const std::string& body) {
  return checked(http_.put(target, body), "PUT " + excerpt(target));
}

http_reply api_client::put_json(const std::string& target, const json& body) { return put(target, body.dump()); }

http_reply api_client::del(const std::string& target) {
  return checked(http_.del(target), "DELETE " + excerpt(target));
}

http_reply api_client::send(const std::string& method, const std::string& target, const std::string& body,
                            const header_list& headers) {
  return checked(http_.send(method, target, body, headers), method + " " + excerpt(target));
}

http_reply api_client::raw(const std::string& bytes) {
  return checked(http_.raw(bytes), "raw " + excerpt(bytes.substr(0, bytes.find('\r'))));
}

// ---- helpers -------------------------------------------------------------------------

bool is_process_time(const std::string& value) {
  if (value.size() < 3 || !value.ends_with("ms")) return false;
  const auto number = value.substr(0, value.size() - 2);
  bool digit_seen = false;
  for (char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit_seen = true;
    } else if (c != '.') {
      return false;
    }
  }
  return digit_seen;
}

std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + " " + std::to_string(++counter);
}

json restaurant_body(const std::string& name) {
  return {{"name", name},
          {"cuisine_type", "Italian"},
          {"address", "123 Main St, Downtown"},
          {"phone_number", "+1-555-0123"}};
}

json menu_item_body(const std::string& name) { return {{"name", name}, {"price", 9.99}, {"category", "Main Course"}}; }

json customer_body(const std::string& name) {
  static std::atomic<int> counter{0};
  return {{"name", name},
          {"email", "customer." + std::to_string(++counter) + "@example.com"},
          {"phone_number", "+1-555-0456"},
          {"address", "456 Oak Ave, Springfield"}};
}

json create_restaurant(api_client& client, const json& body) {
  return created(client.post_json("/restaurants/", body), "a restaurant");
}

json create_menu_item(api_client& client, std::int64_t restaurant_id, const json& body) {
  return created(client.post_json("/restaurants/" + std::to_string(restaurant_id) + "/menu-items/", body),
                 "a menu item");
}

json create_customer(api_client& client, const json& body) {
  return created(client.post_json("/customers/", body), "a customer");
}

json place_order(api_client& client, std::int64_t customer_id, std::int64_t restaurant_id, std::int64_t menu_item_id,
                 int quantity) {
  return created(client.post_json("/orders/customers/" + std::to_string(customer_id) + "/orders/",
                                  {{"restaurant_id", restaurant_id},
                                   {"delivery_address", "456 Oak Ave, Springfield"},
                                   {"order_items", {{{"menu_item_id", menu_item_id}, {"quantity", quantity}}}}}),
                 "an order");
}

std::int64_t total_of(api_client& client, const std::string& target) {
  const auto reply = client.get(target);
  if (reply.status != 200) throw std::runtime_error("GET " + target + " answered " + std::to_string(reply.status));
  return reply.json().at("total").get<std::int64_t>();
}

std::vector<std::int64_t> ids_of(const json& items) {
  std::vector<std::int64_t> ids;
  for (const auto& item : items) ids.push_back(item.at("id").get<std::int64_t>());
  return ids;
}

bool contains_id(const json& items, std::int64_t id) {
  for (const auto& item : items) {
    if (item.at("id") == id) return true;
  }
  return false;
}

::testing::AssertionResult has_problem(const http_reply& reply, const json& loc, const std::string& type) {
  if (reply.status != 422) {
    return ::testing::AssertionFailure() << "status " << reply.status << ", expected 422: " << excerpt(reply.body);
  }
  json body;
  try {
    body = reply.json();
  } catch (const std::exception& error) {
    return ::testing::AssertionFailure() << "body is not JSON (" << error.what() << "): " << excerpt(reply.body);
  }
  if (!body.contains("detail") || !body["detail"].is_array() || body["detail"].empty()) {
    return ::testing::AssertionFailure() << "detail is not a non-empty array: " << excerpt(reply.body);
  }
  for (const auto& entry : body["detail"]) {
    if (!entry.is_object() || !entry.contains("loc") || !entry.contains("msg") || !entry.contains("type")) {
      return ::testing::AssertionFailure() << "detail entry lacks loc/msg/type: " << entry.dump();
    }
    if (!entry["msg"].is_string() || !entry["type"].is_string() || !entry["loc"].is_array()) {
      return ::testing::AssertionFailure() << "detail entry has wrong types: " << entry.dump();
    }
    if (entry["loc"] == loc && (type.empty() || entry["type"] == type)) return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no problem at " << loc.dump() << (type.empty() ? "" : " of type " + type)
                                       << " in " << excerpt(reply.body);
}

::testing::AssertionResult is_detail(const http_reply& reply, int status, const std::string& message) {
  if (reply.status != status) {
    return ::testing::AssertionFailure() << "status " << reply.status << ", expected " << status << ": "
                                         << excerpt(reply.body);
  }
  json body;
  try {
    body = reply.json();
  } catch (const std::exception& error) {
    return ::testing::AssertionFailure() << "body is not JSON (" << error.what() << "): " << excerpt(reply.body);
  }
  const json expected = {{"detail", message}};
  if (body != expected)
    return ::testing::AssertionFailure() << "body " << body.dump() << ", expected " << expected.dump();
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult newest_first(const json& items) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto& before = items[i - 1];
    const auto& after = items[i];
    const auto a = before.at("created_at").get<std::string>();
    const auto b = after.at("created_at").get<std::string>();
    const bool ordered = a > b || (a == b && before.at("id").get<std::int64_t>() < after.at("id").get<std::int64_t>());
    if (!ordered) {
      return ::testing::AssertionFailure() << "position " << i << ": id " << before.at("id") << " (" << a
                                           << ") before id " << after.at("id") << " (" << b << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

// ---- raw_connection ------------------------------------------------------------------

raw_connection::raw_connection(std::uint16_t port, int receive_buffer) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket failed");
  if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  auto address = loopback(port);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("connect failed");
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

raw_connection::~raw_connection() {
  if (fd_ >= 0) ::close(fd_);
}

bool raw_connection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

void raw_connection::finish_sending() { ::shutdown(fd_, SHUT_WR); }

std::optional<http_reply> raw_connection::read_reply(int wait_ms, bool body_follows) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  auto fill = [&]() {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[65536];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    pending_.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t header_end;
  while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return std::nullopt;
  }
  http_reply reply;
  parse_head(pending_.substr(0, header_end), reply);
  pending_.erase(0, header_end + 4);
  const auto length = !body_follows || reply.headers.count("content-length") == 0
                          ? std::size_t{0}
                          : static_cast<std::size_t>(std::stoull(reply.headers["content-length"]));
  while (pending_.size() < length) {
    if (!fill()) return std::nullopt;
  }
  reply.body = pending_.substr(0, length);
  pending_.erase(0, length);
  return reply;
}

bool raw_connection::closed_by_server(int wait_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready <= 0) return false;
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return true;  // orderly close or reset
    pending_.append(chunk, static_cast<std::size_t>(n));
  }
}

// ---- api_suite -----------------------------------------------------------------------

std::unique_ptr<server_process> api_suite::server_;

void api_suite::SetUpTestSuite() { server_ = std::make_unique<server_process>(); }

void api_suite::TearDownTestSuite() {
  if (!server_) return;
  try {
    http_client last(server_->port());
    EXPECT_EQ(last.get("/health").status, 200) << "the server does not answer /health at the end of the suite";
  } catch (const std::exception& error) {
    ADD_FAILURE() << "the server no longer answers at the end of the suite: " << error.what();
  }
  EXPECT_EQ(server_->stop(), 0) << "the server did not exit cleanly at the end of the suite";
  server_.reset();
}

void api_suite::SetUp() {
  ASSERT_NE(server_, nullptr) << "the suite's server did not start";
  client_ = std::make_unique<api_client>(server_->port());
}

void api_suite::expect_alive() {
  http_client probe(server_->port());
  http_reply reply;
  try {
    reply = probe.get("/health");
  } catch (const std::exception& error) {
    ADD_FAILURE() << "the server no longer answers: " << error.what();
    return;
  }
  EXPECT_EQ(reply.status, 200);
}

}  // namespace zomato::testing
