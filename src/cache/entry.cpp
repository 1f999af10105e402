#include "cache/entry.hpp"

#include <cstdint>

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
  for (const char byte : body) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 1099511628211ull;
  }
  return etag_text(hash);
}

namespace {
constexpr std::string_view hex_digits = "0123456789abcdef";
constexpr std::size_t etag_size = 18;
}  // namespace

std::string etag_text(std::uint64_t value) {
  std::string text(etag_size, '"');
  for (std::size_t i = 16; i > 0; --i, value >>= 4) text[i] = hex_digits[value & 0xf];
  return text;
}

std::optional<std::uint64_t> etag_value(std::string_view etag) {
  if (etag.size() != etag_size || etag.front() != '"' || etag.back() != '"') return std::nullopt;
  std::uint64_t value = 0;
  for (auto c : etag.substr(1, 16)) {
    const auto digit = hex_digits.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    value = value << 4 | digit;
  }
  return value;
}

}  // namespace zomato::cache
