#include "domain/principal.hpp"

#include <array>
#include <utility>

namespace zomato::domain {
namespace {

constexpr std::array<std::pair<std::string_view, role>, 4> names{
    {{"anyone", role::anyone}, {"customer", role::customer}, {"restaurant", role::restaurant}, {"admin", role::admin}}};

}  // namespace

std::optional<role> role_named(std::string_view name) {
  for (const auto& [text, who] : names) {
    if (who != role::anyone && text == name) return who;
  }
  return std::nullopt;
}

void append_identity(std::string& out, const principal& who) {
  out += name_of(who.as);
  out += ':';
  out += std::to_string(who.id);
}

std::string_view name_of(role who) {
  for (const auto& [text, named] : names) {
    if (named == who) return text;
  }
  return "anyone";
}

}  // namespace zomato::domain
