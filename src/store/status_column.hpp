#pragma once

#include "domain/order_status.hpp"

namespace zomato::store {

/// An order_status column (the schema's CHECK keeps it to the known names).
template <class Statement>
domain::order_status status_at(const Statement& row, int column) {
  return domain::order_status_named(row.text(column)).value_or(domain::order_status::placed);
}

}  // namespace zomato::store
