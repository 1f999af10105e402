#pragma once

#include <boost/version.hpp>

#include "net/asio.hpp"

// Asio tries every read at once (a "speculative" recv) before it queues the read in its epoll
// reactor, and its one way to wait for readability without that try, async_wait, rearms the
// descriptor with an epoll_ctl each time. After a read that emptied an edge-triggered socket
// both are a system call that cannot succeed: any byte still to come raises a fresh event.
// client_socket clears the reactor's flag for that try, which the reactor sets again itself
// when the socket's next event comes. The flag is private to Boost 1.74's epoll reactor
// (descriptor_state::try_speculative_); it is reached through an explicit instantiation, where
// access is not checked ([temp.spec.general]/6). Check it again when Boost changes.
static_assert(BOOST_VERSION == 107400, "client_socket clears a private flag of Boost 1.74's epoll reactor");
#if !defined(BOOST_ASIO_HAS_EPOLL) || defined(BOOST_ASIO_DISABLE_EPOLL)
#error "client_socket needs Asio's epoll reactor"
#endif

namespace zomato::net {
namespace detail {

using reactor = boost::asio::detail::epoll_reactor;

struct speculative_flags {
  using type = bool (reactor::descriptor_state::*)[reactor::max_ops];
  friend type member(speculative_flags);
};

template <class Tag, typename Tag::type Member>
struct expose {
  friend typename Tag::type member(Tag) { return Member; }
};

template struct expose<speculative_flags, &reactor::descriptor_state::try_speculative_>;

}  // namespace detail

using stream_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;

/// A client connection's socket, used by its loop's thread alone.
class client_socket : public stream_socket {
 public:
  explicit client_socket(stream_socket&& accepted) noexcept : stream_socket(std::move(accepted)) {}

  /// Makes the next asynchronous read wait for the socket's next event instead of trying first
  /// (see above). Only right when the last read emptied the socket and the loop has not run
  /// since: an event the loop took meanwhile would not come again, and the read would wait for
  /// bytes that are already there. Does nothing on a closed socket.
  void await_next_event() noexcept {
    if (auto* state = impl_.get_implementation().reactor_data_)
      (state->*member(detail::speculative_flags{}))[detail::reactor::read_op] = false;
  }
};

}  // namespace zomato::net
