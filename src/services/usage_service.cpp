#include "services/usage_service.hpp"

namespace zomato::services {

void usage_service::record(const std::vector<store::target_use>& uses, double decay, std::size_t keep) {
  auto tx = db_.write();
  tx->usage().record(uses, decay, keep);
  tx->commit();
}

std::vector<store::target_use> usage_service::top(std::size_t limit) { return db_.read()->usage().top(limit); }

}  // namespace zomato::services
