#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace zomato::domain {

/// Money is held in integer cents; these turn it into the two JSON forms the API uses.
using cents = std::int64_t;

/// The largest price of a menu item: 100,000.00.
inline constexpr cents max_price_cents = 10'000'000;

/// The largest total of one order: 1,000,000.00.
inline constexpr cents max_order_total_cents = 100'000'000;

/// Rounds a decimal number to cents exactly as Python's round(x, 2) does (half-even on the
/// binary value); nullopt when it is not finite or does not fit.
std::optional<cents> to_cents(double amount);

/// A sum of amounts, exact in 128 bits: no number of 64-bit amounts SQLite can store overflows it.
__extension__ using cents_sum = __int128;

/// "34.97", "10.00": the string form of amounts (total_amount, item_price, revenue), any size.
std::string format_amount(cents_sum amount);

/// 12.99, 10.0, 12.5: the number form of a price, as Python prints a float.
std::string format_price(cents amount);

/// Mean of a total over a count, rounded half-even to whole cents; 0 when count is 0.
cents_sum average_cents(cents_sum total, std::int64_t count);

}  // namespace zomato::domain
