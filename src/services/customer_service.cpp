#include "services/customer_service.hpp"

#include "domain/clock.hpp"

namespace zomato::services {
namespace {

const char* const customer_missing = "Customer not found";
const char* const email_taken = "Customer with this email already exists";

}  // namespace

domain::result<domain::customer> customer_service::create(write_context& writes, domain::customer draft) {
  auto tx = db_.write();
  if (tx->customers().id_with_email(draft.email)) return domain::rule_violation(email_taken);
  draft.created_at = draft.updated_at = domain::now_timestamp();
  tx->customers().insert(draft);
  writes.commit(*tx, change::customer_created);
  return draft;
}

domain::result<domain::customer> customer_service::get(domain::id_t id) {
  auto found = db_.read()->customers().find(id);
  if (!found) return domain::not_found(customer_missing);
  return std::move(*found);
}

store::page_of<domain::customer> customer_service::list(bool active_only, store::page window) {
  return db_.read()->customers().list(active_only, window);
}

domain::result<domain::customer> customer_service::update(write_context& writes, domain::id_t id,
                                                          const domain::customer_patch& patch) {
  auto tx = db_.write();
  auto found = tx->customers().find(id);
  if (!found) return domain::not_found(customer_missing);
  if (const auto email = patch.get(&domain::customer::email)) {
    const auto holder = tx->customers().id_with_email(*email);
    if (holder && *holder != id) return domain::rule_violation(email_taken);
  }
  patch.apply_to(*found);
  found->updated_at = domain::now_timestamp();
  tx->customers().update(*found);
  writes.commit(*tx, change::customer_updated, {.customer = id});
  return std::move(*found);
}

domain::result<domain::done> customer_service::remove(write_context& writes, domain::id_t id) {
  auto tx = db_.write();
  const auto reviewed = tx->reviews().restaurants_reviewed_by(id);
  if (!tx->customers().remove(id)) return domain::not_found(customer_missing);
  for (const auto restaurant_id : reviewed) tx->reviews().refresh_rating(restaurant_id);
  writes.commit(*tx, change::customer_deleted);
  return domain::done{};
}

domain::result<domain::customer_order_summary> customer_service::analytics(domain::id_t id) {
  auto tx = db_.read();
  if (!tx->customers().find(id)) return domain::not_found(customer_missing);
  return tx->customers().order_summary(id);
}

}  // namespace zomato::services
