#include "domain/money.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

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

std::string format_amount(cents_sum amount) {
  __extension__ using magnitude_t = unsigned __int128;
  const bool negative = amount < 0;
  const magnitude_t magnitude = negative ? -static_cast<magnitude_t>(amount) : static_cast<magnitude_t>(amount);
  const magnitude_t units = magnitude / 100;
  const auto hundredths = static_cast<unsigned>(magnitude % 100);
  std::string text;
  if (negative) text += '-';
  constexpr std::uint64_t nineteen_digits = 10'000'000'000'000'000'000u;
  if (units <= std::numeric_limits<std::uint64_t>::max()) {
    append_integer(text, static_cast<std::uint64_t>(units));
  } else {
    append_integer(text, static_cast<std::uint64_t>(units / nineteen_digits));
    const auto low = std::to_string(static_cast<std::uint64_t>(units % nineteen_digits));
    text.append(19 - low.size(), '0').append(low);
  }
  text += '.';
  text += static_cast<char>('0' + hundredths / 10);
  text += static_cast<char>('0' + hundredths % 10);
  return text;
}

std::string format_price(cents amount) {
  std::string text = format_amount(amount);
  if (text.ends_with('0')) text.pop_back();
  return text;
}

cents_sum average_cents(cents_sum total, std::int64_t count) {
  if (count <= 0) return 0;
  cents_sum quotient = total / count;
  const cents_sum remainder = total % count;
  const cents_sum twice = 2 * (remainder < 0 ? -remainder : remainder);
  const cents_sum direction = (total < 0) ? -1 : 1;
  if (twice > count || (twice == count && (quotient % 2 != 0))) quotient += direction;
  return quotient;
}

}  // namespace zomato::domain
