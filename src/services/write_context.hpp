#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "domain/principal.hpp"
#include "services/changes.hpp"
#include "store/database.hpp"

namespace zomato::services {

using store::write_tally;

/// One request's writes, carried explicitly from the caller through the use cases: what
/// they changed (told to the listener at once, before the caller answers, and kept so it can
/// be told again once the writes are durable) and the ticket that says when they are.
class write_context {
 public:
  using told = std::vector<std::pair<change, touched>>;

  explicit write_context(change_listener& listener = ignore_changes(), domain::principal caller = {})
      : listener_(listener), caller_(caller) {}

  /// Who writes: the use cases let a restricted caller write only what is theirs.
  const domain::principal& caller() const { return caller_; }

  /// Counts the write in the database (store::write_count_repository: unannounced when the
  /// listener cannot announce it), commits the session and reports what the write changed.
  /// Throws what the count or the commit throws; nothing is reported then.
  void commit(store::session& tx, change what, const touched& ids = {});
  /// Commits a session whose writes no cached answer shows (bookkeeping).
  void commit(store::session& tx);

  /// Calls `done(true)` once every commit of this context is durable, `done(false)` as soon as
  /// one of them is known lost; as store::database::when_durable() does.
  void when_durable(store::database& db, std::function<void(bool kept)> done) const;
  /// Whether a commit of this context succeeded (a request that committed nothing may run again).
  bool committed() const { return committed_; }
  /// What the writes reported, in order.
  const told& changes() const { return changes_; }
  /// The numbers the database gave the writes that reported a change and are to be announced
  /// (those counted unannounced are not), in order.
  const std::vector<std::uint64_t>& numbers() const { return numbers_; }

 private:
  change_listener& listener_;
  domain::principal caller_;
  std::vector<store::commit_ticket> pending_;  // distinct groups not committed at once, in order
  told changes_;
  std::vector<std::uint64_t> numbers_;
  bool committed_ = false;
};

}  // namespace zomato::services
