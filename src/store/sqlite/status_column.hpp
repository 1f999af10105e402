#pragma once

#include "domain/order_status.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

/// An order_status column (the schema's CHECK keeps it to the known names).
inline domain::order_status status_at(const statement& row, int column) {
  return domain::order_status_named(row.text(column)).value_or(domain::order_status::placed);
}

}  // namespace zomato::store::sqlite
