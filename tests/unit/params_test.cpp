#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/params.hpp"

namespace zomato::http {
namespace {

using nlohmann::json;
using namespace std::string_literals;

constexpr auto int64_max = std::numeric_limits<std::int64_t>::max();
constexpr auto int64_min = std::numeric_limits<std::int64_t>::min();

param_spec limit_spec() { return query_integer("limit", 100, 1, 1000, "Rows to return"); }

// The one problem a parse is expected to report, as the JSON FastAPI would send.
json only_problem(const problems& found) {
  EXPECT_EQ(found.size(), 1u);
  if (found.empty()) return json::object();
  return json::parse(render_problems(found))["detail"][0];
}

std::optional<param_value> parse(const param_spec& spec, std::optional<std::string> raw, problems& found) {
  return parse_param(spec, raw, found);
}

// A readable form of a parse result: "absent", "none", "int:5", "bool:true", "text:abc".
std::string show(const std::optional<param_value>& value) {
  if (!value) return "absent";
  if (std::holds_alternative<std::int64_t>(*value)) return "int:" + std::to_string(std::get<std::int64_t>(*value));
  if (std::holds_alternative<bool>(*value)) return std::get<bool>(*value) ? "bool:true" : "bool:false";
  if (std::holds_alternative<std::string>(*value)) return "text:" + std::get<std::string>(*value);
  return "none";
}

std::int64_t integer_of(const param_spec& spec, const std::string& raw) {
  problems found;
  const auto value = parse(spec, raw, found);
  EXPECT_TRUE(found.empty()) << raw << ": " << render_problems(found);
  if (!value || !std::holds_alternative<std::int64_t>(*value)) {
    ADD_FAILURE() << raw << " did not give an integer";
    return 0;
  }
  return std::get<std::int64_t>(*value);
}

json integer_problem(const param_spec& spec, const std::string& raw) {
  problems found;
  EXPECT_FALSE(parse(spec, raw, found).has_value()) << raw;
  return only_problem(found);
}

TEST(ParseParam, ReadsIntegers) {
  const auto id = path_id("restaurant_id", "Restaurant id");
  EXPECT_EQ(integer_of(id, "5"), 5);
  EXPECT_EQ(integer_of(id, "+5"), 5);
  EXPECT_EQ(integer_of(id, "-3"), -3);
  EXPECT_EQ(integer_of(id, "0"), 0);
  EXPECT_EQ(integer_of(id, "007"), 7);
  EXPECT_EQ(integer_of(id, "9223372036854775807"), int64_max);
  EXPECT_EQ(integer_of(id, "-9223372036854775808"), int64_min);
}

TEST(ParseParam, RefusesTextThatIsNotAnInteger) {
  const auto id = path_id("restaurant_id", "Restaurant id");
  for (const std::string raw : {"abc", "", "1.5", "5abc", " 5", "5 ", "0x10", "1e3", "+", "-", "++5", "--5", "-+5"}) {
    const auto p = integer_problem(id, raw);
    EXPECT_EQ(p["type"], "int_parsing") << raw;
    EXPECT_EQ(p["loc"], json::parse(R"(["path","restaurant_id"])")) << raw;
    EXPECT_EQ(p["msg"], "Input should be a valid integer, unable to parse string as an integer") << raw;
    EXPECT_EQ(p["input"], raw) << raw;
    EXPECT_FALSE(p.contains("ctx")) << raw;
  }
}

TEST(ParseParam, RefusesASignAfterAPlus) {
  // Python's int("+-5") and pydantic both refuse two signs; the '+' is the only sign allowed.
  const auto id = path_id("restaurant_id", "Restaurant id");
  for (const std::string raw : {"+-5", "+-0", "+-99999999999999999999"}) {
    const auto p = integer_problem(id, raw);
    EXPECT_EQ(p["type"], "int_parsing") << raw;
    EXPECT_EQ(p["input"], raw) << raw;
  }
}

TEST(ParseParam, RefusesIntegersPastTwoToTheSixtyThree) {
  const auto id = path_id("order_id", "Order id");
  for (const std::string raw : {"9223372036854775808", "+9223372036854775808", "99999999999999999999999999"}) {
    const auto p = integer_problem(id, raw);
    EXPECT_EQ(p["type"], "less_than_equal") << raw;
    EXPECT_EQ(p["loc"], json::parse(R"(["path","order_id"])"));
    EXPECT_EQ(p["msg"], "Input should be less than or equal to 9223372036854775807");
    EXPECT_EQ(p["input"], raw);
    EXPECT_EQ(p["ctx"], json::parse(R"({"le":9223372036854775807})"));
  }
}

TEST(ParseParam, RefusesIntegersBelowMinusTwoToTheSixtyThree) {
  const auto id = path_id("order_id", "Order id");
  for (const std::string raw : {"-9223372036854775809", "-99999999999999999999999999"}) {
    const auto p = integer_problem(id, raw);
    EXPECT_EQ(p["type"], "greater_than_equal") << raw;
    EXPECT_EQ(p["msg"], "Input should be greater than or equal to -9223372036854775808");
    EXPECT_EQ(p["input"], raw);
    EXPECT_EQ(p["ctx"], json::parse(R"({"ge":-9223372036854775808})"));
  }
}

TEST(ParseParam, ChecksTheSpecBounds) {
  const auto limit = limit_spec();
  EXPECT_EQ(integer_of(limit, "1"), 1);
  EXPECT_EQ(integer_of(limit, "1000"), 1000);

  auto low = integer_problem(limit, "0");
  EXPECT_EQ(low["type"], "greater_than_equal");
  EXPECT_EQ(low["loc"], json::parse(R"(["query","limit"])"));
  EXPECT_EQ(low["msg"], "Input should be greater than or equal to 1");
  EXPECT_EQ(low["input"], "0");
  EXPECT_EQ(low["ctx"], json::parse(R"({"ge":1})"));

  auto high = integer_problem(limit, "1001");
  EXPECT_EQ(high["type"], "less_than_equal");
  EXPECT_EQ(high["loc"], json::parse(R"(["query","limit"])"));
  EXPECT_EQ(high["msg"], "Input should be less than or equal to 1000");
  EXPECT_EQ(high["input"], "1001");
  EXPECT_EQ(high["ctx"], json::parse(R"({"le":1000})"));

  EXPECT_EQ(integer_problem(limit, "99999999999999999999")["type"], "less_than_equal");
}

TEST(ParseParam, PaginationHasTheContractDefaultsAndBounds) {
  const auto specs = pagination();
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "skip");
  EXPECT_EQ(specs[1].name, "limit");
  problems found;
  EXPECT_EQ(show(parse(specs[0], std::nullopt, found)), "int:0");
  EXPECT_EQ(show(parse(specs[1], std::nullopt, found)), "int:100");
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(integer_of(specs[0], "0"), 0);
  EXPECT_EQ(integer_problem(specs[0], "-1")["type"], "greater_than_equal");
  EXPECT_EQ(integer_problem(specs[1], "0")["type"], "greater_than_equal");
  EXPECT_EQ(integer_problem(specs[1], "1001")["type"], "less_than_equal");
}

TEST(ParseParam, MissingOptionalGivesTheFallback) {
  problems found;
  EXPECT_EQ(show(parse(limit_spec(), std::nullopt, found)), "int:100");
  EXPECT_EQ(show(parse(query_flag("is_active", "Filter"), std::nullopt, found)), "none");
  EXPECT_EQ(show(parse(query_text("q", false, "Search", "x"), std::nullopt, found)), "none");
  EXPECT_TRUE(found.empty());
}

TEST(ParseParam, MissingRequiredIsReported) {
  problems found;
  EXPECT_FALSE(parse(query_text("customer_id", true, "Customer", "x"), std::nullopt, found));
  const auto p = only_problem(found);
  EXPECT_EQ(p["type"], "missing");
  EXPECT_EQ(p["loc"], json::parse(R"(["query","customer_id"])"));
  EXPECT_EQ(p["msg"], "Field required");
  EXPECT_TRUE(p["input"].is_null());
}

TEST(ParseParam, MissingRequiredPathParamIsReportedInThePath) {
  problems found;
  EXPECT_FALSE(parse(path_id("restaurant_id", "Id"), std::nullopt, found));
  const auto p = only_problem(found);
  EXPECT_EQ(p["type"], "missing");
  EXPECT_EQ(p["loc"], json::parse(R"(["path","restaurant_id"])"));
}

TEST(ParseParam, ReadsBooleansInAnyCase) {
  const auto spec = query_flag("is_active", "Filter");
  for (const std::string raw : {"true", "TRUE", "True", "1", "yes", "YES", "Yes", "on", "ON", "oN", "t", "y"}) {
    problems found;
    EXPECT_EQ(show(parse(spec, raw, found)), "bool:true") << raw;
    EXPECT_TRUE(found.empty()) << raw;
  }
  for (const std::string raw : {"false", "FALSE", "False", "0", "no", "NO", "off", "OFF", "Off", "f", "n"}) {
    problems found;
    EXPECT_EQ(show(parse(spec, raw, found)), "bool:false") << raw;
    EXPECT_TRUE(found.empty()) << raw;
  }
}

TEST(ParseParam, RefusesOtherBooleans) {
  const auto spec = query_flag("is_vegetarian", "Filter");
  for (const std::string raw : {"", "maybe", "2", "-1", "truee", " true", "true ", "yess", "nope", "00", "10"}) {
    problems found;
    EXPECT_FALSE(parse(spec, raw, found)) << raw;
    const auto p = only_problem(found);
    EXPECT_EQ(p["type"], "bool_parsing") << raw;
    EXPECT_EQ(p["loc"], json::parse(R"(["query","is_vegetarian"])"));
    EXPECT_EQ(p["msg"], "Input should be a valid boolean, unable to interpret input");
    EXPECT_EQ(p["input"], raw);
  }
}

TEST(ParseParam, KeepsTextAsSent) {
  problems found;
  EXPECT_EQ(show(parse(query_text("q", false, "Search", "x"), "  Pizza & Pasta ", found)), "text:  Pizza & Pasta ");
  EXPECT_EQ(show(parse(path_text("category", "Category", "x"), "caf\xC3\xA9", found)), "text:caf\xC3\xA9");
  EXPECT_EQ(show(parse(query_text("q", false, "Search", "x"), "", found)), "text:");
  EXPECT_TRUE(found.empty());
}

TEST(ParseParam, ReadsATimeBoundAsItsUtcTimestamp) {
  const auto from = query_time_bound("from", "Start");
  problems found;
  EXPECT_EQ(show(parse(from, "2026-11-01"s, found)), "text:2026-11-01T00:00:00");
  EXPECT_EQ(show(parse(from, "2026-11-01T10:30Z"s, found)), "text:2026-11-01T10:30:00");
  EXPECT_EQ(show(parse(from, "2026-11-01 10:30:05"s, found)), "text:2026-11-01T10:30:05");
  EXPECT_EQ(show(parse(from, std::nullopt, found)), "none");
  EXPECT_TRUE(found.empty());
}

TEST(ParseParam, RefusesATimeBoundThatIsNeitherADateNorATimestamp) {
  for (const std::string raw : {"", "2026-11-31", "2026-11-01T10:00:00+05:30", "tomorrow"}) {
    problems found;
    EXPECT_FALSE(parse(query_time_bound("to", "End"), raw, found)) << raw;
    const auto p = only_problem(found);
    EXPECT_EQ(p["type"], "datetime_from_date_parsing");
    EXPECT_EQ(p["loc"], json::array({"query", "to"}));
    EXPECT_EQ(p["input"], raw);
  }
}

TEST(ParseParam, RefusesInvalidUtf8) {
  for (const auto& spec : {query_text("q", false, "Search", "x"), limit_spec(), query_flag("f", "Flag"),
                           query_time_bound("from", "Start")}) {
    for (const std::string raw : {"\xFF", "ab\xC3", "\xED\xA0\x80", "\xC0\xAF"}) {
      problems found;
      EXPECT_FALSE(parse(spec, raw, found)) << spec.name;
      const auto p = only_problem(found);
      EXPECT_EQ(p["type"], "string_unicode");
      EXPECT_EQ(p["loc"], json::array({"query", spec.name}));
      EXPECT_TRUE(p["input"].is_null());
      // The rendered problem must itself be valid JSON (it was parsed above) without the raw bytes.
      EXPECT_EQ(render_problems(found).find(raw), std::string::npos);
    }
  }
}

TEST(ParseParam, AddsToProblemsAlreadyFound) {
  problems found;
  (void)parse(limit_spec(), "0", found);
  (void)parse(query_flag("f", "Flag"), "x", found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].type, "greater_than_equal");
  EXPECT_EQ(found[1].type, "bool_parsing");
}

