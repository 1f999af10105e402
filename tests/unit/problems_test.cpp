#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/problems.hpp"

namespace zomato::http {
namespace {

using nlohmann::json;

TEST(RenderProblems, EmptyListIsAnEmptyDetail) { EXPECT_EQ(render_problems({}), R"({"detail":[]})"); }

TEST(RenderProblems, WritesFastApiShape) {
  problem p;
  p.type = "string_too_short";
  p.loc = {std::string("body"), std::string("name")};
  p.msg = "String should have at least 3 characters";
  p.input_json = R"("ab")";
  p.ctx_json = R"({"min_length":3})";
  EXPECT_EQ(
      render_problems({p}),
      R"({"detail":[{"type":"string_too_short","loc":["body","name"],"msg":"String should have at least 3 characters",)"
      R"("input":"ab","ctx":{"min_length":3}}]})");
}

TEST(RenderProblems, LeavesCtxOutWhenEmptyAndInputDefaultsToNull) {
  problem p;
  p.type = "missing";
  p.loc = {std::string("query"), std::string("customer_id")};
  p.msg = "Field required";
  const auto document = json::parse(render_problems({p}));
  const auto& entry = document["detail"][0];
  EXPECT_EQ(entry.size(), 4u);
  EXPECT_TRUE(entry["input"].is_null());
  EXPECT_FALSE(entry.contains("ctx"));
}

TEST(RenderProblems, WritesIntegerLocationsAsNumbers) {
  problem p;
  p.type = "json_invalid";
  p.loc = {std::string("body"), std::int64_t{9}};
  p.msg = "JSON decode error";
  p.input_json = "{}";
  p.ctx_json = R"({"error":"Expecting value"})";
  const auto document = json::parse(render_problems({p}));
  EXPECT_EQ(document["detail"][0]["loc"], json::parse(R"(["body",9])"));
  EXPECT_TRUE(document["detail"][0]["loc"][1].is_number_integer());
  EXPECT_EQ(document["detail"][0]["input"], json::object());
}

TEST(RenderProblems, KeepsEveryEntryInOrder) {
  problems list(3);
  list[0].type = "a";
  list[0].loc = {std::string("body"), std::string("x")};
  list[1].type = "b";
  list[1].loc = {std::string("body"), std::string("items"), std::int64_t{0}, std::string("quantity")};
  list[2].type = "c";
  const auto document = json::parse(render_problems(list));
  ASSERT_EQ(document["detail"].size(), 3u);
  EXPECT_EQ(document["detail"][0]["type"], "a");
  EXPECT_EQ(document["detail"][1]["loc"], json::parse(R"(["body","items",0,"quantity"])"));
  EXPECT_EQ(document["detail"][2]["loc"], json::array());
}

TEST(RenderProblems, EscapesMessages) {
  problem p;
  p.type = "value_error";
  p.loc = {std::string("body"), std::string("na\"me")};
  p.msg = "Value error, \"quoted\"\n";
  const auto document = json::parse(render_problems({p}));
  EXPECT_EQ(document["detail"][0]["msg"], "Value error, \"quoted\"\n");
  EXPECT_EQ(document["detail"][0]["loc"][1], "na\"me");
}

}  // namespace
}  // namespace zomato::http
