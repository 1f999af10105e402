#pragma once

#include <cstddef>
#include <vector>

#include "api/cache_warmer.hpp"
#include "app/config.hpp"
#include "app/usage_book.hpp"
#include "http/router.hpp"
#include "services/catalog_analytics_service.hpp"

namespace zomato::app {

/// What a node warms after it starts, in this order: the targets the usage book ranks highest
/// (what clients asked most before the restart, `top` x 4 of them), the views of the `top`
/// restaurants with the most orders in the last 30 days of orders, the restaurant lists and the
/// analytics namespace's warm plan; with warm_start::all, then every namespace's warm plan (its
/// lists' first `top` ids). Nothing with warm_start::off. Each step fetches through the cache,
/// as `POST /cache/warm` does; the database's and Redis's failures end the step they hit.
std::vector<services::warm_step> warm_at_start(warm_start mode, std::size_t top, api::cache_warmer& warmer,
                                               usage_book& book, services::catalog_analytics_service& analytics,
                                               const std::vector<http::route>& routes);

}  // namespace zomato::app
