#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/shapes.hpp"

namespace zomato::api {

/// The named schemas and the tags the routes refer to; openapi_document writes them.
class openapi_components {
 public:
  /// One named schema: its JSON text, the media type of a body it describes, and for a request
  /// body an example as JSON text.
  struct schema {
    std::string json;
    std::string media_type = "application/json";
    std::string example;
  };

  /// A request body from its field rules (create: its required fields listed; update: none),
  /// with an example made of its fields' examples.
  void body(const std::string& name, const std::vector<schemas::field_rule>& rules, schemas::body_mode mode);
  /// A JSON value described by its shape.
  void add(const std::string& name, const schemas::shape& shape);
  /// A list envelope {"<plural>":[item...],"total","skip","limit"}.
  void page(const std::string& name, const std::string& plural, const std::string& item);
  /// A body that is not JSON (a page, a script) served as `media_type`.
  void text(const std::string& name, std::string media_type);
  /// A tag routes are grouped under, with what its operations are about.
  void tag(std::string name, std::string description);

  const std::map<std::string, schema>& schemas() const { return schemas_; }
  const std::vector<std::pair<std::string, std::string>>& tags() const { return tags_; }

 private:
  std::map<std::string, schema> schemas_;
  std::vector<std::pair<std::string, std::string>> tags_;
};

/// The OpenAPI 3 document of every route in the router. Throws std::logic_error when a route
/// names a component or a tag that is not defined, or two routes share an operationId.
std::string openapi_document(const http::router& routes, const openapi_components& components);

}  // namespace zomato::api
