#pragma once

#include "store/analytics_repository.hpp"
#include "store/catalog_analytics_repository.hpp"
#include "store/customer_repository.hpp"
#include "store/idempotency_repository.hpp"
#include "store/kitchen_repository.hpp"
#include "store/menu_item_repository.hpp"
#include "store/notification_repository.hpp"
#include "store/order_repository.hpp"
#include "store/postgres/connection.hpp"
#include "store/restaurant_repository.hpp"
#include "store/review_repository.hpp"
#include "store/sample_repository.hpp"
#include "store/shared_repositories.hpp"
#include "store/usage_repository.hpp"
#include "store/write_count_repository.hpp"

// The PostgreSQL implementation of each repository interface of store/ (store/repository_classes.inc).
namespace zomato::store::postgres {

// NOLINTNEXTLINE(bugprone-suspicious-include)
#include "store/repository_classes.inc"

}  // namespace zomato::store::postgres
