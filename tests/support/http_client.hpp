#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace zomato::testing {

struct http_reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

/// A blocking HTTP/1.1 client over one keep-alive loopback connection (reconnects when
/// the server closes it). For tests only.
class http_client {
 public:
  explicit http_client(std::uint16_t port) : port_(port) {}
  /// Connects from the loopback address `source` ("127.0.0.2"): to the server, another client.
  http_client(std::uint16_t port, std::string source) : port_(port), source_(std::move(source)) {}
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;
  ~http_client();

  http_reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
  http_reply post(const std::string& target, const std::string& body,
                  std::vector<std::pair<std::string, std::string>> headers = {});
  http_reply put(const std::string& target, const std::string& body);
  http_reply del(const std::string& target);
  http_reply send(const std::string& method, const std::string& target, const std::string& body,
                  const std::vector<std::pair<std::string, std::string>>& headers);

  /// Writes the bytes as they are on a fresh connection and reads one reply
  /// (status 0 if the server closed without answering).
  http_reply raw(const std::string& bytes);

 private:
  void connect();
  void close();
  bool write_all(const std::string& bytes);
  bool read_reply(http_reply& reply);

  std::uint16_t port_;
  std::string source_;  // empty: the system's choice
  int fd_ = -1;
  std::string pending_;
};

/// Reads a response's status line and headers (names lower-cased) into the reply.
void parse_head(const std::string& head, http_reply& reply);

/// Percent-encodes a query or path component.
std::string url_encode(const std::string& text);

}  // namespace zomato::testing
