#include "services/usage_service.hpp"

#include <algorithm>
#include <cmath>

namespace zomato::services {

void usage_service::record(const std::vector<store::target_use>& uses, std::chrono::system_clock::time_point at,
                           std::chrono::duration<double> half_life, std::size_t keep) {
  auto tx = db_.write();
  const double now = std::chrono::duration<double>(at.time_since_epoch()).count();
  const auto faded = tx->usage().faded_at();
  const double since = faded ? std::max(now - *faded, 0.0) : 0.0;
  tx->usage().record(uses, std::exp2(-since / half_life.count()), keep, faded ? std::max(now, *faded) : now);
  tx->commit();
}

std::vector<store::target_use> usage_service::top(std::size_t limit) { return db_.read()->usage().top(limit); }

}  // namespace zomato::services
