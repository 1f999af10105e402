#include <gtest/gtest.h>

#include "http/cache_control.hpp"

namespace zomato::http {
namespace {

TEST(CacheControl, FindsADirectiveAmongOthersWithoutRegardToCase) {
  EXPECT_TRUE(has_directive("no-store", "no-store"));
  EXPECT_TRUE(has_directive("max-age=0, No-Store", "no-store"));
  EXPECT_TRUE(has_directive(" no-cache ,private", "no-cache"));
}

TEST(CacheControl, MatchesWholeDirectivesOnly) {
  EXPECT_FALSE(has_directive("", "no-store"));
  EXPECT_FALSE(has_directive("no-store-please", "no-store"));
  EXPECT_FALSE(has_directive("x-no-store", "no-store"));
  EXPECT_FALSE(has_directive("no-cache", "no-store"));
}

}  // namespace
}  // namespace zomato::http
