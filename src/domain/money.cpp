#include "domain/money.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "domain/text.hpp"
namespace zomato::domain {

std::optional<cents> to_cents(double amount) {
  if (!std::isfinite(amount) || std::fabs(amount) > 1e15) return std::nullopt;
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", amount);
  std::string digits;
  for (const char* p = text; *p; ++p) {
    if (*p != '.') digits.push_back(*p);
  }
  return std::strtoll(digits.c_str(), nullptr, 10);
}

std::string format_amount(cents amount) {
  const bool negative = amount < 0;
  const auto magnitude = static_cast<unsigned long long>(negative ? -amount : amount);
  std::string text;
  if (negative) text += '-';
  append_integer(text, magnitude / 100);
  text += '.';
  text += static_cast<char>('0' + magnitude % 100 / 10);
  text += static_cast<char>('0' + magnitude % 10);
  return text;
}

std::string format_price(cents amount) {
  std::string text = format_amount(amount);
  if (text.ends_with('0')) text.pop_back();
  return text;
}

cents average_cents(cents total, std::int64_t count) {
  if (count <= 0) return 0;
  cents quotient = total / count;
  const cents remainder = total % count;
  const cents twice = 2 * (remainder < 0 ? -remainder : remainder);
  const cents direction = (total < 0) ? -1 : 1;
  if (twice > count || (twice == count && (quotient % 2 != 0))) quotient += direction;
  return quotient;
}

}  // namespace zomato::domain
