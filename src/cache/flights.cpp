#include "cache/flights.hpp"

namespace zomato::cache {

bool flights::lead_or_wait(const std::string& key, waiter waiting) {
  std::lock_guard guard(lock_);
  const auto [flight, started] = waiting_.try_emplace(key);
  if (!started && waiting) flight->second.push_back(std::move(waiting));
  return started;
}

void flights::land(const std::string& key, const http::response& computed, const char* cache_status) {
  std::vector<waiter> told;
  {
    std::lock_guard guard(lock_);
    const auto flight = waiting_.find(key);
    if (flight == waiting_.end()) return;
    told = std::move(flight->second);
    waiting_.erase(flight);
  }
  for (const auto& w : told) w(computed, cache_status);
}

std::size_t flights::in_progress() const {
  std::lock_guard guard(lock_);
  return waiting_.size();
}

}  // namespace zomato::cache
