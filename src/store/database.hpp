#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "store/analytics_repository.hpp"
#include "store/catalog_analytics_repository.hpp"
#include "store/customer_repository.hpp"
#include "store/database_figures.hpp"
#include "store/failures.hpp"
#include "store/idempotency_repository.hpp"
#include "store/kitchen_repository.hpp"
#include "store/menu_item_repository.hpp"
#include "store/notification_repository.hpp"
#include "store/order_repository.hpp"
#include "store/restaurant_repository.hpp"
#include "store/review_repository.hpp"
#include "store/sample_repository.hpp"
#include "store/usage_repository.hpp"
#include "store/write_count_repository.hpp"

namespace zomato::store {

/// What a write session's commit() hands back: the commit group its writes joined, whose
/// outcome database::when_durable() tells (0: durable already).
struct commit_ticket {
  std::uint64_t group = 0;
};

/// One transaction's view of every repository. Its calls throw store::unavailable when the
/// database cannot serve them for now, store::failure on any other failure of the store. A read session sees one
/// snapshot; a write session holds the single writer and is rolled back unless commit() is called.
class session {
 public:
  virtual ~session() = default;
  virtual restaurant_repository& restaurants() = 0;
  virtual menu_item_repository& menu_items() = 0;
  virtual customer_repository& customers() = 0;
  virtual order_repository& orders() = 0;
  virtual review_repository& reviews() = 0;
  virtual idempotency_repository& idempotency_keys() = 0;
  virtual usage_repository& usage() = 0;
  virtual catalog_analytics_repository& catalog_analytics() = 0;
  virtual notification_repository& notifications() = 0;
  virtual kitchen_repository& kitchens() = 0;
  virtual analytics_repository& analytics() = 0;
  virtual sample_repository& samples() = 0;
  virtual write_count_repository& write_count() = 0;
  /// Commits a write session (later writers of its group see the writes, readers once the
  /// group commits); it does not
  /// wait for them to be durable: when_durable() with the ticket tells that. Throws
  /// store::unavailable or store::failure when the commit fails at once.
  virtual commit_ticket commit() = 0;
};

/// Returns a session to where it came from when the caller is done with it.
struct session_return {
  void (*give_back)(void* owner, session* released, std::uint64_t lease) = nullptr;
  void* owner = nullptr;
  /// Tells this lease from others of the same session (the one writer is leased in turns).
  std::uint64_t lease = 0;
  void operator()(session* released) const { give_back(owner, released, lease); }
};

using session_lease = std::unique_ptr<session, session_return>;

class database {
 public:
  virtual ~database() = default;
  /// A read-only transaction on a pooled connection. Throws store::unavailable or store::failure.
  virtual session_lease read() = 0;
  /// The write transaction; callers queue for it. Throws store::unavailable when the lock does
  /// not come within the busy timeout or the database cannot be written.
  virtual session_lease write() = 0;
  /// Calls `done(true)` once the writes of the ticket are durable, `done(false)` when they
  /// were lost (their commit group failed): at once, or later on the thread that ends the group,
  /// with no lock of the database held.
  virtual void when_durable(commit_ticket ticket, std::function<void(bool kept)> done) = 0;
  /// Why writes cannot succeed now, or nullopt when they can. Cheap: the outcome of the last
  /// write, and when that failed, a short probe write (at most one a second).
  virtual std::optional<unavailable_reason> unwritable() = 0;
  /// What the store has done so far and holds now. Safe from any thread; never fails.
  virtual database_figures figures() const = 0;
  /// Whether a read by primary key is answered without waiting on the network (an embedded
  /// database), so that an event loop may run it. Never fails.
  virtual bool answers_in_process() const = 0;
};

}  // namespace zomato::store
