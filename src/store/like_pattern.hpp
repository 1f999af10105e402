#pragma once

#include <string>
#include <string_view>

namespace zomato::store {

/// A LIKE pattern (with ESCAPE '\') matching any text that contains the given text literally.
inline std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace zomato::store
