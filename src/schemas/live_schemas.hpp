#pragma once

#include <string>

#include "services/analytics_service.hpp"
#include "services/realtime_service.hpp"

namespace zomato::schemas {

/// Real-time views; each states the TTL it is cached with and when it was computed.
std::string render(const services::slots_view& view, int cache_ttl);
std::string render(const services::availability_view& view, int cache_ttl);
std::string render(const services::pricing_view& view, int cache_ttl);
std::string render(const services::tracking_view& view, int cache_ttl);
std::string render(domain::id_t customer_id, const services::notifications_view& view, int cache_ttl);

/// Enterprise analytics; money as 2-decimal strings.
std::string render(const services::revenue_report& report, int cache_ttl);
std::string render(const services::behavior_report& report, int cache_ttl);
/// One restaurant's figures when `single`, else {restaurants:[...], total_restaurants}.
std::string render(const services::performance_report& report, bool single, int cache_ttl);
std::string render(const services::popular_items_report& report, int cache_ttl);

}  // namespace zomato::schemas
