#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "cache/entry.hpp"

namespace zomato::cache {
namespace {

TEST(entry, the_stored_form_gives_back_body_etag_and_target) {
  std::string body = "{\"a\":\"line\\n\"}\nraw newline\r\n";
  body.push_back('\0');
  const entry original{body, etag_of(body), "/menu-items/search?q=x"};
  const auto back = entry_from_stored(stored_form(original));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->body, original.body);
  EXPECT_EQ(back->etag, original.etag);
  EXPECT_EQ(back->target, original.target);
}

TEST(entry, an_empty_body_survives) {
  const auto back = entry_from_stored(stored_form(entry{"", etag_of(""), "/x"}));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->body, "");
  EXPECT_EQ(back->target, "/x");
}

TEST(entry, text_that_is_not_a_stored_form_is_no_entry) {
  EXPECT_FALSE(entry_from_stored("").has_value());
  EXPECT_FALSE(entry_from_stored("\"etag\" only").has_value());
  EXPECT_FALSE(entry_from_stored("\"etag\"\n/target without body separator").has_value());
}

TEST(entry, etags_are_strong_and_differ_with_the_body) {
  EXPECT_EQ(etag_of("a").size(), 13u);
  EXPECT_EQ(etag_of("a").front(), '"');
  EXPECT_EQ(etag_of("a").back(), '"');
  EXPECT_NE(etag_of("a"), etag_of("b"));
  EXPECT_EQ(etag_of("a"), etag_of("a"));
}

TEST(entry, an_etag_shows_its_value_and_gives_it_back) {
  for (const std::uint64_t value : {0ull, 1ull, 0xabcdef0123456789ull, ~0ull}) {
    const auto text = etag_text(value);
    EXPECT_EQ(text.size(), 13u);
    EXPECT_LE(text.size(), std::string().capacity()) << "held inline by std::string";
    EXPECT_EQ(etag_value(text), value) << text;
  }
  EXPECT_EQ(etag_text(0xabcdef0123456789ull), "\"KvN7wEjRWeJ\"");
  EXPECT_EQ(etag_text(~0ull), "\"P__________\"");
  EXPECT_EQ(etag_value(etag_of("a")).has_value(), true);
}

TEST(entry, text_of_another_form_shows_no_etag_value) {
  // Too short or long, a character outside base64url, a first digit past the 4 bits it holds,
  // weak, unquoted.
  for (const std::string_view text : {"", "\"\"", "KvN7wEjRWeJ", "\"KvN7wEjRWe\"", "\"KvN7wEjRWeJA\"",
                                      "\"KvN7wEjRWe+\"", "\"QAAAAAAAAAA\"", "W/\"KvN7wEjRWeJ\"", "\"KvN7wEjRWeJ"}) {
    EXPECT_FALSE(etag_value(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace zomato::cache
