#pragma once

#include <memory>
#include <string>

namespace zomato::cache {

/// A stored response: its body and validator, and the request that produced it (so it
/// can be produced again when the cache is warmed).
struct entry {
  std::string body;
  std::string etag;
  std::string target;
};

using entry_ptr = std::shared_ptr<const entry>;

/// A strong ETag for a body ("\"<16 hex digits>\"", FNV-1a 64).
std::string etag_of(const std::string& body);

}  // namespace zomato::cache
