#include "net/poller.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace {

namespace asio = boost::asio;
using zomato::net::loop_executor;
using zomato::net::poller;
using zomato::net::stream;
using zomato::net::transfer;
using zomato::net::wait_result;
template <class T = void>
using task = asio::awaitable<T, loop_executor>;

// Waits for the stream to be readable, keeping how the wait ended.
task<> wait_readable(stream& s, wait_result& result, bool& done) {
  result = co_await s.readable();
  done = true;
}

// A stream on one end of a socket pair, the test holding the other end (`peer`).
class PollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::array<int, 2> ends{};
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends.data()), 0);
    ours = std::make_unique<stream>(*watcher, ends[0]);
    peer = ends[1];
    watcher->start();
  }
  void TearDown() override {
    ours.reset();
    ::close(peer);
  }

  // Runs the loop until `finished`, for a bounded number of turns, calling `between` after each.
  void turn_until(
      const bool& finished, const std::function<void()>& between = [] {}) {
    for (int turn = 0; turn < 500 && !finished; ++turn) {
      loop.run_one_for(std::chrono::milliseconds(10));
      between();
    }
  }

  void peer_sends(std::string_view bytes) const {
    ASSERT_EQ(::send(peer, bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
  }

  // Finds the socket empty and starts a coroutine waiting for it to be readable (`waited`, `done`).
  void wait_on_empty_socket() {
    std::array<char, 64> room{};
    ASSERT_EQ(ours->receive(room).status, transfer::outcome::blocked);
    asio::co_spawn(loop.get_executor(), wait_readable(*ours, waited, done), asio::detached);
    loop.poll();
    ASSERT_FALSE(done);
  }

  std::string receive_all() {
    std::array<char, 64> room{};
    const auto got = ours->receive(room);
    EXPECT_EQ(got.status, transfer::outcome::moved);
    return {room.data(), got.bytes};
  }

  asio::io_context loop;
  std::unique_ptr<poller> watcher = std::make_unique<poller>(loop);
  std::unique_ptr<stream> ours;
  int peer = -1;
  wait_result waited = wait_result::aborted;
  bool done = false;
};

TEST_F(PollerTest, AReadThatEmptiesTheSocketLeavesTheNextToTheNextEventWithoutASystemCall) {
  peer_sends("GET");
  EXPECT_EQ(receive_all(), "GET");
  loop.poll();  // hands over the events so far: what wakes the wait below is the next one
  wait_on_empty_socket();
  peer_sends(" /");
  std::array<char, 64> room{};
  EXPECT_EQ(ours->receive(room).status, transfer::outcome::blocked);  // until its event is handed over
  turn_until(done);
  ASSERT_TRUE(done);
  EXPECT_EQ(waited, wait_result::ready);
  EXPECT_EQ(receive_all(), " /");
}

TEST_F(PollerTest, AnEndOfStreamThatCameWithTheLastBytesIsFoundWithoutWaiting) {
  peer_sends("last request");
  ASSERT_EQ(::shutdown(peer, SHUT_WR), 0);
  loop.poll();  // hands over the one event of both (EPOLLIN with EPOLLRDHUP)
  EXPECT_EQ(receive_all(), "last request");
  std::array<char, 64> room{};
  // No other event will come: a read that waited for one would wait until its timeout.
  EXPECT_EQ(ours->receive(room).status, transfer::outcome::ended);
}

TEST_F(PollerTest, CancelEndsAWaitInProgressAsAborted) {
  wait_on_empty_socket();
  ours->cancel();
  turn_until(done);
  ASSERT_TRUE(done);
  EXPECT_EQ(waited, wait_result::aborted);
}

TEST_F(PollerTest, CloseEndsAWaitInProgressAndTheConnection) {
  wait_on_empty_socket();
  ours->close();
  turn_until(done);
  ASSERT_TRUE(done);
  EXPECT_EQ(waited, wait_result::aborted);
  std::array<char, 64> room{};
  EXPECT_EQ(ours->receive(room).status, transfer::outcome::ended);
  std::array<char, 8> peers_room{};
  EXPECT_EQ(::recv(peer, peers_room.data(), peers_room.size(), 0), 0);  // the peer sees the end
}

// Sends all of `bytes`, waiting for room as the peer reads.
task<> send_everything(stream& s, const std::string& bytes, std::size_t& sent, bool& done) {
  while (sent < bytes.size()) {
    const iovec rest{const_cast<char*>(bytes.data() + sent), bytes.size() - sent};
    const auto moved = s.send({&rest, 1});
    if (moved.status == transfer::outcome::ended) break;
    sent += moved.bytes;
    if (sent < bytes.size() && co_await s.writable() == wait_result::aborted) break;
  }
  done = true;
}

TEST_F(PollerTest, AWriteToAFullSocketGoesOnAsThePeerReads) {
  const std::string answer(4 << 20, 'x');  // more than the socket pair's buffers hold
  std::size_t sent = 0;
  asio::co_spawn(loop.get_executor(), send_everything(*ours, answer, sent, done), asio::detached);
  std::string arrived;
  const auto peer_reads = [&] {
    std::array<char, 65536> room{};
    for (ssize_t got = 0; (got = ::recv(peer, room.data(), room.size(), 0)) > 0;) {
      arrived.append(room.data(), static_cast<std::size_t>(got));
    }
  };
  turn_until(done, peer_reads);
  ASSERT_TRUE(done);
  peer_reads();
  EXPECT_EQ(sent, answer.size());
  EXPECT_EQ(arrived.size(), answer.size());
}

// Waits for the stream it owns to be readable.
task<> wait_owning(std::shared_ptr<stream> s) { co_await s->readable(); }

TEST(PollerEnd, APollerThatEndsFirstGivesUpItsWaitsSoThatTheirCoroutinesAndStreamsAreFreed) {
  std::array<int, 2> ends{};
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends.data()), 0);
  {
    asio::io_context loop;
    auto watcher = std::make_unique<poller>(loop);
    watcher->start();
    auto ours = std::make_shared<stream>(*watcher, ends[0]);
    std::array<char, 8> room{};
    ASSERT_EQ(ours->receive(room).status, transfer::outcome::blocked);
    asio::co_spawn(loop.get_executor(), wait_owning(std::move(ours)), asio::detached);
    loop.poll();  // the coroutine now waits, and alone owns the stream
    watcher.reset();
  }
  // The stream went with the coroutine's frame: kept by its own wait, it would still be open.
  std::array<char, 8> peers_room{};
  EXPECT_EQ(::recv(ends[1], peers_room.data(), peers_room.size(), 0), 0);
  ::close(ends[1]);
}

}  // namespace
