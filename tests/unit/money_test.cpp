#include <gtest/gtest.h>

#include <limits>

#include "domain/money.hpp"

namespace zomato::domain {
namespace {

TEST(Money, RoundsLikePythonRound) {
  EXPECT_EQ(to_cents(3.456), 346);
  EXPECT_EQ(to_cents(12.99), 1299);
  EXPECT_EQ(to_cents(10.0), 1000);
  EXPECT_EQ(to_cents(2.675), 267);  // the binary value is below the tie
  EXPECT_EQ(to_cents(0.125), 12);   // an exact tie goes to even
  EXPECT_EQ(to_cents(0.004), 0);
}

TEST(Money, RefusesWhatIsNotAnAmount) {
  EXPECT_FALSE(to_cents(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(to_cents(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(to_cents(1e300));
}

TEST(Money, FormatsAmountsWithTwoDecimals) {
  EXPECT_EQ(format_amount(3497), "34.97");
  EXPECT_EQ(format_amount(1000), "10.00");
  EXPECT_EQ(format_amount(5), "0.05");
  EXPECT_EQ(format_amount(0), "0.00");
  EXPECT_EQ(format_amount(-150), "-1.50");
}

TEST(Money, FormatsSumsPastSixtyFourBitsInFull) {
  constexpr auto most = cents_sum{std::numeric_limits<std::int64_t>::max()};
  EXPECT_EQ(format_amount(most), "92233720368547758.07");
  EXPECT_EQ(format_amount(most * 3), "276701161105643274.21");
  EXPECT_EQ(format_amount(most * most), "850705917302346158473969077842325012.49");
  EXPECT_EQ(format_amount(-most * 3), "-276701161105643274.21");
  // Whole units of exactly 10^19 and 10^20: the zeros of the low 19 digits are written out.
  EXPECT_EQ(format_amount(cents_sum{10'000'000'000'000'000'000u} * 100), "10000000000000000000.00");
  EXPECT_EQ(format_amount(cents_sum{10'000'000'000'000'000'000u} * 1000), "100000000000000000000.00");
}

TEST(Money, FormatsPricesAsPythonFloats) {
  EXPECT_EQ(format_price(1299), "12.99");
  EXPECT_EQ(format_price(1000), "10.0");
  EXPECT_EQ(format_price(1250), "12.5");
  EXPECT_EQ(format_price(5), "0.05");
}

TEST(Money, AveragesRoundHalfEven) {
  EXPECT_EQ(average_cents(6881, 3), 2294);  // 22.9366...
  EXPECT_EQ(average_cents(5, 2), 2);        // 2.5 -> 2
  EXPECT_EQ(average_cents(7, 2), 4);        // 3.5 -> 4
  EXPECT_EQ(average_cents(100, 0), 0);
  constexpr auto most = cents_sum{std::numeric_limits<std::int64_t>::max()};
  EXPECT_EQ(average_cents(most * 3, 3), most);
  EXPECT_EQ(average_cents(most * 2 + 1, 2), most + 1);  // a tie past 64 bits goes to even
}

}  // namespace
}  // namespace zomato::domain
