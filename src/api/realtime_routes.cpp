#include <chrono>

#include "api/failure_responses.hpp"
#include "api/realtime_routes.hpp"
#include "api/route_names.hpp"
#include "cache/route_rules.hpp"
#include "domain/order_status.hpp"
#include "schemas/live_schemas.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Real-Time";
constexpr int slots_ttl = 30;
constexpr int availability_ttl = 60;
constexpr int pricing_ttl = 120;
constexpr int tracking_ttl = 120;
constexpr int notifications_ttl = 60;

http::param_spec restaurant_id() { return http::path_id("restaurant_id", "Restaurant id"); }

}  // namespace

void add_realtime_routes(http::router& routes, openapi_components& docs, services::realtime_service& realtime) {
  using namespace schemas;
  docs.tag(tag, "Short-lived views: delivery slots, kitchen load, surge pricing, order tracking, notifications");
  const shape_field updated{"last_updated", number().described("When it was computed, seconds since the Unix epoch")};
  const shape_field ttl{"cache_ttl", whole().described("Seconds it is cached for")};
  docs.add("DeliverySlots", object_of({{"restaurant_id", whole()},
                                       {"restaurant_name", text()},
                                       {"delivery_slots", list_of(object_of({{"time", text().described("HH:MM-HH:MM")},
                                                                             {"available", flag()},
                                                                             {"estimated_prep_time", whole()}}))},
                                       updated,
                                       ttl}));
  docs.add("Availability", object_of({{"restaurant_id", whole()},
                                      {"restaurant_name", text()},
                                      {"availability_status", text_choice({"available", "busy", "very_busy"})},
                                      {"current_capacity_percentage", number()},
                                      {"estimated_wait_minutes", whole()},
                                      {"accepting_orders", flag()},
                                      {"active_orders", whole()},
                                      updated,
                                      ttl}));
  docs.add("DynamicPricing", object_of({{"restaurant_id", whole()},
                                        {"restaurant_name", text()},
                                        {"pricing", object_of({{"base_delivery_fee", number()},
                                                               {"current_delivery_fee", number()},
                                                               {"surge_multiplier", number()},
                                                               {"service_fee_percentage", number()},
                                                               {"is_surge_pricing", flag()}})},
                                        {"demand_level", text_choice({"low", "medium", "high"})},
                                        {"active_orders", whole()},
                                        updated,
                                        ttl}));
  docs.add(
      "OrderTracking",
      object_of({{"order_id", whole()},
                 {"order_status", text_choice(domain::order_status_names())},
                 {"restaurant_id", whole()},
                 {"status_history",
                  list_of(object_of({{"status", text_choice(domain::order_status_names())}, {"at", timestamp()}}))},
                 {"estimated_delivery_time", timestamp().or_null()},
                 updated,
                 ttl}));
  docs.add("Notifications",
           object_of({{"customer_id", whole()},
                      {"notifications",
                       list_of(object_of({{"id", whole()},
                                          {"type", text_choice({"order_update", "delivery_update", "review_request"})},
                                          {"title", text()},
                                          {"message", text()},
                                          {"order_id", whole().or_null()},
                                          {"timestamp", number()},
                                          {"created_at", timestamp()},
                                          {"read", flag()}}))},
                      {"unread_count", whole()},
                      updated,
                      ttl}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/realtime/delivery-slots/{restaurant_id}",
       {restaurant_id()},
       [&](const request&, const params& p) {
         return answer(realtime.delivery_slots(p.integer("restaurant_id"), std::chrono::system_clock::now()), 200,
                       [](const services::slots_view& v) { return schemas::render(v, slots_ttl); });
       },
       {tag, "getDeliverySlots", "The next delivery slots and whether each can take an order (30 s cache)", "",
        "DeliverySlots"},
       cache::cached_in(cache::cache_namespace::realtime, slots_ttl, cache::scope_kind::restaurant)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/realtime/restaurant-availability/{restaurant_id}",
       {restaurant_id()},
       [&](const request&, const params& p) {
         return answer(realtime.availability(p.integer("restaurant_id"), std::chrono::system_clock::now()), 200,
                       [](const services::availability_view& v) { return schemas::render(v, availability_ttl); });
       },
       {tag, "getRestaurantAvailability", "Kitchen capacity in use and the wait for a new order (60 s cache)", "",
        "Availability"},
       cache::cached_in(cache::cache_namespace::realtime, availability_ttl, cache::scope_kind::restaurant)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/realtime/dynamic-pricing/{restaurant_id}",
       {restaurant_id()},
       [&](const request&, const params& p) {
         return answer(realtime.pricing(p.integer("restaurant_id"), std::chrono::system_clock::now()), 200,
                       [](const services::pricing_view& v) { return schemas::render(v, pricing_ttl); });
       },
       {tag, "getDynamicPricing", "Delivery fee with surge from current demand (2 min cache)", "", "DynamicPricing"},
       cache::cached_in(cache::cache_namespace::realtime, pricing_ttl, cache::scope_kind::restaurant)}));

  routes.add(http::callable_by(
      http::access::party,
      {verb::get,
       "/realtime/order-tracking/{order_id}",
       {http::path_id("order_id", "Order id")},
       [&](const request&, const params& p) {
         auto tracked = realtime.tracking(p.caller(), p.integer("order_id"));
         if (!tracked) return failure_response(tracked.error());
         const bool final = domain::is_final(tracked->order.status);
         auto out = http::json(200, schemas::render(tracked.value(), final ? tracking_ttl : 0));
         out.cacheable = final;
         return out;
       },
       {tag, "trackOrder", "Status, history and ETA of an order (cached once it is final)", "", "OrderTracking"},
       cache::cached_in(cache::cache_namespace::realtime, tracking_ttl, cache::scope_kind::order)}));

  routes.add(http::callable_by(
      http::access::customer,
      {verb::get,
       "/realtime/notifications/{customer_id}",
       {http::path_id("customer_id", "Customer id")},
       [&](const request&, const params& p) {
         const auto id = p.integer("customer_id");
         return answer(realtime.notifications(id), 200, [id](const services::notifications_view& v) {
           return schemas::render(id, v, notifications_ttl);
         });
       },
       {tag, "getNotifications", "The customer's order events, newest first (60 s cache)", "", "Notifications"},
       cache::cached_in(cache::cache_namespace::realtime, notifications_ttl, cache::scope_kind::customer)}));
}

}  // namespace zomato::api
