#pragma once

#include "store/activity_repositories.hpp"
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

class kitchen_repository final : public store::kitchen_repository {
 public:
  explicit kitchen_repository(connection& db) : db_(db) {}
  std::int64_t active_orders(domain::id_t restaurant_id) override;
  std::optional<std::int64_t> menu_preparation(domain::id_t restaurant_id) override;
  std::vector<domain::pending_order> pending_orders(domain::id_t restaurant_id) override;
  std::optional<std::int64_t> order_preparation(domain::id_t order_id) override;

 private:
  connection& db_;
};

class analytics_repository final : public store::analytics_repository {
 public:
  explicit analytics_repository(connection& db) : db_(db) {}
  domain::revenue_day revenue_between(const std::string& from, const std::string& to) override;
  domain::customer_activity customers_since(const std::string& since) override;
  std::vector<domain::restaurant_performance> performance(std::optional<domain::id_t> restaurant_id,
                                                          std::int64_t limit) override;
  std::int64_t restaurant_count() override;
  std::vector<domain::item_sales> popular_items(const std::string& since, std::int64_t limit) override;

 private:
  connection& db_;
};

class sample_repository final : public store::sample_repository {
 public:
  explicit sample_repository(connection& db) : db_(db) {}
  void remember(const std::string& kind, domain::id_t id) override;
  std::vector<domain::id_t> ids(const std::string& kind) override;
  void forget_all() override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
