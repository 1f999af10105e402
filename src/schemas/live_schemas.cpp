#include "schemas/live_schemas.hpp"

#include <chrono>

#include "domain/clock.hpp"
#include "domain/money.hpp"
#include "domain/rounding.hpp"
#include "http/json_writer.hpp"

namespace zomato::schemas {
namespace {

using http::json_writer;

double epoch_of(const std::string& timestamp) {
  const auto at = domain::time_point_of(timestamp);
  return at ? std::chrono::duration<double>(at->time_since_epoch()).count() : 0.0;
}

void write_restaurant_head(json_writer& out, const domain::restaurant& r) {
  out.field("restaurant_id", r.id).field("restaurant_name", r.name);
}

std::string finish(json_writer& out, int cache_ttl) {
  out.field("last_updated", domain::epoch_seconds_now()).field("cache_ttl", cache_ttl).end_object();
  return std::move(out.text());
}

void write_breakdown(json_writer& out, const char* name, const std::vector<domain::status_count>& counts) {
  out.key_text(name).begin_object();
  for (const auto& entry : counts) out.key_text(domain::name_of(entry.status)).value(entry.count);
  out.end_object();
}

void write_performance_fields(json_writer& out, const domain::restaurant_performance& p) {
  const auto paid = p.total_orders - p.cancelled_orders;
  out.field("restaurant_id", p.restaurant_id)
      .field("restaurant_name", p.name)
      .field("total_orders", p.total_orders)
      .field("completed_orders", p.completed_orders)
      .field("cancelled_orders", p.cancelled_orders)
      .field("completion_rate", domain::rounded_quotient(p.completed_orders * 100, p.total_orders, 2))
      .field("total_revenue", domain::format_amount(p.revenue))
      .field("average_order_value", domain::format_amount(domain::average_cents(p.revenue, paid)))
      .field("average_rating", domain::rounded_quotient(p.rating_sum, p.review_count, 2))
      .field("total_reviews", p.review_count)
      .field("current_rating", p.rating);
}

}  // namespace

std::string render(const services::slots_view& view, int cache_ttl) {
  json_writer out;
  out.begin_object();
  write_restaurant_head(out, view.restaurant);
  out.key("delivery_slots").begin_array();
  for (const auto& slot : view.slots) {
    out.begin_object()
        .field("time", slot.label)
        .field("available", slot.available)
        .field("estimated_prep_time", slot.estimated_prep_time)
        .end_object();
  }
  out.end_array();
  return finish(out, cache_ttl);
}

std::string render(const services::availability_view& view, int cache_ttl) {
  json_writer out;
  out.begin_object();
  write_restaurant_head(out, view.restaurant);
  out.field("availability_status", view.status)
      .field("current_capacity_percentage", view.capacity_percent)
      .field("estimated_wait_minutes", view.wait_minutes)
      .field("accepting_orders", view.accepting_orders)
      .field("active_orders", view.active_orders);
  return finish(out, cache_ttl);
}

std::string render(const services::pricing_view& view, int cache_ttl) {
  json_writer out;
  out.begin_object();
  write_restaurant_head(out, view.restaurant);
  out.key("pricing")
      .begin_object()
      .field("base_delivery_fee", domain::base_delivery_fee)
      .field("current_delivery_fee", view.current_delivery_fee)
      .field("surge_multiplier", view.surge.multiplier)
      .field("service_fee_percentage", domain::service_fee_rate)
      .field("is_surge_pricing", view.surge.multiplier > 1.0)
      .end_object()
      .field("demand_level", view.surge.demand)
      .field("active_orders", view.active_orders);
  return finish(out, cache_ttl);
}

std::string render(const services::tracking_view& view, int cache_ttl) {
  json_writer out;
  out.begin_object()
      .field("order_id", view.order.id)
      .field("order_status", domain::name_of(view.order.status))
      .field("restaurant_id", view.order.restaurant_id)
      .key("status_history")
      .begin_array();
  for (const auto& change : view.history) {
    out.begin_object().field("status", domain::name_of(change.status)).field("at", change.at).end_object();
  }
  out.end_array().field("estimated_delivery_time", view.estimated_delivery_time);
  return finish(out, cache_ttl);
}

std::string render(domain::id_t customer_id, const services::notifications_view& view, int cache_ttl) {
  json_writer out;
  out.begin_object().field("customer_id", customer_id).key("notifications").begin_array();
  for (const auto& note : view.notes) {
    out.begin_object()
        .field("id", note.id)
        .field("type", note.kind)
        .field("title", note.title)
        .field("message", note.message)
        .field("order_id", note.order_id)
        .field("timestamp", epoch_of(note.created_at))
        .field("created_at", note.created_at)
        .field("read", note.read)
        .end_object();
  }
  out.end_array().field("unread_count", view.unread);
  return finish(out, cache_ttl);
}

std::string render(const services::revenue_report& report, int cache_ttl) {
  const auto& day = report.day;
  json_writer out;
  out.begin_object()
      .field("date", report.date)
      .field("total_revenue", domain::format_amount(day.revenue))
      .field("total_orders", day.total_orders)
      .field("paid_orders", day.paid_orders)
      .field("cancelled_orders", day.cancelled_orders)
      .field("unique_customers", day.customers)
      .field("average_order_value", domain::format_amount(domain::average_cents(day.revenue, day.paid_orders)));
  write_breakdown(out, "orders_by_status", day.by_status);
  out.key("top_restaurants").begin_array();
  for (const auto& top : day.top_restaurants) {
    out.begin_object()
        .field("restaurant_id", top.restaurant_id)
        .field("name", top.name)
        .field("revenue", domain::format_amount(top.revenue))
        .end_object();
  }
  out.end_array().field("cache_ttl", cache_ttl).end_object();
  return std::move(out.text());
}

std::string render(const services::behavior_report& report, int cache_ttl) {
  const auto& a = report.activity;
  const auto active = a.one_order + a.two_to_five + a.more_than_five;
  json_writer out;
  out.begin_object()
      .field("period", report.window.text)
      .field("period_start", report.since)
      .field("total_customers", a.total_customers)
      .field("active_customers", active)
      .key("customer_segments")
      .begin_object()
      .field("new_customers", a.one_order)
      .field("regular_customers", a.two_to_five)
      .field("loyal_customers", a.more_than_five)
      .field("inactive_customers", a.total_customers - active)
      .end_object()
      .field("total_orders", a.orders)
      .field("total_spent", domain::format_amount(a.spent))
      .field("average_orders_per_active_customer", domain::rounded_quotient(a.orders, active, 2))
      .field("average_spend_per_active_customer", domain::format_amount(domain::average_cents(a.spent, active)))
      .field("cache_ttl", cache_ttl)
      .end_object();
  return std::move(out.text());
}

std::string render(const services::performance_report& report, bool single, int cache_ttl) {
  json_writer out;
  if (single && !report.restaurants.empty()) {
    out.begin_object();
    write_performance_fields(out, report.restaurants.front());
    out.field("cache_ttl", cache_ttl).end_object();
    return std::move(out.text());
  }
  out.begin_object().key("restaurants").begin_array();
  for (const auto& row : report.restaurants) {
    out.begin_object();
    write_performance_fields(out, row);
    out.end_object();
  }
  out.end_array().field("total_restaurants", report.total_restaurants).field("cache_ttl", cache_ttl).end_object();
  return std::move(out.text());
}

std::string render(const services::popular_items_report& report, int cache_ttl) {
  json_writer out;
  out.begin_object()
      .field("period", report.window.text)
      .field("period_start", report.since)
      .key("popular_items")
      .begin_array();
  for (const auto& item : report.items) {
    out.begin_object()
        .field("menu_item_id", item.menu_item_id)
        .field("name", item.name)
        .field("restaurant_id", item.restaurant_id)
        .field("restaurant_name", item.restaurant_name)
        .field("total_quantity", item.quantity)
        .field("order_count", item.order_count)
        .field("total_revenue", domain::format_amount(item.revenue))
        .end_object();
  }
  out.end_array().field("cache_ttl", cache_ttl).end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