TEST(Params, ReturnsTypedValuesByName) {
  params values;
  values.set("limit", std::int64_t{25});
  values.set("is_active", true);
  values.set("q", "pizza"s);
  EXPECT_EQ(values.integer("limit"), 25);
  EXPECT_EQ(values.flag("is_active"), true);
  EXPECT_EQ(values.text("q"), "pizza");
  EXPECT_EQ(values.integer("missing"), 0);
  EXPECT_EQ(values.flag("limit"), std::nullopt);  // wrong type reads as absent
  EXPECT_EQ(values.text("limit"), std::nullopt);
}

TEST(Params, AppendCanonicalWritesEveryValueEncodedInDeclarationOrder) {
  params values;
  values.set("limit", std::int64_t{-20});
  values.set("vegetarian", false);
  values.set("q", "Main Course & caf\xC3\xA9~"s);
  values.set("skip", std::int64_t{0});
  std::string out = "prefix?";
  values.append_canonical(out);
  EXPECT_EQ(out, "prefix?limit=-20&vegetarian=false&q=Main%20Course%20%26%20caf%C3%A9~&skip=0");
}

TEST(Params, AppendCanonicalTellsAnAbsentTextFromAnEmptyOne) {
  params absent;
  absent.set("q", std::monostate{});
  absent.set("limit", std::int64_t{5});
  params empty;
  empty.set("q", ""s);
  empty.set("limit", std::int64_t{5});
  std::string absent_key;
  std::string empty_key;
  absent.append_canonical(absent_key);
  empty.append_canonical(empty_key);
  EXPECT_EQ(absent_key, "q&limit=5");
  EXPECT_EQ(empty_key, "q=&limit=5");
}

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(percent_decode("a%20b", false), "a b");
  EXPECT_EQ(percent_decode("%41%42%43", false), "ABC");
  EXPECT_EQ(percent_decode("%2f%2F", false), "//");
  EXPECT_EQ(percent_decode("%C3%A9", false), "\xC3\xA9");
  EXPECT_EQ(percent_decode("%e2%82%ac", false), "\xE2\x82\xAC");
  EXPECT_EQ(percent_decode("%00", false), std::string(1, '\0'));
  EXPECT_EQ(percent_decode("%FF", false), "\xFF");
  EXPECT_EQ(percent_decode("", false), "");
  EXPECT_EQ(percent_decode("plain", false), "plain");
  EXPECT_EQ(percent_decode("ab%43de", false), "abCde");
  EXPECT_EQ(percent_decode("a+b%43", false), "a+bC");
}

