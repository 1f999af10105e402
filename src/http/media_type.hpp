#pragma once

#include <string_view>

namespace zomato::http {

/// Whether a Content-Type value names JSON: `application/json` in any case, with or without
/// parameters (`; charset=utf-8`). Never fails; anything else (missing included) is false.
bool is_json_media_type(std::string_view content_type);

}  // namespace zomato::http
