#include "schemas/shapes.hpp"

#include <utility>

#include "domain/order_status.hpp"

namespace zomato::schemas {
namespace {

shape of_kind(shape::kind type) {
  shape s;
  s.type = type;
  return s;
}

shape text_matching(std::string pattern) {
  auto s = text();
  s.pattern = std::move(pattern);
  return s;
}

}  // namespace

shape shape::or_null() && {
  nullable = true;
  return std::move(*this);
}

shape shape::described(std::string text) && {
  description = std::move(text);
  return std::move(*this);
}

shape text() { return of_kind(shape::kind::string); }

shape text_choice(std::vector<std::string> choices) {
  auto s = text();
  s.choices = std::move(choices);
  return s;
}

shape timestamp() { return text_matching("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"); }

shape time_of_day() { return text_matching("^\\d{2}:\\d{2}:\\d{2}$"); }

shape date() {
  auto s = text();
  s.format = "date";
  return s;
}

shape money_text() { return text_matching("^-?\\d+\\.\\d{2}$"); }

shape whole() { return of_kind(shape::kind::integer); }

shape number() { return of_kind(shape::kind::number); }

shape flag() { return of_kind(shape::kind::boolean); }

shape component(std::string name) {
  auto s = of_kind(shape::kind::component);
  s.component = std::move(name);
  return s;
}

shape list_of(shape item) {
  auto s = of_kind(shape::kind::array);
  s.element.push_back(std::move(item));
  return s;
}

shape map_of(shape value) {
  auto s = of_kind(shape::kind::map);
  s.element.push_back(std::move(value));
  return s;
}

shape one_of(std::vector<shape> forms) {
  auto s = of_kind(shape::kind::one_of);
  s.element = std::move(forms);
  return s;
}

shape anything() { return of_kind(shape::kind::any); }

shape object_of(std::vector<shape_field> fields) {
  auto s = of_kind(shape::kind::object);
  s.fields = std::move(fields);
  return s;
}

shape shape_of_field(domain::field_kind kind) {
  using domain::field_kind;
  switch (kind) {
    case field_kind::integer: return whole();
    case field_kind::number:
    case field_kind::price: return number();
    case field_kind::flag: return flag();
    case field_kind::time_of_day: return time_of_day();
    case field_kind::timestamp: return timestamp();
    case field_kind::email: {
      auto s = text();
      s.format = "email";
      return s;
    }
    case field_kind::amount: return money_text();
    case field_kind::status: return text_choice(domain::order_status_names());
    case field_kind::text:
    case field_kind::phone: break;
  }
  return text();
}

}  // namespace zomato::schemas
