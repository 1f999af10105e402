#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schemas/body_validation.hpp"

namespace zomato::schemas {
namespace {

using nlohmann::json;

std::vector<field_rule> sample_rules() {
  std::vector<field_rule> r(12);
  r[0] = {.name = "name", .required = true, .min_length = 3, .max_length = 10, .style = text_style::trimmed};
  r[1] = {.name = "note", .nullable = true};
  r[2] = {.name = "kind", .required = true, .min_length = 1, .max_length = 50, .style = text_style::title};
  r[3] = {.name = "price", .kind = field_kind::money, .minimum = 0.0, .maximum = 100000.0, .exclusive_minimum = true};
  r[4] = {.name = "rating", .kind = field_kind::number, .minimum = 0.0, .maximum = 5.0};
  r[5] = {.name = "minutes", .kind = field_kind::integer, .nullable = true, .minimum = 1.0};
  r[6] = {.name = "active", .kind = field_kind::boolean};
  r[7] = {.name = "email", .kind = field_kind::email};
  r[8] = {.name = "phone", .kind = field_kind::phone};
  r[9] = {.name = "opens", .kind = field_kind::time_of_day, .nullable = true};
  r[10] = {.name = "at", .kind = field_kind::timestamp};
  r[11] = {.name = "status", .kind = field_kind::choice, .choices = {"placed", "confirmed", "delivered"}};
  return r;
}

struct outcome {
  validated values;
  json detail;  // the rendered problems' "detail" list
};

outcome validate(std::string_view body, body_mode mode = body_mode::update) {
  http::problems found;
  auto values = validate_body(body, sample_rules(), mode, found);
  return {std::move(values), json::parse(http::render_problems(found))["detail"]};
}

// The single problem a body is expected to produce.
json only_problem(std::string_view body, body_mode mode = body_mode::update) {
  const auto result = validate(body, mode);
  EXPECT_EQ(result.detail.size(), 1u) << body << " -> " << result.detail.dump();
  return result.detail.empty() ? json::object() : result.detail[0];
}

json loc(std::string field) { return json::array({"body", std::move(field)}); }

TEST(ValidateBody, EmptyBodyIsMissing) {
  for (const char* body : {"", "   ", "\n"}) {
    const auto p = only_problem(body, body_mode::create);
    EXPECT_EQ(p["type"], "missing");
    EXPECT_EQ(p["loc"], json::array({"body"}));
    EXPECT_EQ(p["msg"], "Field required");
    EXPECT_TRUE(p["input"].is_null());
  }
}

TEST(ValidateBody, MalformedJsonIsJsonInvalidAtItsPosition) {
  // The positions are what Python's json.loads reports as "char N".
  struct sample {
    const char* body;
    std::int64_t position;
  };
  for (const auto& [body, position] : {sample{R"({"name": })", 9}, sample{R"({"a":1,})", 7}, sample{R"({"a" 1})", 5},
                                       sample{R"({"a":1} x)", 8}, sample{"{", 1}}) {
    const auto p = only_problem(body);
    EXPECT_EQ(p["type"], "json_invalid") << body;
    EXPECT_EQ(p["loc"], json::array({"body", position})) << body;
    EXPECT_EQ(p["msg"], "JSON decode error");
    EXPECT_EQ(p["input"], json::object());
    EXPECT_TRUE(p["ctx"].contains("error"));
  }
}

TEST(ValidateBody, LocOfMalformedJsonIsAnInteger) {
  const auto p = only_problem("{oops}");
  ASSERT_EQ(p["loc"].size(), 2u);
  EXPECT_TRUE(p["loc"][1].is_number_integer());
}

TEST(ValidateBody, InvalidUtf8AndLoneSurrogatesAreJsonInvalid) {
  EXPECT_EQ(only_problem("{\"name\":\"ab\xFF\"}")["type"], "json_invalid");
  EXPECT_EQ(only_problem("{\"name\":\"\xED\xA0\x80\"}")["type"], "json_invalid");
  EXPECT_EQ(only_problem(R"({"name":"\ud800"})")["type"], "json_invalid");
  EXPECT_EQ(only_problem(R"({"name":"\udc00abc"})")["type"], "json_invalid");
}

TEST(ValidateBody, NonObjectBodiesAreRefused) {
  for (const char* body : {"[1,2]", "\"text\"", "42", "true", "null"}) {
    const auto p = only_problem(body, body_mode::create);
    EXPECT_EQ(p["type"], "model_attributes_type") << body;
    EXPECT_EQ(p["loc"], json::array({"body"})) << body;
    EXPECT_EQ(p["msg"], "Input should be a valid dictionary or object to extract fields from");
    EXPECT_EQ(p["input"], json::parse(body));
  }
}

TEST(ValidateBody, DeepNestingIsRefusedWithoutCrashing) {
  const std::string arrays(100000, '[');
  const auto p = only_problem(arrays);
  EXPECT_EQ(p["type"], "json_invalid");
  EXPECT_EQ(p["loc"][0], "body");

  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += R"({"a":)";
  EXPECT_EQ(only_problem(objects)["type"], "json_invalid");

  const std::string balanced = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_EQ(only_problem(balanced)["type"], "json_invalid");
}

TEST(ValidateBody, NestingUpToSixtyFourIsParsed) {
  // The object is level 1, so 63 arrays inside it reach 64.
  const auto within = R"({"name":)" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_EQ(only_problem(within)["type"], "string_type");
  const auto beyond = R"({"name":)" + std::string(64, '[') + std::string(64, ']') + "}";
  EXPECT_EQ(only_problem(beyond)["type"], "json_invalid");
}

TEST(ValidateBody, BracketsInsideStringsAreNotNesting) {
  const auto body = R"({"note":")" + std::string(200, '[') + R"(\"{{{"})";
  const auto result = validate(body);
  EXPECT_TRUE(result.detail.empty()) << result.detail.dump();
  EXPECT_EQ(result.values.text("note"), std::string(200, '[') + "\"{{{");
}

