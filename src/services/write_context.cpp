#include "services/write_context.hpp"

namespace zomato::services {

void write_context::commit(store::session& tx, change what, const touched& ids) {
  commit(tx);
  listener_.changed(what, ids);
  changes_.emplace_back(what, ids);
}

void write_context::commit(store::session& tx) {
  const auto ticket = tx.commit();
  if (ticket.group > ticket_.group) ticket_ = ticket;
}

}  // namespace zomato::services
