#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// Remembered order placements, so a retried request gets the first order back.
class idempotency_repository {
 public:
  virtual ~idempotency_repository() = default;
  struct entry {
    std::string request;
    domain::id_t order_id = 0;
  };
  virtual std::optional<entry> find(domain::id_t customer_id, const std::string& key) = 0;
  virtual void remember(domain::id_t customer_id, const std::string& key, const std::string& request,
                        domain::id_t order_id, const std::string& at) = 0;
  /// Forgets keys remembered before the given time.
  virtual void forget_before(const std::string& at) = 0;
};

}  // namespace zomato::store
