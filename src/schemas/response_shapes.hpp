#pragma once

#include <string>
#include <vector>

namespace zomato::schemas {

/// One key of a response object as the API documentation describes it:
/// an OpenAPI type ("string", "integer", "number", "boolean", "array", "object") or a
/// component name ("#Restaurant") for nested objects and arrays of them.
struct response_key {
  std::string name;
  std::string type;
  bool nullable = false;
  std::string items;  // for arrays: the component of each element
};

using response_shape = std::vector<response_key>;

}  // namespace zomato::schemas
