#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cache/cache_settings.hpp"
#include "cache/generations.hpp"
#include "cache/redis_connect.hpp"
#include "services/cache_report.hpp"

namespace zomato::cache {

/// Keeps this node's generations those of every node sharing its Redis. Generations live in
/// Redis ("<prefix>:generations", a hash of the namespaces' and the epoch, and
/// "<prefix>:scopes", the scope slots' as 32-bit words); a write moves on its own with one
/// script that also publishes the new values on "<prefix>:invalidations", and applies them here
/// before it is acknowledged. A thread of the link subscribes, applies what others publish and
/// PINGs every fifth of the bound: the node may use its cache only while the last PONG answers
/// a PING sent less than the bound ago, so a read that starts more than the bound after a
/// write's acknowledgement never finds an entry that write made obsolete.
///
/// When the link loses Redis (an error, no PONG within four bounds, a write that could not move
/// the generations), the node stops using its cache; once it reaches Redis again it subscribes,
/// moves the fleet's epoch on (every entry in Redis made before becomes unreachable, and every
/// node forgets its in-process copies), reads the generations and only then uses its cache again.
///
/// A writer cut off from Redis while the others are not cannot tell them, so the database does:
/// each write counts itself there (write_ledger), marked unannounced when its node is out of
/// touch as it commits, and a write whose announcement fails after its commit leaves a mark
/// before it is acknowledged. Every heartbeat the link reads the count: a new mark moves the
/// fleet's epoch on at once. As a backstop for a writer that stopped between its commit and its
/// announcement, each write's number is announced with its moves, Redis keeps the count up to
/// which every write was announced ("written" in the generations hash, the numbers above it in
/// "<prefix>:announced") and publishes it, and a database count that stays ahead of it for a
/// second (or four bounds) moves the epoch on too. Either move happens once for the whole fleet.
class fleet_link {
 public:
  /// Starts the thread that connects, syncs and listens; `forget_memory` drops this node's
  /// in-process entries (called on that thread, or on a writer's applying its script's result); `ledger` reads and
  /// marks the database's count.
  fleet_link(redis_settings settings, const std::string& prefix, std::chrono::milliseconds bound, generations& local,
             std::function<void()> forget_memory, write_ledger ledger = {});
  /// Stops the thread.
  ~fleet_link();
  fleet_link(const fleet_link&) = delete;
  fleet_link& operator=(const fleet_link&) = delete;

  /// Whether the node may serve from its cache and store in it now.
  bool usable() const;
  /// Whether a write's script is tried now (the link is synced, its heartbeat maybe late).
  bool synced() const { return synced_.load(std::memory_order_acquire); }
  /// Waits until usable(), at most `cap`; false when it is not by then.
  bool wait_usable(std::chrono::milliseconds cap) const;
  /// Moves on what writes changed, in Redis and here, and tells the fleet with the writes'
  /// numbers. Never fails: when Redis cannot take it, the link goes down and the epoch moves on
  /// when it comes back.
  void publish(const generation_moves& moves, const std::vector<std::uint64_t>& numbers);
  /// Moves the epoch on: every node forgets every entry.
  void forget_everything();
  /// What the link did so far.
  services::fleet_figures figures() const;

 private:
  /// Runs the script that moves each item on and publishes; the message it sent, or nullopt.
  std::optional<std::string> move(const std::vector<std::string>& items);
  /// move() for a caller that holds command_lock_.
  std::optional<std::string> move_holding_connection(const std::vector<std::string>& items);
  /// Moves the items on with those other writes queued meanwhile, and applies the result here.
  void send(std::vector<std::string> items);
  /// Applies a published message's values.
  void apply(std::string_view message);
  /// Marks the link down; `missed`: a change may not have reached the fleet.
  void lose(bool missed);
  void run();
  /// Connects, subscribes, syncs and listens until the link is lost; false when a step failed.
  bool session();
  /// Moves the epoch when changes were missed, reads the generations and marks the link synced.
  bool resync();
  /// Reads the subscription until it is lost or the link stops.
  void listen(redisContext* subscription);
  /// Moves the epoch on when the database has a new mark of unannounced writes, or writes it
  /// counted stayed unheard of for the grace; false when that move failed (the link is lost then).
  bool check_announced();
  /// The database's count of writes, nullopt when unknown.
  std::optional<services::write_tally> counted_writes() const;
  /// Marks in the database that writes could not be announced; true once the mark is durable,
  /// false when it could not be made (the backstop's grace then covers the writes).
  bool mark_unannounced();
  /// Raises the count up to which every write was announced, as heard.
  void hear_written(std::uint64_t through);
  void record_delivery(double ms);

  redis_settings settings_;
  std::string generations_key_;
  std::string scopes_key_;
  std::string channel_;
  std::string announced_key_;
  std::chrono::microseconds bound_;
  std::chrono::microseconds heartbeat_;
  generations& local_;
  std::function<void()> forget_memory_;
  write_ledger ledger_;
  std::chrono::microseconds grace_;  // how long counted writes may stay unannounced
  std::string node_;

  std::mutex command_lock_;
  redis_context command_;  // under command_lock_

  std::mutex queue_lock_;
  std::vector<std::string> queued_items_;  // of the writes not sent yet
  std::uint64_t queued_up_to_ = 0;         // the last write queued
  std::uint64_t sent_up_to_ = 0;           // the last write sent (or failed)
  std::uint64_t failed_up_to_ = 0;         // the last write of the last batch that failed
  std::uint64_t marked_up_to_ = 0;         // the last write a durable mark covers

  std::mutex state_lock_;
  std::uint64_t missed_ = 0;  // changes that may not have reached the fleet since the last sync
  std::atomic<bool> synced_{false};
  std::atomic<bool> connected_{false};
  std::atomic<std::int64_t> confirmed_us_{0};    // steady clock: sending time of the last PING answered
  std::atomic<std::uint64_t> heard_written_{0};  // every write up to it was announced
  std::uint64_t awaited_ = 0;                    // on the thread: a count not heard of yet...
  std::int64_t awaited_since_us_ = 0;            // ...first read then
  std::optional<std::uint64_t> marks_seen_;      // on the thread: the database's marks last read

  std::atomic<std::uint64_t> messages_{0};
  std::atomic<std::uint64_t> resyncs_{0};
  std::atomic<std::uint64_t> bumps_{0};          // writes that went to Redis
  std::atomic<std::uint64_t> bump_failures_{0};  // scripts that failed
  std::atomic<std::uint64_t> bump_total_us_{0};
  std::atomic<std::uint64_t> unannounced_found_{0};

  mutable std::mutex delivery_lock_;
  std::vector<double> recent_delivery_ms_;  // a ring of the latest
  std::uint64_t deliveries_ = 0;
  double max_delivery_ms_ = 0.0;

  std::mutex stop_lock_;
  std::condition_variable stop_signal_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace zomato::cache
