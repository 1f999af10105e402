#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zomato::http {

/// Writes compact JSON into a string, in the order it is called; commas come by themselves.
class json_writer {
 public:
  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(std::string_view name);

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
  json_writer& field(std::string_view name, const T& v) {
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
