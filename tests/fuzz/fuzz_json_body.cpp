// Body validation over arbitrary bytes: it never crashes, and what it accepts it accepts
// again unchanged once rendered (normalisation is idempotent). The first input byte picks
// the body's schema.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/problems.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/catalog_schemas.hpp"
#include "schemas/customer_schemas.hpp"
#include "schemas/order_schemas.hpp"
#include "schemas/review_schemas.hpp"

namespace {

namespace domain = zomato::domain;
namespace schemas = zomato::schemas;
using zomato::http::problems;

void check(bool holds) {
  if (!holds) std::abort();
}

template <class Entity>
Entity parse_new(std::string_view body, problems& found) {
  return schemas::parse_new<Entity>(body, found);
}

// Parses, renders what was accepted, parses that again: the same rendering must come out.
template <class Parse>
void round_trip(std::string_view body, Parse&& parse) {
  problems found;
  const auto first = parse(body, found);
  if (!found.empty()) return;
  const auto text = schemas::render(first);
  problems again;
  const auto second = parse(text, again);
  check(again.empty());
  check(schemas::render(second) == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  problems found;
  switch (data[0] % 9) {
    case 0: round_trip(body, parse_new<domain::restaurant>); break;
    case 1: round_trip(body, parse_new<domain::menu_item>); break;
    case 2: round_trip(body, parse_new<domain::customer>); break;
    case 3: schemas::parse_patch<domain::restaurant>(body, found); break;
    case 4: schemas::parse_patch<domain::menu_item>(body, found); break;
    case 5: schemas::parse_patch<domain::customer>(body, found); break;
    case 6: schemas::parse_order(body, found); break;
    case 7: schemas::parse_review(body, found); break;
    default: {
      schemas::parse_status(body, found);
      const auto canonical = schemas::canonical_json(body);
      check(schemas::canonical_json(canonical) == canonical);
    }
  }
  return 0;
}