TEST(PercentDecode, TurnsPlusIntoSpaceOnlyInQueries) {
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("%2B", true), "+");
  EXPECT_EQ(percent_decode("1%2B1+%3D+2", true), "1+1 = 2");
}

TEST(PercentDecode, KeepsBadEscapesAsTheyAre) {
  EXPECT_EQ(percent_decode("%zz", false), "%zz");
  EXPECT_EQ(percent_decode("%", false), "%");
  EXPECT_EQ(percent_decode("abc%", false), "abc%");
  EXPECT_EQ(percent_decode("%4", false), "%4");
  EXPECT_EQ(percent_decode("x%4", false), "x%4");
  EXPECT_EQ(percent_decode("%g1", false), "%g1");
  EXPECT_EQ(percent_decode("%1g", false), "%1g");
  EXPECT_EQ(percent_decode("100%", true), "100%");
  EXPECT_EQ(percent_decode("%%41", false), "%A");
  EXPECT_EQ(percent_decode("%+1", true), "% 1");
}

TEST(PercentDecode, DecodesOnlyOnce) { EXPECT_EQ(percent_decode("%2541", false), "%41"); }

TEST(QueryValue, FindsAKey) {
  EXPECT_EQ(query_value("skip=10&limit=5", "limit"), "5");
  EXPECT_EQ(query_value("skip=10&limit=5", "skip"), "10");
  EXPECT_EQ(query_value("limit=5", "limit"), "5");
}

