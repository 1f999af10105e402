#pragma once

#include <utility>
#include <vector>

#include "services/changes.hpp"
#include "store/database.hpp"

namespace zomato::services {

/// One request's writes, carried explicitly from the caller through the use cases: what
/// they changed (told to the listener at once, before the caller answers, and kept so it can
/// be told again once the writes are durable) and the ticket that says when they are.
class write_context {
 public:
  using told = std::vector<std::pair<change, touched>>;

  explicit write_context(change_listener& listener = ignore_changes()) : listener_(listener) {}

  /// Commits the session and reports what the write changed. Throws what the commit throws;
  /// nothing is reported then.
  void commit(store::session& tx, change what, const touched& ids = {});
  /// Commits a session whose writes no cached answer shows (bookkeeping).
  void commit(store::session& tx);

  /// The ticket of the last commit: a request's commits join groups in order, so once the
  /// last is durable every earlier one is too.
  store::commit_ticket ticket() const { return ticket_; }
  /// What the writes reported, in order.
  const told& changes() const { return changes_; }

 private:
  change_listener& listener_;
  store::commit_ticket ticket_;
  told changes_;
};

}  // namespace zomato::services