TEST(ValidateBody, CreateModeReportsEveryMissingRequiredField) {
  const auto result = validate("{}", body_mode::create);
  ASSERT_EQ(result.detail.size(), 2u);
  EXPECT_EQ(result.detail[0]["type"], "missing");
  EXPECT_EQ(result.detail[0]["loc"], loc("name"));
  EXPECT_EQ(result.detail[0]["msg"], "Field required");
  EXPECT_EQ(result.detail[0]["input"], json::object());
  EXPECT_EQ(result.detail[1]["loc"], loc("kind"));
}

TEST(ValidateBody, MissingFieldInputIsTheWholeBody) {
  const auto p = only_problem(R"({"name":"Pizza Hut","extra":1})", body_mode::create);
  EXPECT_EQ(p["loc"], loc("kind"));
  EXPECT_EQ(p["input"], json::parse(R"({"name":"Pizza Hut","extra":1})"));
}

TEST(ValidateBody, UpdateModeRequiresNothing) {
  const auto result = validate("{}", body_mode::update);
  EXPECT_TRUE(result.detail.empty());
  for (const auto& rule : sample_rules()) EXPECT_FALSE(result.values.has(rule.name)) << rule.name;
}

TEST(ValidateBody, IgnoresUnknownFields) {
  const auto result = validate(R"({"name":"Bistro","unknown":[1,2,{"x":null}]})");
  EXPECT_TRUE(result.detail.empty());
  EXPECT_TRUE(result.values.has("name"));
  EXPECT_FALSE(result.values.has("unknown"));
}

TEST(ValidateBody, AcceptsNullForNullableFields) {
  const auto result = validate(R"({"note":null,"minutes":null,"opens":null})");
  EXPECT_TRUE(result.detail.empty()) << result.detail.dump();
  for (const char* name : {"note", "minutes", "opens"}) {
    EXPECT_TRUE(result.values.has(name)) << name;
    EXPECT_TRUE(result.values.is_null(name)) << name;
  }
  EXPECT_EQ(result.values.optional_text("note"), std::nullopt);
  EXPECT_EQ(result.values.optional_integer("minutes"), std::nullopt);
}

TEST(ValidateBody, RefusesNullForOtherFields) {
  const auto p = only_problem(R"({"name":null})");
  EXPECT_EQ(p["type"], "string_type");
  EXPECT_EQ(p["loc"], loc("name"));
  EXPECT_EQ(p["msg"], "Input should be a valid string");
  EXPECT_TRUE(p["input"].is_null());

  EXPECT_EQ(only_problem(R"({"name":null,"kind":"Thai"})", body_mode::create)["type"], "string_type");
  EXPECT_EQ(only_problem(R"({"active":null})")["type"], "bool_type");
  EXPECT_EQ(only_problem(R"({"rating":null})")["type"], "float_type");
  EXPECT_EQ(only_problem(R"({"phone":null})")["type"], "string_type");
}

