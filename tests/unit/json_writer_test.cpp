#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/json_writer.hpp"

namespace zomato::http {
namespace {

using namespace std::string_literals;

std::string number_text(double number) {
  json_writer out;
  out.value(number);
  return out.text();
}

TEST(JsonWriter, WritesEmptyContainers) {
  json_writer object;
  object.begin_object().end_object();
  EXPECT_EQ(object.text(), "{}");

  json_writer array;
  array.begin_array().end_array();
  EXPECT_EQ(array.text(), "[]");
}

TEST(JsonWriter, PutsCommasBetweenFields) {
  json_writer out;
  out.begin_object().field("a", 1).field("b", "x").field("c", true).end_object();
  EXPECT_EQ(out.text(), R"({"a":1,"b":"x","c":true})");
}

TEST(JsonWriter, PutsCommasBetweenArrayValues) {
  json_writer out;
  out.begin_array().value(1).value(2).value(3).null().value(false).end_array();
  EXPECT_EQ(out.text(), "[1,2,3,null,false]");
}

TEST(JsonWriter, NestsContainers) {
  json_writer out;
  out.begin_object().key("a").begin_array();
  out.begin_object().field("b", true).end_object();
  out.begin_object().key("c").null().end_object();
  out.begin_array().end_array();
  out.end_array().key("d").begin_object().end_object().field("e", 2).end_object();
  EXPECT_EQ(out.text(), R"({"a":[{"b":true},{"c":null},[]],"d":{},"e":2})");
  EXPECT_TRUE(nlohmann::json::accept(out.text()));
}

TEST(JsonWriter, NestsArraysOfArrays) {
  json_writer out;
  out.begin_array()
      .begin_array()
      .end_array()
      .begin_array()
      .value(1)
      .begin_array()
      .value(2)
      .end_array()
      .end_array()
      .end_array();
  EXPECT_EQ(out.text(), "[[],[1,[2]]]");
}

TEST(JsonWriter, InsertsRawJsonAsAValue) {
  json_writer out;
  out.begin_object().key("price").raw("10.0").key("list").raw("[1,2]").field("after", 1).end_object();
  EXPECT_EQ(out.text(), R"({"price":10.0,"list":[1,2],"after":1})");

  json_writer array;
  array.begin_array().raw("{}").raw("null").end_array();
  EXPECT_EQ(array.text(), "[{},null]");
}

TEST(JsonWriter, WritesIntegersExactly) {
  json_writer out;
  out.begin_array()
      .value(0)
      .value(-42)
      .value(std::numeric_limits<std::int64_t>::max())
      .value(std::numeric_limits<std::int64_t>::min())
      .end_array();
  EXPECT_EQ(out.text(), "[0,-42,9223372036854775807,-9223372036854775808]");
}

TEST(JsonWriter, WritesOptionalsAsValueOrNull) {
  json_writer out;
  out.begin_object()
      .field("a", std::optional<std::string>{"x"})
      .field("b", std::optional<std::string>{})
      .field("c", std::optional<std::int64_t>{5})
      .field("d", std::optional<std::int64_t>{})
      .field("e", std::optional<double>{})
      .end_object();
  EXPECT_EQ(out.text(), R"({"a":"x","b":null,"c":5,"d":null,"e":null})");
}

TEST(JsonWriter, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(http::quoted(R"(say "hi")"), R"("say \"hi\"")");
  EXPECT_EQ(http::quoted(R"(C:\path\)"), R"("C:\\path\\")");
}

TEST(JsonWriter, EscapesControlCharacters) {
  EXPECT_EQ(http::quoted("a\nb\rc\td\be\ff"), R"("a\nb\rc\td\be\ff")");
  EXPECT_EQ(http::quoted("\x01"), R"("\u0001")");
  EXPECT_EQ(http::quoted("\x1f"), R"("\u001f")");
  EXPECT_EQ(http::quoted("\x1b[0m"), R"("\u001b[0m")");
  EXPECT_EQ(http::quoted(std::string("a\0b", 3)), R"("a\u0000b")");
}

TEST(JsonWriter, KeepsOtherBytes) {
  EXPECT_EQ(http::quoted("caf\xC3\xA9 \xE2\x82\xAC /"), "\"caf\xC3\xA9 \xE2\x82\xAC /\"");
  EXPECT_EQ(http::quoted("\x7f"), "\"\x7f\"");
  EXPECT_EQ(http::quoted(""), R"("")");
}

TEST(JsonWriter, EscapesKeysMadeAtRunTime) {
  json_writer out;
  out.begin_object().key_text(std::string("we\"ird\n")).value(1).end_object();
  EXPECT_EQ(out.text(), R"({"we\"ird\n":1})");
}

TEST(JsonWriter, WritesLiteralKeysAsTheyAre) {
  json_writer out;
  out.begin_object().field("id", 1).key("name").value("x").key_text("plain").null().end_object();
  EXPECT_EQ(out.text(), R"({"id":1,"name":"x","plain":null})");
}

// Byte by byte, the plain way: what the writer must produce wherever a byte sits in a word.
std::string escaped_one_by_one(const std::string& text) {
  std::string out = "\"";
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

TEST(JsonWriter, EveryByteIsTreatedAlikeAtEveryPositionOfLongText) {
  for (std::size_t length = 1; length <= 24; ++length) {
    for (int c = 0; c < 256; ++c) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[(at + 9) % length] = static_cast<char>(0xFF - c);
        text[at] = static_cast<char>(c);
        ASSERT_EQ(http::quoted(text), escaped_one_by_one(text)) << "byte " << c << " at " << at << " of " << length;
      }
    }
  }
}

TEST(JsonWriter, EscapedTextReadsBack) {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte.push_back(static_cast<char>(c));
  json_writer out;
  out.begin_object().field("text", every_byte).end_object();
  EXPECT_EQ(nlohmann::json::parse(out.text())["text"], every_byte);
}

TEST(JsonWriter, WritesDoublesLikePython) {
  EXPECT_EQ(number_text(4.5), "4.5");
  EXPECT_EQ(number_text(5.0), "5.0");
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(0.0), "0.0");
  EXPECT_EQ(number_text(-0.0), "-0.0");
  EXPECT_EQ(number_text(12.99), "12.99");
  EXPECT_EQ(number_text(-2.5), "-2.5");
  EXPECT_EQ(number_text(100.0), "100.0");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(number_text(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(number_text(0.001), "0.001");
  EXPECT_EQ(number_text(1e16), "1e+16");
  EXPECT_EQ(number_text(1e-05), "1e-05");
}

TEST(JsonWriter, WritesRoundNumbersAndSmallFractionsLikePython) {
  // Python: repr(1000000.0) == "1000000.0", repr(0.0001) == "0.0001",
  // repr(1e15) == "1000000000000000.0", repr(123456789.0) == "123456789.0".
  EXPECT_EQ(number_text(1000000.0), "1000000.0");
  EXPECT_EQ(number_text(0.0001), "0.0001");
  EXPECT_EQ(number_text(1e15), "1000000000000000.0");
  EXPECT_EQ(number_text(123456789.0), "123456789.0");
  EXPECT_EQ(number_text(2500.0), "2500.0");
}

TEST(JsonWriter, WritesNonFiniteDoublesAsNull) {
  json_writer out;
  out.begin_array()
      .value(std::numeric_limits<double>::quiet_NaN())
      .value(std::numeric_limits<double>::infinity())
      .value(-std::numeric_limits<double>::infinity())
      .value(1.5)
      .end_array();
  EXPECT_EQ(out.text(), "[null,null,null,1.5]");
}

TEST(JsonWriter, DoublesReadBackTheSame) {
  for (double number : {0.1, 12.99, 3.14159, 1e-7, 6.02e23, 4.35, 2.675}) {
    const auto text = number_text(number);
    EXPECT_EQ(nlohmann::json::parse(text).get<double>(), number) << text;
  }
}

TEST(JsonWriter, TextCanBeTakenOut) {
  json_writer out;
  out.begin_object().field("k", "v").end_object();
  std::string taken = std::move(out.text());
  EXPECT_EQ(taken, R"({"k":"v"})");
}

}  // namespace
}  // namespace zomato::http
