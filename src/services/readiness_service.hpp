#pragma once

#include <optional>

#include "store/database.hpp"

namespace zomato::services {

/// Whether this node can take traffic that writes: what a load balancer's readiness check asks.
class readiness_service {
 public:
  explicit readiness_service(store::database& db) : db_(db) {}

  /// Why writes cannot succeed now (see store::database::unwritable), or nullopt when they can.
  std::optional<store::unavailable_reason> blocker() { return db_.unwritable(); }

 private:
  store::database& db_;
};

}  // namespace zomato::services
