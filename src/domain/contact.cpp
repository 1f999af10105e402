#include "domain/contact.hpp"

#include <cstddef>

namespace zomato::domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_local_char(char c) {
  return is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) { return is_alpha(c) || is_digit(c) || c == '.' || c == '-'; }

}  // namespace

bool valid_phone(std::string_view phone) {
  std::size_t digits = 0;
  bool first = true;
  for (char c : phone) {
    if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
    if (first && c == '+') {
      first = false;
      continue;
    }
    if (!is_digit(c) || (digits == 0 && c == '0')) return false;
    first = false;
    ++digits;
  }
  return digits >= 8 && digits <= 16;
}

bool valid_email(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const auto local = email.substr(0, at);
  const auto domain = email.substr(at + 1);
  for (char c : local) {
    if (!is_local_char(c)) return false;
  }
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  for (char c : domain.substr(0, dot)) {
    if (!is_domain_char(c)) return false;
  }
  const auto tld = domain.substr(dot + 1);
  if (tld.size() < 2) return false;
  for (char c : tld) {
    if (!is_alpha(c)) return false;
  }
  return true;
}

}  // namespace zomato::domain
