#pragma once

#include <cstdint>

namespace zomato::domain {

/// numerator / denominator rounded half-even to `decimals` places, computed exactly on
/// integers (a mean rating, a percentage); 0.0 when the denominator is not positive.
double rounded_quotient(std::int64_t numerator, std::int64_t denominator, int decimals);

/// The value rounded half away from zero to two decimals (percentages and ratios as shown).
double two_decimals(double value);

}  // namespace zomato::domain
