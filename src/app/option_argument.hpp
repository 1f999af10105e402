#pragma once

#include <optional>
#include <string>

namespace zomato::app {

/// A command's argument "--name=value" split into its name and value ("--name" alone: no value,
/// which the next argument may give). Never fails.
struct option_argument {
  std::string name;
  std::optional<std::string> value;
};

option_argument split_option(const std::string& argument);

}  // namespace zomato::app
