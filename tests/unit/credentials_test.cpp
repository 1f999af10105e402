#include <gtest/gtest.h>

#include "http/credentials.hpp"

namespace zomato::http {
namespace {

TEST(BearerToken, ReadsTheTokenAfterTheSchemeInAnyCase) {
  EXPECT_EQ(bearer_token("Bearer abc.def-1"), "abc.def-1");
  EXPECT_EQ(bearer_token("bearer abc"), "abc");
  EXPECT_EQ(bearer_token("BEARER   abc"), "abc");
}

TEST(BearerToken, RefusesOtherSchemesAndEmptyTokens) {
  EXPECT_FALSE(bearer_token(""));
  EXPECT_FALSE(bearer_token("Bearer"));
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token("Bearer    "));
  EXPECT_FALSE(bearer_token("Basic YWRtaW46c2VjcmV0"));
  EXPECT_FALSE(bearer_token("Bearerabc"));
  EXPECT_FALSE(bearer_token("Bearer abc def"));
  EXPECT_FALSE(bearer_token("Token abc"));
}

TEST(SameSecret, IsTrueOnlyForTheSameBytes) {
  EXPECT_TRUE(same_secret("s3cret", "s3cret"));
  EXPECT_FALSE(same_secret("s3creT", "s3cret"));
  EXPECT_FALSE(same_secret("s3cre", "s3cret"));
  EXPECT_FALSE(same_secret("s3cret!", "s3cret"));
  EXPECT_FALSE(same_secret("", "s3cret"));
  EXPECT_FALSE(same_secret(std::string_view("s3cret\0", 7), "s3cret"));
}

}  // namespace
}  // namespace zomato::http
