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

namespace schemas = zomato::schemas;
using zomato::http::problems;

void check(bool holds) {
  if (!holds) std::abort();
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
    case 0: round_trip(body, [](std::string_view b, problems& f) { return schemas::parse_restaurant(b, f); }); break;
    case 1: round_trip(body, [](std::string_view b, problems& f) { return schemas::parse_menu_item(b, f); }); break;
    case 2: round_trip(body, [](std::string_view b, problems& f) { return schemas::parse_customer(b, f); }); break;
    case 3: schemas::parse_restaurant_patch(body, found); break;
    case 4: schemas::parse_menu_item_patch(body, found); break;
    case 5: schemas::parse_customer_patch(body, found); break;
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
