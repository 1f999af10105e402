#include "support/tcp_relay.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "support/loopback.hpp"

namespace zomato::testing {
namespace {

// Copies what `from` has to `to`; false when either end is closed.
bool forward(int from, int to) {
  char buffer[16384];
  const auto n = ::recv(from, buffer, sizeof buffer, 0);
  if (n <= 0) return false;
  std::size_t sent = 0;
  while (sent < static_cast<std::size_t>(n)) {
    const auto written = ::send(to, buffer + sent, static_cast<std::size_t>(n) - sent, MSG_NOSIGNAL);
    if (written <= 0) return false;
    sent += static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

tcp_relay::tcp_relay(std::uint16_t target) : target_(target) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  auto address = loopback(0);
  if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 16) != 0) {
    throw std::runtime_error("the relay could not listen");
  }
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { run(); });
}

tcp_relay::~tcp_relay() {
  stopping_ = true;
  thread_.join();
  for (const auto& [accepted, upstream] : pairs_) {
    ::close(accepted);
    ::close(upstream);
  }
  ::close(listener_);
}

void tcp_relay::cut() {
  std::lock_guard guard(lock_);
  cut_ = true;
  for (const auto& [accepted, upstream] : pairs_) {
    ::shutdown(accepted, SHUT_RDWR);
    ::shutdown(upstream, SHUT_RDWR);
  }
}

void tcp_relay::mend() {
  std::lock_guard guard(lock_);
  cut_ = false;
}

void tcp_relay::accept_one() {
  const int accepted = ::accept(listener_, nullptr, nullptr);
  if (accepted < 0) return;
  std::lock_guard guard(lock_);
  const int upstream = cut_ ? -1 : ::socket(AF_INET, SOCK_STREAM, 0);
  auto address = loopback(target_);
  if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    if (upstream >= 0) ::close(upstream);
    ::close(accepted);
    return;
  }
  pairs_.emplace_back(accepted, upstream);
}

void tcp_relay::run() {
  while (!stopping_) {
    std::vector<pollfd> watched{{listener_, POLLIN, 0}};
    {
      std::lock_guard guard(lock_);
      for (const auto& [accepted, upstream] : pairs_) {
        watched.push_back({accepted, POLLIN, 0});
        watched.push_back({upstream, POLLIN, 0});
      }
    }
    if (::poll(watched.data(), watched.size(), 50) <= 0) continue;
    // Pairs are added only here, after the pairs watched, which stay the first, in order.
    if (watched[0].revents != 0) accept_one();
    std::vector<std::size_t> closed;
    for (std::size_t i = 0; 2 + 2 * i < watched.size(); ++i) {
      const auto& accepted = watched[1 + 2 * i];
      const auto& upstream = watched[2 + 2 * i];
      const bool open = (accepted.revents == 0 || forward(accepted.fd, upstream.fd)) &&
                        (upstream.revents == 0 || forward(upstream.fd, accepted.fd));
      if (!open) closed.push_back(i);
    }
    std::lock_guard guard(lock_);
    for (auto it = closed.rbegin(); it != closed.rend(); ++it) {
      ::close(pairs_[*it].first);
      ::close(pairs_[*it].second);
      pairs_.erase(pairs_.begin() + static_cast<std::ptrdiff_t>(*it));
    }
  }
}

}  // namespace zomato::testing
