#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/response_shapes.hpp"

namespace zomato::api {

/// The named schemas the routes refer to in request_schema and response_schema.
class openapi_components {
 public:
  /// A request body from its field rules (create: required fields listed; update: none).
  void body(const std::string& name, const std::vector<schemas::field_rule>& rules, schemas::body_mode mode);
  /// A response object from its keys.
  void object(const std::string& name, const schemas::response_shape& shape);
  /// A list envelope {"<plural>":[item...],"total","skip","limit"}.
  void page(const std::string& name, const std::string& plural, const std::string& item);
  /// A schema given as JSON text.
  void raw(const std::string& name, std::string json);

  const std::map<std::string, std::string>& all() const { return schemas_; }

 private:
  std::map<std::string, std::string> schemas_;
};

/// The OpenAPI 3 document of every route in the router.
/// Throws std::logic_error when a route names a component that is not defined.
std::string openapi_document(const http::router& routes, const openapi_components& components);

}  // namespace zomato::api
