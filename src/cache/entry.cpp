#include "cache/entry.hpp"

#include <cstdint>
#include <cstdio>

namespace zomato::cache {

std::string stored_form(const entry& value) {
  std::string stored;
  stored.reserve(value.etag.size() + value.target.size() + value.body.size() + 2);
  stored += value.etag;
  stored += '\n';
  stored += value.target;
  stored += '\n';
  stored += value.body;
  return stored;
}

std::optional<entry> entry_from_stored(std::string_view stored) {
  const auto first = stored.find('\n');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = stored.find('\n', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  return entry{std::string(stored.substr(second + 1)), std::string(stored.substr(0, first)),
               std::string(stored.substr(first + 1, second - first - 1))};
}

std::string etag_of(const std::string& body) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char text[24];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace zomato::cache
