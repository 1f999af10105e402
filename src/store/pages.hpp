#pragma once

#include <cstdint>
#include <vector>

namespace zomato::store {

/// A window of a list: skip rows, then at most limit rows.
struct page {
  std::int64_t skip = 0;
  std::int64_t limit = 100;
};

/// One window of rows and the count of all rows the query matches.
template <class T>
struct page_of {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace zomato::store
