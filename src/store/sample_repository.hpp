#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// Which restaurants and customers are demo data, so removing the demo leaves the rest alone.
class sample_repository {
 public:
  virtual ~sample_repository() = default;
  virtual void remember(const std::string& kind, domain::id_t id) = 0;
  virtual std::vector<domain::id_t> ids(const std::string& kind) = 0;
  virtual void forget_all() = 0;
};

}  // namespace zomato::store
