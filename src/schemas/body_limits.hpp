#pragma once

#include <cstddef>

namespace zomato::schemas {

/// The request-body limits an operator can set (MAX_ORDER_LINES, MAX_TEXT_LENGTH).
struct body_limits {
  /// Lines (`order_items`) one order may hold.
  std::size_t max_order_lines = 100;
  /// Characters of each free-text field that has no limit of its own in the contract
  /// (descriptions and addresses).
  std::size_t max_text_length = 1000;
};

}  // namespace zomato::schemas
