#include "net/poller.hpp"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <system_error>
#include <utility>

namespace zomato::net {
namespace {

namespace asio = boost::asio;

// The events that say the peer will send nothing more, or the connection failed.
constexpr std::uint32_t end_events = EPOLLRDHUP | EPOLLHUP | EPOLLERR;

int new_epoll_set() {
  const int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  return fd;
}

}  // namespace

stream::stream(poller& watcher, int fd) : watcher_(&watcher), fd_(fd) {
  epoll_event wanted{};
  wanted.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  wanted.data.ptr = this;
  if (::epoll_ctl(watcher.set_.native_handle(), EPOLL_CTL_ADD, fd, &wanted) != 0) {
    const int error = errno;
    ::close(fd);
    throw std::system_error(error, std::generic_category(), "epoll_ctl");
  }
  watcher.link(*this);
}

stream::~stream() {
  if (watcher_ != nullptr) {
    // Closing would drop the registration only with the last copy of the descriptor.
    epoll_event none{};
    ::epoll_ctl(watcher_->set_.native_handle(), EPOLL_CTL_DEL, fd_, &none);
    watcher_->unlink(*this);
  }
  ::close(fd_);
}

transfer stream::receive(std::span<char> room) {
  if (!readable_) return {.status = transfer::outcome::blocked};
  ssize_t got = 0;
  do got = ::recv(fd_, room.data(), room.size(), 0);
  while (got < 0 && errno == EINTR);
  if (got > 0) {
    const auto bytes = static_cast<std::size_t>(got);
    if (bytes < room.size() && !peer_ended_) readable_ = false;
    return {.bytes = bytes};
  }
  if (got < 0 && errno == EAGAIN) {  // EWOULDBLOCK is EAGAIN on Linux
    readable_ = false;
    return {.status = transfer::outcome::blocked};
  }
  return {.status = transfer::outcome::ended};
}

transfer stream::send(std::span<const iovec> parts) {
  if (!writable_) return {.status = transfer::outcome::blocked};
  ssize_t sent = 0;
  do sent = ::writev(fd_, parts.data(), static_cast<int>(parts.size()));
  while (sent < 0 && errno == EINTR);
  if (sent >= 0) {
    const auto bytes = static_cast<std::size_t>(sent);
    std::size_t total = 0;
    for (const auto& part : parts) total += part.iov_len;
    if (bytes < total) writable_ = false;  // the socket's buffer is full: wait for its next event
    return {.bytes = bytes};
  }
  if (errno == EAGAIN) {
    writable_ = false;
    return {.status = transfer::outcome::blocked};
  }
  return {.status = transfer::outcome::ended};
}

asio::awaitable<wait_result, loop_executor> stream::readable() { return wait(reader_, readable_); }

asio::awaitable<wait_result, loop_executor> stream::writable() { return wait(writer_, writable_); }

void stream::end_sending() { ::shutdown(fd_, SHUT_WR); }

namespace {

// Ends a wait from the loop, never from inside the caller (which may be the waiting coroutine's
// own suspension, or another coroutine).
template <class Handler>
void end_later(Handler handler, wait_result result) {
  const auto on = handler.get_executor();
  asio::post(on, [h = std::move(handler), result]() mutable { h(result); });
}

}  // namespace

asio::awaitable<wait_result, loop_executor> stream::wait(std::optional<wait_handler>& slot, const bool& ready) {
  return asio::async_initiate<const asio::use_awaitable_t<loop_executor>&, void(wait_result)>(
      [&slot, &ready](wait_handler handler) {
        if (ready) {
          end_later(std::move(handler), wait_result::ready);
        } else {
          slot.emplace(std::move(handler));
        }
      },
      asio::use_awaitable_t<loop_executor>{});
}

void stream::cancel() {
  for (auto* slot : {&reader_, &writer_}) {
    if (auto handler = std::exchange(*slot, std::nullopt)) end_later(std::move(*handler), wait_result::aborted);
  }
}

void stream::close() {
  ::shutdown(fd_, SHUT_RDWR);
  readable_ = writable_ = true;  // so that a read or write finds the connection ended
  cancel();
}

void stream::notify(std::uint32_t events) {
  if ((events & end_events) != 0) peer_ended_ = true;
  const bool in = (events & (EPOLLIN | end_events)) != 0;
  const bool out = (events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) != 0;
  readable_ = readable_ || in;
  writable_ = writable_ || out;
  auto reader = in ? std::exchange(reader_, std::nullopt) : std::nullopt;
  auto writer = out ? std::exchange(writer_, std::nullopt) : std::nullopt;
  // A resumed coroutine may end the connection, and this stream with it: nothing of it is
  // touched from here on.
  if (reader) (*reader)(wait_result::ready);
  if (writer) (*writer)(wait_result::ready);
}

void stream::abandon_waits() {
  watcher_ = nullptr;
  reader_.reset();
  writer_.reset();
}

poller::poller(asio::io_context& loop) : set_(loop.get_executor(), new_epoll_set()) {}

poller::~poller() {
  while (first_ != nullptr) {
    auto& s = *first_;
    unlink(s);
    s.abandon_waits();
  }
}

void poller::start() { watch(); }

void poller::watch() {
  set_.async_wait(asio::posix::descriptor_base::wait_read, [this](const boost::system::error_code& failed) {
    if (failed) return;  // the loop is ending
    dispatch();
    watch();
  });
}

void poller::dispatch() {
  // One batch per turn: what remains is found when the next watch() rearms the set's descriptor
  // (Asio's epoll_ctl polls it), after the loop's other work.
  std::array<epoll_event, 64> events{};
  const int count = ::epoll_wait(set_.native_handle(), events.data(), static_cast<int>(events.size()), 0);
  for (const auto& event : std::span(events).first(static_cast<std::size_t>(std::max(count, 0)))) {
    static_cast<stream*>(event.data.ptr)->notify(event.events);
  }
}

void poller::link(stream& s) {
  s.next_ = first_;
  if (first_ != nullptr) first_->previous_ = &s;
  first_ = &s;
}

void poller::unlink(stream& s) {
  if (s.previous_ != nullptr) s.previous_->next_ = s.next_;
  if (s.next_ != nullptr) s.next_->previous_ = s.previous_;
  if (first_ == &s) first_ = s.next_;
  s.previous_ = s.next_ = nullptr;
}

}  // namespace zomato::net
