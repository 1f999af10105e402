#pragma once

#include <string_view>

namespace zomato::http {

/// Whether a Cache-Control header value ("no-cache, max-age=0") holds the directive;
/// directives are compared without regard to case.
bool has_directive(std::string_view header, std::string_view directive);

}  // namespace zomato::http
