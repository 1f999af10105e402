#pragma once

#include "store/analytics_repository.hpp"
#include "store/catalog_analytics_repository.hpp"
#include "store/customer_repository.hpp"
#include "store/idempotency_repository.hpp"
#include "store/kitchen_repository.hpp"
#include "store/menu_item_repository.hpp"
#include "store/notification_repository.hpp"
#include "store/order_repository.hpp"
#include "store/restaurant_repository.hpp"
#include "store/review_repository.hpp"
#include "store/sample_repository.hpp"
#include "store/sqlite/connection.hpp"
#include "store/usage_repository.hpp"
#include "store/write_count_repository.hpp"

// The SQLite implementation of each repository interface of store/, on the connection of one
// transaction; each is defined in the .cpp file of its name.
namespace zomato::store::sqlite {

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

class catalog_analytics_repository final : public store::catalog_analytics_repository {
 public:
  explicit catalog_analytics_repository(connection& db) : db_(db) {}
  domain::menu_summary menu_summary(domain::id_t restaurant_id) override;
  std::vector<domain::cuisine_count> cuisines(std::int64_t limit) override;
  std::int64_t cuisine_total() override;
  std::vector<domain::price_band_count> price_bands(const std::vector<domain::price_band_count>& bands) override;
  std::int64_t item_count() override;
  std::vector<domain::id_t> most_ordered_restaurants(std::int64_t limit) override;
  domain::cents_sum price_sum() override;

 private:
  connection& db_;
};

class customer_repository final : public store::customer_repository {
 public:
  explicit customer_repository(connection& db) : db_(db) {}
  std::optional<domain::customer> find(domain::id_t id) override;
  page_of<domain::customer> list(bool active_only, page window) override;
  std::optional<domain::id_t> id_with_email(const std::string& email) override;
  void insert(domain::customer& customer) override;
  void update(const domain::customer& customer) override;
  bool remove(domain::id_t id) override;
  domain::customer_order_summary order_summary(domain::id_t id) override;

 private:
  connection& db_;
};

class idempotency_repository final : public store::idempotency_repository {
 public:
  explicit idempotency_repository(connection& db) : db_(db) {}
  std::optional<entry> find(domain::id_t customer_id, const std::string& key) override;
  void remember(domain::id_t customer_id, const std::string& key, const std::string& request, domain::id_t order_id,
                const std::string& at) override;
  void forget_before(const std::string& at) override;

 private:
  connection& db_;
};

class usage_repository final : public store::usage_repository {
 public:
  explicit usage_repository(connection& db) : db_(db) {}
  void record(const std::vector<target_use>& uses, double decay, std::size_t keep, double at) override;
  std::optional<double> faded_at() override;
  std::vector<target_use> top(std::size_t limit) override;

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

class menu_item_repository final : public store::menu_item_repository {
 public:
  explicit menu_item_repository(connection& db) : db_(db) {}

  std::optional<domain::menu_item> find(domain::id_t id) override;
  page_of<domain::menu_item> list(const menu_item_query& query, page window) override;
  page_of<domain::menu_item> of_restaurant(domain::id_t restaurant_id, page window) override;
  std::vector<domain::menu_item> all_of_restaurant(domain::id_t restaurant_id) override;
  void insert(domain::menu_item& item) override;
  void update(const domain::menu_item& item) override;
  bool remove(domain::id_t id) override;
  bool is_ordered(domain::id_t id) override;

 private:
  connection& db_;
};

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

class order_repository final : public store::order_repository {
 public:
  explicit order_repository(connection& db) : db_(db) {}
  std::optional<domain::order> find(domain::id_t id) override;
  std::vector<domain::order_item> items_of(domain::id_t order_id) override;
  page_of<domain::order> of_customer(domain::id_t customer_id, const order_filter& filter, page window) override;
  page_of<domain::order> of_restaurant(domain::id_t restaurant_id, const order_filter& filter, page window) override;
  void insert(domain::order& order, std::vector<domain::order_item>& items) override;
  bool change_status(domain::id_t id, domain::order_status from, domain::order_status to,
                     const std::optional<std::string>& delivery_time) override;
  void record_status(domain::id_t order_id, domain::order_status status, const std::string& at) override;
  std::vector<domain::status_change> history(domain::id_t order_id) override;
  domain::restaurant_order_summary restaurant_summary(domain::id_t restaurant_id) override;

 private:
  page_of<domain::order> page_by(std::string_view owner_column, domain::id_t owner, const order_filter& filter,
                                 page window);
  connection& db_;
};

class restaurant_repository final : public store::restaurant_repository {
 public:
  explicit restaurant_repository(connection& db) : db_(db) {}

  std::optional<domain::restaurant> find(domain::id_t id) override;
  page_of<domain::restaurant> list(const restaurant_query& query, page window) override;
  std::optional<domain::id_t> id_named(const std::string& name) override;
  void insert(domain::restaurant& restaurant) override;
  void update(const domain::restaurant& restaurant) override;
  bool remove(domain::id_t id) override;

 private:
  connection& db_;
};

class review_repository final : public store::review_repository {
 public:
  explicit review_repository(connection& db) : db_(db) {}
  std::optional<domain::review> of_order(domain::id_t order_id) override;
  page_of<domain::review> of_restaurant(domain::id_t restaurant_id, const domain::time_range& written,
                                        page window) override;
  page_of<domain::review> of_customer(domain::id_t customer_id, const domain::time_range& written,
                                      page window) override;
  void insert(domain::review& review) override;
  std::vector<domain::id_t> restaurants_reviewed_by(domain::id_t customer_id) override;
  void refresh_rating(domain::id_t restaurant_id) override;

 private:
  page_of<domain::review> page_by(std::string_view owner_column, domain::id_t owner, const domain::time_range& written,
                                  page window);
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

class write_count_repository final : public store::write_count_repository {
 public:
  explicit write_count_repository(connection& db) : db_(db) {}
  std::uint64_t count(bool announceable) override;
  void mark_unannounced() override;
  write_tally counted() override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
