#include <gtest/gtest.h>

#include <string>

#include "http/cors.hpp"

namespace zomato::http {
namespace {

std::string header_of(const response& answer, std::string_view name) {
  for (const auto& [key, value] : answer.headers) {
    if (key == name) return value;
  }
  return "";
}

request from(std::string_view origin) {
  request req;
  req.origin = origin;
  return req;
}

TEST(CorsPolicy, ParsesAListOfOrigins) {
  const auto policy = cors_policy::parse("https://app.example.com, http://localhost:3000");
  ASSERT_TRUE(policy);
  EXPECT_TRUE(policy->allows("https://app.example.com"));
  EXPECT_TRUE(policy->allows("http://localhost:3000"));
  EXPECT_TRUE(policy->allows("HTTPS://App.Example.com"));
  EXPECT_FALSE(policy->allows("http://app.example.com"));
  EXPECT_FALSE(policy->allows("http://localhost:3001"));
  EXPECT_FALSE(policy->allows(""));
}

TEST(CorsPolicy, StarAllowsAnyOrigin) {
  const auto policy = cors_policy::parse("*");
  ASSERT_TRUE(policy);
  EXPECT_TRUE(policy->allows("https://anywhere.test"));
  EXPECT_FALSE(policy->allows(""));
}

TEST(CorsPolicy, RefusesWhatIsNotAnOrigin) {
  EXPECT_FALSE(cors_policy::parse(""));
  EXPECT_FALSE(cors_policy::parse("https://a.test,"));
  EXPECT_FALSE(cors_policy::parse("https://a.test,,https://b.test"));
  EXPECT_FALSE(cors_policy::parse("a.test"));
  EXPECT_FALSE(cors_policy::parse("https://"));
  EXPECT_FALSE(cors_policy::parse("https://a.test/"));
  EXPECT_FALSE(cors_policy::parse("ftp://a.test"));
  EXPECT_FALSE(cors_policy::parse("https://a.test,*"));
}

TEST(CorsPolicy, DecoratesWithVaryAlwaysAndTheOriginWhenAllowed) {
  const auto policy = cors_policy::parse("https://a.test");
  response allowed;
  policy->decorate(from("https://a.test"), allowed);
  EXPECT_EQ(header_of(allowed, "vary"), "Origin");
  EXPECT_EQ(header_of(allowed, "access-control-allow-origin"), "https://a.test");

  response other;
  policy->decorate(from("https://b.test"), other);
  EXPECT_EQ(header_of(other, "vary"), "Origin");
  EXPECT_EQ(header_of(other, "access-control-allow-origin"), "");
}

TEST(CorsPolicy, PreflightNamesMethodsHeadersAndMaxAgeForAnAllowedOrigin) {
  const auto policy = cors_policy::parse("https://a.test");
  const auto allowed = policy->preflight(from("https://a.test"), "GET, HEAD, PUT");
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(header_of(allowed, "access-control-allow-methods"), "GET, HEAD, PUT");
  EXPECT_EQ(header_of(allowed, "access-control-allow-headers"),
            "Authorization, Content-Type, Idempotency-Key, If-None-Match, Cache-Control");
  EXPECT_EQ(header_of(allowed, "access-control-max-age"), "600");

  const auto refused = policy->preflight(from("https://b.test"), "GET");
  EXPECT_EQ(refused.status, 204);
  EXPECT_TRUE(refused.headers.empty());
}

}  // namespace
}  // namespace zomato::http
