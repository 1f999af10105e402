#include "cache/entry.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>

namespace zomato::cache {

std::int64_t epoch_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string stored_form(const entry& value) {
  const auto times = std::to_string(value.stored_ms) + ' ' + std::to_string(value.fresh_until_ms);
  std::string stored;
  stored.reserve(value.etag.size() + value.target.size() + times.size() + value.body.size() + 3);
  stored += value.etag;
  stored += '\n';
  stored += value.target;
  stored += '\n';
  stored += times;
  stored += '\n';
  stored += value.body;
  return stored;
}

namespace {

// The next line of `text` from `from`, moving `from` past its end; nullopt when no line ends.
std::optional<std::string_view> line_of(std::string_view text, std::size_t& from) {
  const auto end = text.find('\n', from);
  if (end == std::string_view::npos) return std::nullopt;
  const auto line = text.substr(from, end - from);
  from = end + 1;
  return line;
}

bool read_number(std::string_view text, std::int64_t& to) {
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), to);
  return failure == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<entry> entry_from_stored(std::string_view stored) {
  std::size_t at = 0;
  const auto etag = line_of(stored, at);
  const auto target = line_of(stored, at);
  const auto times = line_of(stored, at);
  if (!etag || !target || !times) return std::nullopt;
  const auto space = times->find(' ');
  entry found{std::string(stored.substr(at)), std::string(*etag), std::string(*target)};
  if (space == std::string_view::npos || !read_number(times->substr(0, space), found.stored_ms) ||
      !read_number(times->substr(space + 1), found.fresh_until_ms)) {
    return std::nullopt;
  }
  return found;
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
// An ETag shows its 64-bit value in 11 characters of the base64url alphabet, 6 bits each (the
// first one 4), so that with its quotes it is short enough for std::string to hold inline.
constexpr std::string_view etag_digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t etag_digit_count = 11;
constexpr std::size_t etag_size = etag_digit_count + 2;
constexpr std::uint64_t first_digit_limit = 16;
}  // namespace

std::string etag_text(std::uint64_t value) {
  std::string text(etag_size, '"');
  for (std::size_t i = etag_digit_count; i > 0; --i, value >>= 6) text[i] = etag_digits[value & 0x3f];
  return text;
}

std::optional<std::uint64_t> etag_value(std::string_view etag) {
  if (etag.size() != etag_size || etag.front() != '"' || etag.back() != '"') return std::nullopt;
  std::uint64_t value = 0;
  for (std::size_t i = 1; i <= etag_digit_count; ++i) {
    const auto digit = etag_digits.find(etag[i]);
    if (digit == std::string_view::npos || (i == 1 && digit >= first_digit_limit)) return std::nullopt;
    value = value << 6 | digit;
  }
  return value;
}

}  // namespace zomato::cache
