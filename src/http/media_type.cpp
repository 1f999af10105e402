#include "http/media_type.hpp"

#include "domain/text.hpp"

namespace zomato::http {

bool is_json_media_type(std::string_view content_type) {
  return domain::same_ignoring_case(domain::trim(content_type.substr(0, content_type.find(';'))), "application/json");
}

}  // namespace zomato::http
