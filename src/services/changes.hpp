#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace zomato::services {

/// What a committed write changed, as the cache needs to know it.
enum class change {
  restaurant_created,
  restaurant_updated,
  restaurant_deleted,
  menu_item_created,
  menu_item_updated,
  menu_item_deleted,
  customer_created,
  customer_updated,
  customer_deleted,
  order_placed,
  order_status_changed,
  review_added,
  catalog_replaced,  // bulk writes: sample data added or removed
};

/// Every kind of write, in the enum's order: a value added to `change` goes here too.
inline constexpr std::array<change, 13> all_changes{
    change::restaurant_created, change::restaurant_updated, change::restaurant_deleted,   change::menu_item_created,
    change::menu_item_updated,  change::menu_item_deleted,  change::customer_created,     change::customer_updated,
    change::customer_deleted,   change::order_placed,       change::order_status_changed, change::review_added,
    change::catalog_replaced};
static_assert(static_cast<std::size_t>(all_changes.back()) + 1 == all_changes.size(),
              "all_changes ends with the enum's last value");

/// The entities a write touched, so the cache can keep what is about other ones and compute
/// again the single-entity reads it keeps warm; 0 where the write names none of that kind.
struct touched {
  std::int64_t restaurant = 0;
  std::int64_t customer = 0;
  std::int64_t order = 0;
  std::int64_t menu_item = 0;
};

/// Told of every committed write before the use case returns, so nothing a client reads
/// after the acknowledgement is older than the write.
class change_listener {
 public:
  virtual ~change_listener() = default;
  virtual void changed(change what, const touched& ids) = 0;
  /// Whether writes committed now can be told to every process that shares the cache (false: a
  /// fleet node out of touch with it). Never fails.
  virtual bool can_announce() const { return true; }
};

/// A listener that ignores everything, for use without a cache.
change_listener& ignore_changes();

}  // namespace zomato::services
