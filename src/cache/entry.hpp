#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zomato::cache {

/// A stored response: its body and validator, the request that produced it (so it can be
/// produced again when the cache is warmed), and when it was computed and until when it is
/// fresh, in milliseconds since the epoch.
struct entry {
  std::string body;
  std::string etag;
  std::string target;
  std::int64_t stored_ms = 0;
  std::int64_t fresh_until_ms = 0;
};

/// Milliseconds since the epoch, now.
std::int64_t epoch_ms_now();

/// How an entry is stored remotely: "<etag>\n<target>\n<stored_ms> <fresh_until_ms>\n<body>".
std::string stored_form(const entry& value);
/// The entry of a stored form; nullopt when it is not one.
std::optional<entry> entry_from_stored(std::string_view stored);

/// A strong ETag for a body: its FNV-1a 64 hash in 11 base64url digits, quoted.
std::string etag_of(const std::string& body);
/// The ETag that shows a 64-bit value.
std::string etag_text(std::uint64_t value);
/// The value an ETag of etag_of's form shows; nullopt for any other text.
std::optional<std::uint64_t> etag_value(std::string_view etag);

}  // namespace zomato::cache
