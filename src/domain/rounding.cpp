#include "domain/rounding.hpp"

#include <cmath>

namespace zomato::domain {

double rounded_quotient(std::int64_t numerator, std::int64_t denominator, int decimals) {
  if (denominator <= 0) return 0.0;
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = numerator * scale;
  std::int64_t quotient = scaled / denominator;
  const std::int64_t twice_remainder = 2 * (scaled % denominator);
  if (twice_remainder > denominator || (twice_remainder == denominator && quotient % 2 != 0)) ++quotient;
  return static_cast<double>(quotient) / static_cast<double>(scale);
}

double two_decimals(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace zomato::domain
