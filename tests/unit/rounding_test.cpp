#include <gtest/gtest.h>

#include "domain/rounding.hpp"

namespace zomato::domain {
namespace {

TEST(Rounding, MeanRatingsToOneDecimal) {
  EXPECT_DOUBLE_EQ(rounded_quotient(9, 2, 1), 4.5);
  EXPECT_DOUBLE_EQ(rounded_quotient(13, 3, 1), 4.3);
  EXPECT_DOUBLE_EQ(rounded_quotient(14, 3, 1), 4.7);
  EXPECT_DOUBLE_EQ(rounded_quotient(5, 1, 1), 5.0);
}

TEST(Rounding, TiesGoToEven) {
  EXPECT_DOUBLE_EQ(rounded_quotient(1, 8, 2), 0.12);  // 0.125
  EXPECT_DOUBLE_EQ(rounded_quotient(3, 8, 2), 0.38);  // 0.375
  EXPECT_DOUBLE_EQ(rounded_quotient(17, 4, 1), 4.2);  // 4.25
  EXPECT_DOUBLE_EQ(rounded_quotient(19, 4, 1), 4.8);  // 4.75
}

TEST(Rounding, PercentagesAndEmptyDenominators) {
  EXPECT_DOUBLE_EQ(rounded_quotient(100, 3, 2), 33.33);
  EXPECT_DOUBLE_EQ(rounded_quotient(200, 3, 2), 66.67);
  EXPECT_DOUBLE_EQ(rounded_quotient(7, 0, 2), 0.0);
}

}  // namespace
}  // namespace zomato::domain
