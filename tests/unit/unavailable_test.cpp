#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "api/unavailable.hpp"

namespace zomato::api {
namespace {

std::string header(const http::response& res, std::string_view name) {
  for (const auto& [key, value] : res.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST(UnavailableResponse, Is503WithRetryAfterAndADetailWithoutInternals) {
  const auto busy = unavailable_response(store::unavailable_reason::busy);
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(header(busy, "retry-after"), "1");
  EXPECT_EQ(nlohmann::json::parse(busy.body),
            nlohmann::json({{"detail", "Service unavailable: the database is busy; try again later"}}));
  for (auto reason :
       {store::unavailable_reason::full, store::unavailable_reason::read_only, store::unavailable_reason::io}) {
    const auto res = unavailable_response(reason);
    EXPECT_EQ(res.status, 503);
    EXPECT_EQ(header(res, "retry-after"), "5");
    EXPECT_NE(nlohmann::json::parse(res.body)["detail"].get<std::string>().find(unavailable_text(reason)),
              std::string::npos);
  }
}

TEST(UnavailableResponse, NamesEachReasonDifferently) {
  EXPECT_EQ(unavailable_text(store::unavailable_reason::full), "the database is out of space");
  EXPECT_EQ(unavailable_text(store::unavailable_reason::read_only), "the database is read-only");
  EXPECT_EQ(unavailable_text(store::unavailable_reason::io), "the database cannot reach its storage");
}

}  // namespace
}  // namespace zomato::api
