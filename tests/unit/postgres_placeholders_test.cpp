#include <gtest/gtest.h>

#include "store/postgres/connection.hpp"

namespace zomato::store::postgres {
namespace {

TEST(DollarPlaceholders, WritesEachNumberedQuestionMarkAsADollar) {
  EXPECT_EQ(dollar_placeholders("SELECT a FROM t WHERE id = ?1 AND (?2 IS NULL OR s = ?2) LIMIT ?10"),
            "SELECT a FROM t WHERE id = $1 AND ($2 IS NULL OR s = $2) LIMIT $10");
}

TEST(DollarPlaceholders, LeavesQuotedTextAndBareQuestionMarksAlone) {
  EXPECT_EQ(dollar_placeholders("SELECT '?1', \"?2\" FROM t WHERE x = ?3"), "SELECT '?1', \"?2\" FROM t WHERE x = $3");
  EXPECT_EQ(dollar_placeholders("SELECT 'it''s ?1' WHERE j ? 'k' AND y = ?2"),
            "SELECT 'it''s ?1' WHERE j ? 'k' AND y = $2");
  EXPECT_EQ(dollar_placeholders("SELECT $1"), "SELECT $1");
}

TEST(IsRetryable, OnlySerializationFailuresAndDeadlocks) {
  EXPECT_TRUE(is_retryable("40001"));
  EXPECT_TRUE(is_retryable("40P01"));
  EXPECT_FALSE(is_retryable("23505"));
  EXPECT_FALSE(is_retryable(""));
}

}  // namespace
}  // namespace zomato::store::postgres
