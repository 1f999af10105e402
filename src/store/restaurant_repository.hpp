#pragma once

#include <optional>
#include <string>

#include "domain/entities.hpp"
#include "store/pages.hpp"

namespace zomato::store {

struct restaurant_query {
  std::optional<std::string> cuisine_contains;
  bool active_only = false;
};

/// Restaurants, newest first. Errors of the database itself are thrown.
class restaurant_repository {
 public:
  virtual ~restaurant_repository() = default;
  virtual std::optional<domain::restaurant> find(domain::id_t id) = 0;
  virtual page_of<domain::restaurant> list(const restaurant_query& query, page window) = 0;
  /// The id of the restaurant holding this exact name, if any.
  virtual std::optional<domain::id_t> id_named(const std::string& name) = 0;
  /// Stores a new restaurant and writes its new id into it.
  virtual void insert(domain::restaurant& restaurant) = 0;
  virtual void update(const domain::restaurant& restaurant) = 0;
  /// Removes the restaurant and, by cascade, its menu, orders and reviews; false if absent.
  virtual bool remove(domain::id_t id) = 0;
};

}  // namespace zomato::store
