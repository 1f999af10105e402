#include "services/write_context.hpp"

namespace zomato::services {
namespace {

// Groups end in order, so each ticket's answer comes once the one before it has.
void await_from(store::database& db, std::vector<store::commit_ticket> tickets, std::size_t next,
                std::function<void(bool kept)> done) {
  if (next == tickets.size()) return done(true);
  const auto ticket = tickets[next];
  db.when_durable(ticket, [&db, tickets = std::move(tickets), next, done = std::move(done)](bool kept) mutable {
    if (!kept) return done(false);
    await_from(db, std::move(tickets), next + 1, std::move(done));
  });
}

}  // namespace

void write_context::commit(store::session& tx, change what, const touched& ids) {
  const bool announceable = listener_.can_announce();
  const auto number = tx.write_count().count(announceable);
  commit(tx);
  listener_.changed(what, ids);
  changes_.emplace_back(what, ids);
  if (announceable) numbers_.push_back(number);
}

void write_context::commit(store::session& tx) {
  const auto ticket = tx.commit();
  committed_ = true;
  if (ticket.group != 0 && (pending_.empty() || pending_.back().group != ticket.group)) pending_.push_back(ticket);
}

void write_context::when_durable(store::database& db, std::function<void(bool kept)> done) const {
  await_from(db, pending_, 0, std::move(done));
}

}  // namespace zomato::services
