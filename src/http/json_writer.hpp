#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zomato::http {

/// An object key written in the source, checked when compiled to need no escaping, so it
/// is copied as it is.
class literal_key {
 public:
  template <std::size_t N>
  consteval literal_key(const char (&text)[N]) : text_(text, N - 1) {
    for (const char c : text_) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') throw "a literal key must need no escaping";
    }
  }
  /// A key whose text was checked when compiled elsewhere: the field names that
  /// domain/field.hpp accepts only in lower_snake_case.
  static constexpr literal_key checked_elsewhere(std::string_view text) { return literal_key(text); }
  std::string_view text() const { return text_; }

 private:
  constexpr explicit literal_key(std::string_view text) : text_(text) {}
  std::string_view text_;
};

/// Writes compact JSON into a string, in the order it is called; commas come by themselves.
class json_writer {
 public:
  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(literal_key name);
  /// A key made at run time (a name from data), escaped as needed.
  json_writer& key_text(std::string_view name);

  json_writer& value(std::string_view text);
  json_writer& value(const std::string& text) { return value(std::string_view(text)); }
  json_writer& value(const char* text) { return value(std::string_view(text)); }
  json_writer& value(std::int64_t number);
  json_writer& value(int number) { return value(static_cast<std::int64_t>(number)); }
  /// Shortest form that reads back the same, as Python prints floats ("4.5", "5.0").
  json_writer& value(double number);
  json_writer& value(bool flag);
  json_writer& null();
  /// Inserts text that already is JSON.
  json_writer& raw(std::string_view json);
  template <class T>
  json_writer& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }

  /// Shorthand for key(name).value(v).
  template <class T>
  json_writer& field(literal_key name, const T& v) {
    key(name);
    return value(v);
  }

  std::string& text() { return out_; }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

/// A JSON string literal for the text, quotes included.
std::string quoted(std::string_view text);

}  // namespace zomato::http
