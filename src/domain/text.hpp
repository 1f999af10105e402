#pragma once

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

namespace zomato::domain {

/// Removes leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

/// Python's str.title() for ASCII letters: each word's first letter upper, the rest lower;
/// other bytes (digits, punctuation, UTF-8) are kept and only letters start words.
std::string title_case(std::string_view text);

/// ASCII lower-casing; other bytes are kept.
std::string lower_case(std::string_view text);

/// Whether the texts are equal when ASCII letters are compared without case. Never fails.
bool same_ignoring_case(std::string_view a, std::string_view b);

/// Number of Unicode code points in valid UTF-8 text (what Python's len() counts).
std::size_t code_points(std::string_view utf8);

/// True when the bytes are well-formed UTF-8 without surrogates or overlongs.
bool valid_utf8(std::string_view bytes);

/// Appends an integer in decimal, without a temporary string. By pointer and length: the
/// overload taking two pointers goes through replace(), several times the work.
template <class Integer>
void append_integer(std::string& out, Integer value) {
  char digits[24];
  const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, static_cast<std::size_t>(end - digits));
}

}  // namespace zomato::domain
