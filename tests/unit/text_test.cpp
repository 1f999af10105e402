#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/text.hpp"

namespace zomato::domain {
namespace {

using namespace std::string_view_literals;

TEST(Trim, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim("  side dish "), "side dish");
  EXPECT_EQ(trim("\t\n\r\f\vpizza\v\f\r\n\t"), "pizza");
  EXPECT_EQ(trim("no-space"), "no-space");
}

TEST(Trim, KeepsInnerWhitespace) { EXPECT_EQ(trim("  a  b  "), "a  b"); }

TEST(Trim, EmptiesBlankText) {
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   \t\n"), "");
}

TEST(Trim, KeepsNonAsciiBytes) { EXPECT_EQ(trim(" caf\xC3\xA9 "), "caf\xC3\xA9"); }

TEST(TitleCase, CapitalisesEachWord) {
  EXPECT_EQ(title_case("south indian"), "South Indian");
  EXPECT_EQ(title_case("side dish"), "Side Dish");
  EXPECT_EQ(title_case("italian"), "Italian");
}

TEST(TitleCase, LowersTheRestOfEachWord) {
  EXPECT_EQ(title_case("THAI"), "Thai");
  EXPECT_EQ(title_case("sOUTH iNDIAN"), "South Indian");
  EXPECT_EQ(title_case("Already Titled"), "Already Titled");
}

TEST(TitleCase, StartsWordsAfterAnyNonLetter) {
  // Python: "tex-mex".title() == "Tex-Mex", "3rd street".title() == "3Rd Street".
  EXPECT_EQ(title_case("tex-mex"), "Tex-Mex");
  EXPECT_EQ(title_case("3rd street"), "3Rd Street");
  EXPECT_EQ(title_case("a1b"), "A1B");
  EXPECT_EQ(title_case("mcdonald's"), "Mcdonald'S");
  EXPECT_EQ(title_case("fish_and chips"), "Fish_And Chips");
}

TEST(TitleCase, KeepsSpacingAsGiven) {
  // The caller trims; title_case itself keeps every byte.
  EXPECT_EQ(title_case("  side dish "), "  Side Dish ");
  EXPECT_EQ(title_case(""), "");
}

TEST(TitleCase, TreatsUtf8LettersAsPartOfTheWord) {
  // Python: "café bar".title() == "Café Bar"; "caféS".title() == "Cafés".
  EXPECT_EQ(title_case("caf\xC3\xA9 bar"), "Caf\xC3\xA9 Bar");
  EXPECT_EQ(title_case("caf\xC3\xA9S"), "Caf\xC3\xA9s");
}

TEST(SameIgnoringCase, ComparesAsciiLettersWithoutCase) {
  EXPECT_TRUE(same_ignoring_case("Application/JSON", "application/json"));
  EXPECT_TRUE(same_ignoring_case("", ""));
  EXPECT_FALSE(same_ignoring_case("application/json", "application/jso"));
  EXPECT_FALSE(same_ignoring_case("\xC3\x89", "\xC3\xA9"));
}

TEST(LowerCase, LowersAsciiOnly) {
  EXPECT_EQ(lower_case("John.DOE@Example.COM"), "john.doe@example.com");
  EXPECT_EQ(lower_case("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
  EXPECT_EQ(lower_case("123-_"), "123-_");
}

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("\xC3\xA9"), 1u);          // é, 2 bytes
  EXPECT_EQ(code_points("\xE2\x82\xAC"), 1u);      // €, 3 bytes
  EXPECT_EQ(code_points("\xF0\x9F\x98\x80"), 1u);  // 😀, 4 bytes
  EXPECT_EQ(code_points("caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80"), 7u);
}

TEST(CodePoints, CountsNulAsOneCharacter) { EXPECT_EQ(code_points("a\0b"sv), 3u); }

TEST(ValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("plain ascii"));
  EXPECT_TRUE(valid_utf8("a\0b"sv));
  EXPECT_TRUE(valid_utf8("\xC2\x80"));          // U+0080, smallest 2-byte
  EXPECT_TRUE(valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(valid_utf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  EXPECT_TRUE(valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(valid_utf8("\xEE\x80\x80"));      // U+E000, just above the surrogates
  EXPECT_TRUE(valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(valid_utf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the largest code point
  EXPECT_TRUE(valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
}

TEST(ValidUtf8, RefusesOverlongForms) {
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // '/' in 2 bytes
  EXPECT_FALSE(valid_utf8("\xC1\xBF"));          // U+007F in 2 bytes
  EXPECT_FALSE(valid_utf8("\xC0\x80"));          // NUL in 2 bytes
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // '/' in 3 bytes
  EXPECT_FALSE(valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
  EXPECT_FALSE(valid_utf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
  EXPECT_FALSE(valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST(ValidUtf8, RefusesSurrogates) {
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(valid_utf8("\xED\xAF\xBF"));              // U+DBFF
  EXPECT_FALSE(valid_utf8("\xED\xB0\x80"));              // U+DC00
  EXPECT_FALSE(valid_utf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair for U+1F600
}

TEST(ValidUtf8, RefusesCodePointsPastTheUnicodeRange) {
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));          // U+110000
  EXPECT_FALSE(valid_utf8("\xF7\xBF\xBF\xBF"));          // U+1FFFFF
  EXPECT_FALSE(valid_utf8("\xF8\x88\x80\x80\x80"));      // 5-byte form
  EXPECT_FALSE(valid_utf8("\xFC\x84\x80\x80\x80\x80"));  // 6-byte form
}

TEST(ValidUtf8, RefusesTruncatedSequences) {
  EXPECT_FALSE(valid_utf8("\xC3"));
  EXPECT_FALSE(valid_utf8("\xE2\x82"));
  EXPECT_FALSE(valid_utf8("\xF0\x9F\x98"));
  EXPECT_FALSE(valid_utf8("abc\xF0\x9F"));
  EXPECT_FALSE(valid_utf8("\xC3 more"));  // the continuation is missing, not the text
}

TEST(ValidUtf8, RefusesStrayAndInvalidBytes) {
  EXPECT_FALSE(valid_utf8("\x80"));
  EXPECT_FALSE(valid_utf8("a\xBF"));
  EXPECT_FALSE(valid_utf8("\xFE"));
  EXPECT_FALSE(valid_utf8("\xFF"));
  EXPECT_FALSE(valid_utf8("\xC3\x28"));          // lead then ASCII
  EXPECT_FALSE(valid_utf8("\xE2\x28\xA1"));      // broken second byte
  EXPECT_FALSE(valid_utf8("\xE2\x82\x28"));      // broken third byte
  EXPECT_FALSE(valid_utf8("\xF0\x9F\x98\x28"));  // broken fourth byte
  EXPECT_FALSE(valid_utf8("ok \xC3\xA9 then \x80"));
}

TEST(AppendInteger, AppendsDecimalDigitsOfAnyWidth) {
  std::string out = "n=";
  append_integer(out, std::int64_t{-9223372036854775807} - 1);
  out += ',';
  append_integer(out, std::uint64_t{18446744073709551615u});
  out += ',';
  append_integer(out, 0);
  EXPECT_EQ(out, "n=-9223372036854775808,18446744073709551615,0");
}

}  // namespace
}  // namespace zomato::domain
