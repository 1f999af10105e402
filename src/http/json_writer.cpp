#include "http/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace zomato::http {
namespace {

// Which bytes JSON strings must escape: control characters, the quote and the backslash.
constexpr std::array<bool, 256> escaped_bytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

bool needs_escape(char c) { return escaped_bytes[static_cast<unsigned char>(c)]; }

constexpr std::uint64_t ones = 0x0101010101010101ull;
constexpr std::uint64_t highs = 0x8080808080808080ull;

// Whether any of the word's eight bytes is below 0x20, a quote or a backslash (the
// has-less-than and has-zero-byte tricks: they flag no byte of a word without one).
bool any_escaped(std::uint64_t word) {
  const std::uint64_t quote = word ^ (ones * '"');
  const std::uint64_t backslash = word ^ (ones * '\\');
  return (((word - ones * 0x20) & ~word) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs;
}

std::uint64_t word_at(std::string_view text, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, text.data() + at, sizeof word);
  return word;
}

// The first byte at or after `from` that must be escaped, or text.size(). Words of eight
// bytes without one are passed over at once; the last word of a text of eight bytes or more
// ends with its last byte (overlapping bytes already passed), a shorter text goes by bytes.
std::size_t next_escape(std::string_view text, std::size_t from) {
  for (; from + 8 <= text.size(); from += 8) {
    if (any_escaped(word_at(text, from))) break;
  }
  if (from + 8 > text.size() && text.size() >= 8 && !any_escaped(word_at(text, text.size() - 8))) return text.size();
  while (from < text.size() && !needs_escape(text[from])) ++from;
  return from;
}

// Runs of characters that need no escape are copied whole.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = next_escape(text, 0); i < text.size(); i = next_escape(text, i + 1)) {
    const char c = text[i];
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(hex[(c >> 4) & 0xF]);
        out.push_back(hex[c & 0xF]);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

// Python's repr(float): the shortest digits that read back the same, in positional
// notation for exponents from -4 to 15 and in scientific notation otherwise.
void append_python_float(std::string& out, double number) {
  char buffer[40];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific).ptr;
  const std::string_view written(buffer, static_cast<std::size_t>(end - buffer));
  const auto e = written.find('e');
  std::string digits;
  bool negative = false;
  for (char c : written.substr(0, e)) {
    if (c == '-') negative = true;
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  int exponent = 0;
  std::from_chars(written.data() + e + 1 + (written[e + 1] == '+' ? 1 : 0), written.data() + written.size(), exponent);
  if (negative) out.push_back('-');
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      const auto whole = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() < whole) digits.append(whole - digits.size(), '0');
      out.append(digits, 0, whole);
      out.push_back('.');
      out += digits.size() > whole ? digits.substr(whole) : "0";
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(-exponent - 1), '0');
      out += digits;
    }
    return;
  }
  out.push_back(digits[0]);
  if (digits.size() > 1) {
    out.push_back('.');
    out.append(digits, 1, std::string::npos);
  }
  char tail[16];
  std::snprintf(tail, sizeof tail, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  out += tail;
}

}  // namespace

void json_writer::separate() {
  if (need_comma_) out_.push_back(',');
  need_comma_ = true;
}

json_writer& json_writer::begin_object() {
  separate();
  out_.push_back('{');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::end_object() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}

json_writer& json_writer::begin_array() {
  separate();
  out_.push_back('[');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::end_array() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}

json_writer& json_writer::key(literal_key name) {
  separate();
  out_.push_back('"');
  out_.append(name.text());
  out_.append("\":", 2);
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::key_text(std::string_view name) {
  separate();
  append_escaped(out_, name);
  out_.push_back(':');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::value(std::string_view text) {
  separate();
  append_escaped(out_, text);
  return *this;
}

json_writer& json_writer::value(std::int64_t number) {
  separate();
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
  out_.append(buffer, end);
  return *this;
}

json_writer& json_writer::value(double number) {
  if (!std::isfinite(number)) return null();
  separate();
  append_python_float(out_, number);
  return *this;
}

json_writer& json_writer::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

json_writer& json_writer::null() {
  separate();
  out_ += "null";
  return *this;
}

json_writer& json_writer::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

std::string quoted(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

}  // namespace zomato::http
