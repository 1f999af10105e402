#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// A customer's notifications, newest first.
class notification_repository {
 public:
  virtual ~notification_repository() = default;
  /// Stores the notification and writes its id into it.
  virtual void add(domain::notification& note) = 0;
  /// Marks every earlier notification of the order read (a newer one supersedes them).
  virtual void mark_order_read(domain::id_t order_id) = 0;
  virtual std::vector<domain::notification> of_customer(domain::id_t customer_id, std::int64_t limit) = 0;
  virtual std::int64_t unread_count(domain::id_t customer_id) = 0;
};

}  // namespace zomato::store
