#include <gtest/gtest.h>

#include "domain/contact.hpp"

namespace zomato::domain {
namespace {

TEST(ValidPhone, AcceptsTheContractExamples) {
  EXPECT_TRUE(valid_phone("+1-555-0123"));
  EXPECT_TRUE(valid_phone("(555) 123-4567"));
  EXPECT_TRUE(valid_phone("+91 98765 43210"));
  EXPECT_TRUE(valid_phone("+14155552671"));
}

TEST(ValidPhone, RefusesSevenDigits) {
  EXPECT_FALSE(valid_phone("555-0123"));
  EXPECT_FALSE(valid_phone("1234567"));
  EXPECT_FALSE(valid_phone("+1234567"));
}

TEST(ValidPhone, CountsEightToSixteenDigits) {
  EXPECT_TRUE(valid_phone("12345678"));
  EXPECT_TRUE(valid_phone("+12345678"));
  EXPECT_TRUE(valid_phone("1234567890123456"));
  EXPECT_TRUE(valid_phone("+1234567890123456"));
  EXPECT_FALSE(valid_phone("12345678901234567"));
  EXPECT_FALSE(valid_phone("+12345678901234567"));
}

TEST(ValidPhone, RefusesALeadingZero) {
  EXPECT_FALSE(valid_phone("0123456789"));
  EXPECT_FALSE(valid_phone("+0123456789"));
  EXPECT_FALSE(valid_phone("(012) 345-6789"));
  EXPECT_TRUE(valid_phone("1023456789"));  // a later zero is fine
}

TEST(ValidPhone, IgnoresOnlySpacesDashesAndParentheses) {
  EXPECT_TRUE(valid_phone("1-2-3-4-5-6-7-8"));
  EXPECT_TRUE(valid_phone("(+1) 555-0123"));  // stripped: +15550123
  EXPECT_TRUE(valid_phone(" 555 123 4567 "));
  EXPECT_FALSE(valid_phone("555.123.4567"));
  EXPECT_FALSE(valid_phone("555/123/4567"));
  EXPECT_FALSE(valid_phone("555_123_4567"));
}

TEST(ValidPhone, RefusesLetters) {
  EXPECT_FALSE(valid_phone("555-CALL-NOW"));
  EXPECT_FALSE(valid_phone("12345678x"));
  EXPECT_FALSE(valid_phone("a12345678"));
  EXPECT_FALSE(valid_phone("1234 5678 ext 9"));
}

TEST(ValidPhone, AllowsOnePlusOnlyInFront) {
  EXPECT_FALSE(valid_phone("+"));
  EXPECT_FALSE(valid_phone("++12345678"));
  EXPECT_FALSE(valid_phone("1+2345678"));
  EXPECT_FALSE(valid_phone("12345678+"));
}

TEST(ValidPhone, RefusesEmptyAndSeparatorOnlyText) {
  EXPECT_FALSE(valid_phone(""));
  EXPECT_FALSE(valid_phone("   "));
  EXPECT_FALSE(valid_phone("()--"));
}

TEST(ValidEmail, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(valid_email("user@example.com"));
  EXPECT_TRUE(valid_email("first.last+tag@sub.example.co.uk"));
  EXPECT_TRUE(valid_email("USER@EXAMPLE.COM"));
  EXPECT_TRUE(valid_email("a_b%c-d@x-y.io"));
  EXPECT_TRUE(valid_email("x@1.example.museum"));
}

TEST(ValidEmail, RefusesAddressesWithoutTheThreeParts) {
  EXPECT_FALSE(valid_email(""));
  EXPECT_FALSE(valid_email("bad"));
  EXPECT_FALSE(valid_email("@example.com"));
  EXPECT_FALSE(valid_email("user@"));
  EXPECT_FALSE(valid_email("user@example"));
  EXPECT_FALSE(valid_email("user@.com"));
  EXPECT_FALSE(valid_email("user@example."));
}

TEST(ValidEmail, NeedsAnAlphabeticTopLevelDomainOfTwoOrMore) {
  EXPECT_FALSE(valid_email("user@example.c"));
  EXPECT_FALSE(valid_email("user@example.c0m"));
  EXPECT_FALSE(valid_email("user@example.123"));
  EXPECT_TRUE(valid_email("user@example.io"));
}

TEST(ValidEmail, RefusesCharactersOutsideTheSchemaSets) {
  EXPECT_FALSE(valid_email("us er@example.com"));
  EXPECT_FALSE(valid_email("user@exa mple.com"));
  EXPECT_FALSE(valid_email("user@@example.com"));
  EXPECT_FALSE(valid_email("a@b@example.com"));
  EXPECT_FALSE(valid_email("user@ex_ample.com"));
  EXPECT_FALSE(valid_email("us\"er@example.com"));
  EXPECT_FALSE(valid_email("\xC3\xBC@example.com"));
  EXPECT_FALSE(valid_email("user@example.com "));
}

}  // namespace
}  // namespace zomato::domain
