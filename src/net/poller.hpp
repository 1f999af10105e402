#pragma once

#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "net/asio.hpp"

namespace zomato::net {

using loop_executor = boost::asio::io_context::executor_type;

/// How a wait on a stream ended: the socket may be used again, or the wait was given up
/// (stream::cancel, stream::close).
enum class wait_result { ready, aborted };

/// What a read or a write did: `bytes` moved, nothing to move before the next event
/// (`blocked`: wait first), or the connection is over (`ended`: the peer's end of stream
/// on a read, a failed connection on either).
struct transfer {
  enum class outcome { moved, blocked, ended };
  std::size_t bytes = 0;
  outcome status = outcome::moved;
};

class poller;

/// A client connection's socket, which it owns (closed on destruction), registered once with
/// its loop's poller, edge-triggered, for input, output and the peer's end of stream. So no
/// read or write costs an epoll_ctl, and a read that took less than it had room for is known
/// to have emptied the socket unless the peer's end came with the same event (EPOLLRDHUP),
/// which saves the read that would fail. Used on its loop's thread only.
class stream {
 public:
  /// Takes `fd`, a connected non-blocking socket, and registers it with `watcher`.
  /// Throws std::system_error when epoll refuses it; `fd` is closed then too.
  stream(poller& watcher, int fd);
  /// Leaves the poller and closes the socket.
  ~stream();
  stream(const stream&) = delete;
  stream& operator=(const stream&) = delete;

  /// Reads into `room` what the socket has; `blocked` without a system call when the socket
  /// was found empty since its last event.
  transfer receive(std::span<char> room);

  /// Sends what the socket takes at once of `parts` (by writev, as nginx: the kernel's way is
  /// shorter than sendmsg's; the process must ignore SIGPIPE).
  transfer send(std::span<const iovec> parts);

  /// Waits until the socket has something to read (or its peer ended) after receive() was
  /// blocked; ends at once when the socket is not known to be empty. Aborted by cancel() and
  /// close().
  boost::asio::awaitable<wait_result, loop_executor> readable();

  /// Waits until the socket takes more after send() could not send everything; ends at once
  /// when the socket is not known to be full. Aborted by cancel() and close().
  boost::asio::awaitable<wait_result, loop_executor> writable();

  /// Ends the sending side (the peer reads the end of the stream once it has the rest).
  void end_sending();

  /// Gives up the waits in progress: they end `aborted`, from the loop.
  void cancel();

  /// Shuts the connection down both ways and gives up the waits in progress; the descriptor is
  /// closed with the stream.
  void close();

 private:
  friend poller;
  using wait_handler =
      boost::asio::async_result<boost::asio::use_awaitable_t<loop_executor>, void(wait_result)>::handler_type;

  // Hands the socket's epoll events to the waits they end (resuming them here, on the loop).
  void notify(std::uint32_t events);
  // A wait in `slot` until the poller finds `ready`, or ended at once when it already is.
  boost::asio::awaitable<wait_result, loop_executor> wait(std::optional<wait_handler>& slot, const bool& ready);
  void abandon_waits();

  poller* watcher_;
  int fd_;
  bool readable_ = true;  // no read since the last input event found the socket empty
  bool writable_ = true;
  bool peer_ended_ = false;
  std::optional<wait_handler> reader_;
  std::optional<wait_handler> writer_;
  stream* previous_ = nullptr;  // the poller's streams, linked through them
  stream* next_ = nullptr;
};

/// One event loop's own epoll set for its client connections, waited on by the loop as one
/// descriptor: an epoll_ctl (Asio rearming that descriptor) and an epoll_wait per batch of
/// ready connections, where Asio would rearm each connection's descriptor for each request.
/// It must be destroyed after the loop's last run and before the loop's io_context.
class poller {
 public:
  /// Makes the epoll set. Throws std::system_error when the system refuses.
  explicit poller(boost::asio::io_context& loop);
  /// Gives up the waits still parked: the coroutines behind them own their streams, and are
  /// freed with the io_context; the streams that remain no longer refer to the poller.
  ~poller();
  poller(const poller&) = delete;
  poller& operator=(const poller&) = delete;

  /// Starts handing the set's events to their streams, from the loop.
  void start();

  /// The loop's executor.
  loop_executor executor() { return set_.get_executor(); }

 private:
  friend stream;
  void watch();
  void dispatch();
  void link(stream& s);
  void unlink(stream& s);

  boost::asio::posix::basic_stream_descriptor<loop_executor> set_;  // owns the epoll set
  stream* first_ = nullptr;
};

}  // namespace zomato::net
