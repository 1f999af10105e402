#include <gtest/gtest.h>

#include "http/media_type.hpp"

namespace zomato::http {
namespace {

TEST(IsJsonMediaType, AcceptsJsonInAnyCaseWithParameters) {
  EXPECT_TRUE(is_json_media_type("application/json"));
  EXPECT_TRUE(is_json_media_type("Application/JSON"));
  EXPECT_TRUE(is_json_media_type("application/json; charset=utf-8"));
  EXPECT_TRUE(is_json_media_type("application/json;charset=UTF-8"));
  EXPECT_TRUE(is_json_media_type(" application/json ; charset=utf-8"));
}

TEST(IsJsonMediaType, RefusesEverythingElse) {
  EXPECT_FALSE(is_json_media_type(""));
  EXPECT_FALSE(is_json_media_type("text/plain"));
  EXPECT_FALSE(is_json_media_type("application/x-www-form-urlencoded"));
  EXPECT_FALSE(is_json_media_type("multipart/form-data; boundary=x"));
  EXPECT_FALSE(is_json_media_type("application/jsonx"));
  EXPECT_FALSE(is_json_media_type("application/json-patch+json"));
  EXPECT_FALSE(is_json_media_type("text/json"));
}

}  // namespace
}  // namespace zomato::http
