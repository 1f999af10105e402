#include "net/request_metrics.hpp"

namespace zomato::net {

loop_counters::loop_counters(std::size_t routes) : routes_(routes), rows_(routes + http::verb_count) {}

void loop_counters::add_to(request_figures& sum) const {
  sum.rows.resize(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    auto& total = sum.rows[i];
    const auto& counted = rows_[i];
    for (std::size_t slot = 0; slot < http::status_slots; ++slot) total.statuses[slot] += counted.statuses[slot].get();
    for (std::size_t bucket = 0; bucket < duration_buckets; ++bucket) {
      total.durations[bucket] += counted.durations[bucket].get();
    }
    total.duration_ns += counted.duration_ns.get();
  }
  for (std::size_t slot = 0; slot < http::status_slots; ++slot) sum.refused[slot] += refused_[slot].get();
  sum.turned_away += turned_away_.get();
  sum.connections += connections_.get();
  sum.in_flight += in_flight_.get();
}

}  // namespace zomato::net