TEST(ValidateBody, RefusesWrongTypes) {
  struct sample {
    const char* body;
    const char* field;
    const char* type;
  };
  for (const auto& [body, field, type] : {
           sample{R"({"name":123})", "name", "string_type"},
           sample{R"({"name":["Bistro"]})", "name", "string_type"},
           sample{R"({"name":{"x":1}})", "name", "string_type"},
           sample{R"({"name":true})", "name", "string_type"},
           sample{R"({"price":"12.50"})", "price", "float_type"},
           sample{R"({"price":true})", "price", "float_type"},
           sample{R"({"rating":[4]})", "rating", "float_type"},
           sample{R"({"minutes":"15"})", "minutes", "int_type"},
           sample{R"({"minutes":true})", "minutes", "int_type"},
           sample{R"({"active":"yes"})", "active", "bool_type"},
           sample{R"({"active":2})", "active", "bool_type"},
           sample{R"({"active":1.5})", "active", "bool_type"},
           sample{R"({"email":42})", "email", "string_type"},
           sample{R"({"opens":1000})", "opens", "string_type"},
           sample{R"({"status":1})", "status", "string_type"},
       }) {
    const auto p = only_problem(body);
    EXPECT_EQ(p["type"], type) << body;
    EXPECT_EQ(p["loc"], loc(field)) << body;
    EXPECT_EQ(p["input"], json::parse(body)[field]) << body;
  }
}

TEST(ValidateBody, ReportsEveryBadFieldAtOnce) {
  const auto result = validate(R"({"name":"x","price":0,"active":"no","phone":"12"})", body_mode::create);
  ASSERT_EQ(result.detail.size(), 5u) << result.detail.dump();
  std::vector<json> locs;
  for (const auto& p : result.detail) locs.push_back(p["loc"]);
  EXPECT_EQ(locs, (std::vector<json>{loc("name"), loc("kind"), loc("price"), loc("active"), loc("phone")}));
}