TEST(QueryValue, MissingKeyIsNullopt) {
  EXPECT_EQ(query_value("", "limit"), std::nullopt);
  EXPECT_EQ(query_value("skip=1", "limit"), std::nullopt);
  EXPECT_EQ(query_value("limits=1&xlimit=2", "limit"), std::nullopt);
  EXPECT_EQ(query_value("=5", "limit"), std::nullopt);
}

TEST(QueryValue, TakesTheLastOfARepeatedKey) {
  EXPECT_EQ(query_value("limit=5&limit=7", "limit"), "7");
  EXPECT_EQ(query_value("limit=5&skip=1&limit=9&skip=2", "limit"), "9");
  EXPECT_EQ(query_value("limit=5&limit=", "limit"), "");
}

TEST(QueryValue, KeyWithoutValueIsEmpty) {
  EXPECT_EQ(query_value("limit", "limit"), "");
  EXPECT_EQ(query_value("limit=", "limit"), "");
  EXPECT_EQ(query_value("a=1&limit&b=2", "limit"), "");
}

TEST(QueryValue, DecodesKeysAndValues) {
  EXPECT_EQ(query_value("li%6Dit=5", "limit"), "5");
  EXPECT_EQ(query_value("limit=1&li%6Dit=2", "limit"), "2");
  EXPECT_EQ(query_value("li%6Dit=1&limit=2", "limit"), "2");
  EXPECT_EQ(query_value("q=hello+world", "q"), "hello world");
  EXPECT_EQ(query_value("q=a%26b%3Dc", "q"), "a&b=c");
  EXPECT_EQ(query_value("my+key=1", "my key"), "1");
  EXPECT_EQ(query_value("q=caf%C3%A9", "q"), "caf\xC3\xA9");
}

TEST(QueryValue, SplitsOnlyOnTheFirstEquals) { EXPECT_EQ(query_value("q=a=b", "q"), "a=b"); }

TEST(QueryValue, SkipsEmptyPairs) {
  EXPECT_EQ(query_value("&&limit=3&", "limit"), "3");
  EXPECT_EQ(query_value("&", "limit"), std::nullopt);
}

}  // namespace
}  // namespace zomato::http
