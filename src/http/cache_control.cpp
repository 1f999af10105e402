#include "http/cache_control.hpp"

#include <algorithm>

namespace zomato::http {

bool has_directive(std::string_view header, std::string_view directive) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto token = header.substr(0, comma);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token.size() == directive.size() && std::equal(token.begin(), token.end(), directive.begin(),
                                                       [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      return true;
    }
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
  }
  return false;
}

}  // namespace zomato::http