TEST(ValidateBody, CountsLengthInCodePoints) {
  // 3 characters, 9 bytes: long enough for min 3.
  auto ok = validate("{\"name\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}");
  EXPECT_TRUE(ok.detail.empty()) << ok.detail.dump();
  // 10 two-byte characters (20 bytes) fit max 10; 11 do not.
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "\xC3\xA9";
  EXPECT_TRUE(validate(R"({"name":")" + ten + R"("})").detail.empty());
  const auto p = only_problem(R"({"name":")" + ten + "\xC3\xA9" + R"("})");
  EXPECT_EQ(p["type"], "string_too_long");
  EXPECT_EQ(p["msg"], "String should have at most 10 characters");
  EXPECT_EQ(p["ctx"], json::parse(R"({"max_length":10})"));
  // Two 4-byte characters are 8 bytes but only 2 characters: too short.
  EXPECT_EQ(only_problem("{\"name\":\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"}")["type"], "string_too_short");
}

TEST(ValidateBody, ReportsShortText) {
  const auto p = only_problem(R"({"name":"ab"})");
  EXPECT_EQ(p["type"], "string_too_short");
  EXPECT_EQ(p["loc"], loc("name"));
  EXPECT_EQ(p["msg"], "String should have at least 3 characters");
  EXPECT_EQ(p["input"], "ab");
  EXPECT_EQ(p["ctx"], json::parse(R"({"min_length":3})"));

  const auto one = only_problem(R"({"kind":""})");
  EXPECT_EQ(one["msg"], "String should have at least 1 character");
  EXPECT_EQ(one["ctx"], json::parse(R"({"min_length":1})"));
}

TEST(ValidateBody, TrimsBeforeCheckingLength) {
  const auto p = only_problem(R"({"name":"   ab   "})");
  EXPECT_EQ(p["type"], "string_too_short");
  EXPECT_EQ(p["input"], "   ab   ");  // the input is reported as sent
  EXPECT_EQ(only_problem(R"({"kind":"   "})")["type"], "string_too_short");

  // 12 characters as sent, 6 once trimmed: within max 10.
  const auto ok = validate(R"({"name":"   Bistro   "})");
  EXPECT_TRUE(ok.detail.empty()) << ok.detail.dump();
  EXPECT_EQ(ok.values.text("name"), "Bistro");
}

TEST(ValidateBody, KeepsAsSentTextUntrimmed) {
  const auto result = validate(R"({"note":"  spaced  "})");
  EXPECT_EQ(result.values.text("note"), "  spaced  ");
}

TEST(ValidateBody, TitleCasesTitleStyleText) {
  EXPECT_EQ(validate(R"({"kind":"  south indian "})").values.text("kind"), "South Indian");
  EXPECT_EQ(validate(R"({"kind":"THAI"})").values.text("kind"), "Thai");
  EXPECT_EQ(validate(R"({"kind":"side dish"})").values.text("kind"), "Side Dish");
}

TEST(ValidateBody, RoundsMoneyToCents) {
  struct sample {
    const char* body;
    std::int64_t cents;
  };
  for (const auto& [body, cents] :
       {sample{R"({"price":3.456})", 346}, sample{R"({"price":12.99})", 1299}, sample{R"({"price":10})", 1000},
        sample{R"({"price":0.01})", 1}, sample{R"({"price":2.675})", 267}, sample{R"({"price":100000})", 10000000},
        sample{R"({"price":99999.99})", 9999999}}) {
    const auto result = validate(body);
    EXPECT_TRUE(result.detail.empty()) << body << result.detail.dump();
    EXPECT_EQ(result.values.integer("price"), cents) << body;
  }
}

TEST(ValidateBody, RefusesZeroAndNegativeMoney) {
  for (const char* body : {R"({"price":0})", R"({"price":0.0})", R"({"price":-1})", R"({"price":-0.01})"}) {
    const auto p = only_problem(body);
    EXPECT_EQ(p["type"], "greater_than") << body;
    EXPECT_EQ(p["loc"], loc("price"));
    EXPECT_EQ(p["ctx"], json::parse(R"({"gt":0.0})"));
  }
}

TEST(ValidateBody, RefusesMoneyThatRoundsToNothing) {
  const auto p = only_problem(R"({"price":0.004})");
  EXPECT_EQ(p["loc"], loc("price"));
  EXPECT_EQ(p["type"], "decimal_range");
}

TEST(ValidateBody, RefusesMoneyPastItsMaximum) {
  for (const char* body : {R"({"price":100000.01})", R"({"price":99999999.99})"}) {
    const auto p = only_problem(body);
    EXPECT_EQ(p["type"], "less_than_equal") << body;
    EXPECT_EQ(p["loc"], loc("price"));
    EXPECT_EQ(p["ctx"], json::parse(R"({"le":100000.0})"));
  }
}

TEST(ValidateBody, RefusesHugeAndInfiniteMoney) {
  for (const char* body : {R"({"price":100000000})", R"({"price":1e20})", R"({"price":1e300})",
                           R"({"price":123456789012345678901234567890})"}) {
    const auto result = validate(body);
    ASSERT_EQ(result.detail.size(), 1u) << body << " -> " << result.detail.dump();
    EXPECT_EQ(result.detail[0]["loc"], loc("price")) << body;
    EXPECT_FALSE(result.values.has("price")) << body;
  }
}

TEST(ValidateBody, RefusesNumbersPastTheRangeOfADouble) {
  // 1e400 is valid JSON text but no finite number: it is refused, wherever it is reported.
  for (const char* body : {R"({"price":1e400})", R"({"price":-1e400})", R"({"rating":1e400})", R"({"minutes":1e400})",
                           R"({"name":"Bistro","minutes":-1e999})"}) {
    const auto result = validate(body);
    ASSERT_EQ(result.detail.size(), 1u) << body << " -> " << result.detail.dump();
    EXPECT_EQ(result.detail[0]["loc"][0], "body") << body;
    EXPECT_FALSE(result.values.has("price") || result.values.has("rating") || result.values.has("minutes")) << body;
  }
}

TEST(ValidateBody, ChecksNumberBounds) {
  EXPECT_DOUBLE_EQ(validate(R"({"rating":0})").values.number("rating"), 0.0);
  EXPECT_DOUBLE_EQ(validate(R"({"rating":5})").values.number("rating"), 5.0);
  EXPECT_DOUBLE_EQ(validate(R"({"rating":4.5})").values.number("rating"), 4.5);

  const auto high = only_problem(R"({"rating":5.01})");
  EXPECT_EQ(high["type"], "less_than_equal");
  EXPECT_EQ(high["ctx"], json::parse(R"({"le":5.0})"));
  const auto low = only_problem(R"({"rating":-0.1})");
  EXPECT_EQ(low["type"], "greater_than_equal");
  EXPECT_EQ(low["ctx"], json::parse(R"({"ge":0.0})"));
}

TEST(ValidateBody, AcceptsWholeFloatsAsIntegers) {
  const auto result = validate(R"({"minutes":15.0})");
  EXPECT_TRUE(result.detail.empty()) << result.detail.dump();
  EXPECT_EQ(result.values.integer("minutes"), 15);
  EXPECT_EQ(validate(R"({"minutes":15})").values.optional_integer("minutes"), 15);
}

TEST(ValidateBody, RefusesFractionalIntegers) {
  const auto p = only_problem(R"({"minutes":15.5})");
  EXPECT_EQ(p["type"], "int_from_float");
  EXPECT_EQ(p["loc"], loc("minutes"));
  EXPECT_EQ(p["msg"], "Input should be a valid integer, got a number with a fractional part");
  EXPECT_EQ(p["input"], 15.5);
}

TEST(ValidateBody, RefusesIntegersOutOfRange) {
  EXPECT_EQ(only_problem(R"({"minutes":0})")["type"], "greater_than_equal");
  EXPECT_EQ(only_problem(R"({"minutes":-5})")["type"], "greater_than_equal");
  for (const char* body : {R"({"minutes":9223372036854775808})", R"({"minutes":18446744073709551616})",
                           R"({"minutes":-9223372036854775809})", R"({"minutes":1e300})"}) {
    const auto result = validate(body);
    ASSERT_EQ(result.detail.size(), 1u) << body << " -> " << result.detail.dump();
    EXPECT_EQ(result.detail[0]["loc"], loc("minutes")) << body;
    EXPECT_FALSE(result.values.has("minutes")) << body;
  }
  EXPECT_EQ(validate(R"({"minutes":9223372036854775807})").values.integer("minutes"), 9223372036854775807);
}

TEST(ValidateBody, AcceptsBooleansAndZeroOrOne) {
  struct sample {
    const char* body;
    bool flag;
  };
  for (const auto& [body, flag] : {sample{R"({"active":true})", true}, sample{R"({"active":false})", false},
                                   sample{R"({"active":1})", true}, sample{R"({"active":0})", false}}) {
    const auto result = validate(body);
    EXPECT_TRUE(result.detail.empty()) << body;
    ASSERT_TRUE(result.values.has("active")) << body;
    EXPECT_EQ(result.values.flag("active"), flag) << body;
  }
  const auto p = only_problem(R"({"active":"true"})");
  EXPECT_EQ(p["type"], "bool_type");
  EXPECT_EQ(p["msg"], "Input should be a valid boolean");
}

TEST(ValidateBody, LowerCasesEmails) {
  const auto result = validate(R"({"email":"  John.DOE@Example.COM "})");
  EXPECT_TRUE(result.detail.empty()) << result.detail.dump();
  EXPECT_EQ(result.values.text("email"), "john.doe@example.com");
}

TEST(ValidateBody, RefusesBadEmails) {
  const auto p = only_problem(R"({"email":"bad"})");
  EXPECT_EQ(p["type"], "value_error");
  EXPECT_EQ(p["loc"], loc("email"));
  EXPECT_EQ(p["msg"], "Value error, Invalid email format");
  EXPECT_EQ(p["input"], "bad");
  EXPECT_EQ(p["ctx"], json::parse(R"({"error":{}})"));
  EXPECT_EQ(only_problem(R"({"email":"a@b.c"})")["type"], "value_error");
  EXPECT_EQ(only_problem(R"({"email":"a b@example.com"})")["type"], "value_error");
}

TEST(ValidateBody, KeepsPhonesAsSent) {
  const auto result = validate(R"({"phone":"(555) 123-4567"})");
  EXPECT_TRUE(result.detail.empty());
  EXPECT_EQ(result.values.text("phone"), "(555) 123-4567");
}

TEST(ValidateBody, RefusesBadPhonesInTheOriginalsWords) {
  for (const char* phone : {"555-0123", "12", "0123456789", "phone", "+"}) {
    const auto p = only_problem(json{{"phone", phone}}.dump());
    EXPECT_EQ(p["type"], "value_error") << phone;
    EXPECT_EQ(p["loc"], loc("phone"));
    EXPECT_EQ(p["msg"], "Value error, Invalid phone number format");
    EXPECT_EQ(p["input"], phone);
    EXPECT_EQ(p["ctx"], json::parse(R"({"error":{}})"));
  }
}

TEST(ValidateBody, NormalisesTimes) {
  EXPECT_EQ(validate(R"({"opens":"10:00"})").values.text("opens"), "10:00:00");
  EXPECT_EQ(validate(R"({"opens":"22:30:15"})").values.text("opens"), "22:30:15");
  for (const char* bad : {"24:00", "9:00", "10:00 PM", ""}) {
    const auto p = only_problem(json{{"opens", bad}}.dump());
    EXPECT_EQ(p["type"], "time_parsing") << bad;
    EXPECT_EQ(p["loc"], loc("opens"));
    EXPECT_EQ(p["input"], bad);
  }
}

TEST(ValidateBody, NormalisesTimestamps) {
  EXPECT_EQ(validate(R"({"at":"2024-01-15T10:30:00.123Z"})").values.text("at"), "2024-01-15T10:30:00");
  const auto p = only_problem(R"({"at":"2023-02-29T10:00:00"})");
  EXPECT_EQ(p["type"], "datetime_parsing");
  EXPECT_EQ(p["loc"], loc("at"));
}

TEST(ValidateBody, ChecksChoices) {
  EXPECT_EQ(validate(R"({"status":"confirmed"})").values.text("status"), "confirmed");
  const auto p = only_problem(R"({"status":"lost"})");
  EXPECT_EQ(p["type"], "enum");
  EXPECT_EQ(p["loc"], loc("status"));
  EXPECT_EQ(p["msg"], "Input should be 'placed', 'confirmed' or 'delivered'");
  EXPECT_EQ(p["ctx"], json::parse(R"({"expected":"'placed', 'confirmed' or 'delivered'"})"));
  EXPECT_EQ(only_problem(R"({"status":"Placed"})")["type"], "enum");
}

TEST(ValidateBody, ProblemInputsStayValidJson) {
  // A control character in a bad value must come back escaped, and the whole answer parse.
  const auto p = only_problem("{\"name\":\"a\\u0001\"}");
  EXPECT_EQ(p["input"], std::string("a\x01"));
}

std::vector<field_rule> line_rules() {
  std::vector<field_rule> r(1);
  r[0] = {.name = "quantity", .kind = field_kind::integer, .required = true};
  return r;
}

// A list of at most two lines, each {"quantity": n}.
std::vector<field_rule> basket_rules() {
  static const auto lines = line_rules();
  std::vector<field_rule> r(1);
  r[0] = {.name = "lines", .kind = field_kind::object_list, .min_length = 1, .max_length = 2, .item_rules = &lines};
  return r;
}

TEST(ValidateBody, AcceptsListsUpToTheirMaximum) {
  http::problems found;
  const auto v =
      validate_body(R"({"lines":[{"quantity":1},{"quantity":2}]})", basket_rules(), body_mode::create, found);
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(v.items("lines").size(), 2u);
}

TEST(ValidateBody, RefusesListsPastTheirMaximumBeforeLookingAtTheirElements) {
  http::problems found;
  (void)validate_body(R"({"lines":[{"quantity":1},{"quantity":"x"},{}]})", basket_rules(), body_mode::create, found);
  const auto detail = json::parse(http::render_problems(found))["detail"];
  ASSERT_EQ(detail.size(), 1u) << detail.dump();
  EXPECT_EQ(detail[0]["type"], "too_long");
  EXPECT_EQ(detail[0]["loc"], loc("lines"));
  EXPECT_EQ(detail[0]["msg"], "List should have at most 2 items after validation, not 3");
  EXPECT_EQ(detail[0]["ctx"], json::parse(R"({"field_type":"List","max_length":2,"actual_length":3})"));
}

TEST(Validated, ReadsAbsentFieldsAsEmpty) {
  const validated values;
  EXPECT_FALSE(values.has("x"));
  EXPECT_FALSE(values.is_null("x"));
  EXPECT_EQ(values.text("x"), "");
  EXPECT_EQ(values.optional_text("x"), std::nullopt);
  EXPECT_EQ(values.integer("x"), 0);
  EXPECT_EQ(values.optional_integer("x"), std::nullopt);
  EXPECT_EQ(values.number("x"), 0.0);
  EXPECT_FALSE(values.flag("x"));
}

}  // namespace
}  // namespace zomato::schemas
