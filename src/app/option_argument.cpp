#include "app/option_argument.hpp"

namespace zomato::app {

option_argument split_option(const std::string& argument) {
  const auto equals = argument.find('=');
  if (equals == std::string::npos) return {argument, std::nullopt};
  return {argument.substr(0, equals), argument.substr(equals + 1)};
}

}  // namespace zomato::app
