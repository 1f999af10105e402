#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "support/loopback.hpp"

namespace zomato::testing {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

void parse_head(const std::string& head, http_reply& reply) {
  const auto first_line_end = head.find("\r\n");
  reply.status = std::stoi(head.substr(9, 3));
  std::size_t pos = first_line_end == std::string::npos ? head.size() : first_line_end + 2;
  while (pos < head.size()) {
    auto end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(pos, end - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      reply.headers[lower(line.substr(0, colon))] = value;
    }
    pos = end + 2;
  }
}

http_client::~http_client() { close(); }

void http_client::connect() {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket failed");
  if (!source_.empty()) {
    sockaddr_in from{};
    from.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source_.c_str(), &from.sin_addr) != 1 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
      close();
      throw std::runtime_error("cannot connect from " + source_);
    }
  }
  auto address = loopback(port_);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close();
    throw std::runtime_error(std::string("connect failed: ") + std::strerror(errno));
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval timeout{30, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  pending_.clear();
}

void http_client::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  pending_.clear();
}

bool http_client::write_all(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool http_client::read_reply(http_reply& reply) {
  char chunk[65536];
  auto fill = [&]() {
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    pending_.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t header_end;
  while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return false;
  }
  parse_head(pending_.substr(0, header_end), reply);
  pending_.erase(0, header_end + 4);
  const auto length_header = reply.headers.find("content-length");
  if (length_header != reply.headers.end()) {
    const auto length = static_cast<std::size_t>(std::stoull(length_header->second));
    while (pending_.size() < length) {
      if (!fill()) return false;
    }
    reply.body = pending_.substr(0, length);
    pending_.erase(0, length);
  } else if (reply.status != 204 && reply.status != 304) {
    while (fill()) {
    }
    reply.body = std::move(pending_);
    pending_.clear();
  }
  if (lower(reply.header("connection")) == "close") close();
  return true;
}

http_reply http_client::send(const std::string& method, const std::string& target, const std::string& body,
                             const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (fd_ < 0) connect();
    http_reply reply;
    if (write_all(request) && read_reply(reply)) return reply;
    close();
  }
  throw std::runtime_error("no reply to " + method + " " + target);
}

http_reply http_client::get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers) {
  return send("GET", target, "", headers);
}

http_reply http_client::post(const std::string& target, const std::string& body,
                             std::vector<std::pair<std::string, std::string>> headers) {
  return send("POST", target, body, headers);
}

http_reply http_client::put(const std::string& target, const std::string& body) {
  return send("PUT", target, body, {});
}

http_reply http_client::del(const std::string& target) { return send("DELETE", target, "", {}); }

http_reply http_client::raw(const std::string& bytes) {
  close();
  connect();
  http_reply reply;
  if (!write_all(bytes) || !read_reply(reply)) reply.status = 0;
  close();
  return reply;
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace zomato::testing
