#pragma once

#include "store/notification_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class notification_repository final : public store::notification_repository {
 public:
  explicit notification_repository(connection& db) : db_(db) {}
  void add(domain::notification& note) override;
  void mark_order_read(domain::id_t order_id) override;
  std::vector<domain::notification> of_customer(domain::id_t customer_id, std::int64_t limit) override;
  std::int64_t unread_count(domain::id_t customer_id) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
