#pragma once

#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cache/entry.hpp"
#include "http/message.hpp"

namespace zomato::cache {

/// One entry of the in-process cache in a single heap block: the backend's bookkeeping, then
/// the key, request target and body bytes side by side (the ETag is kept as its value). Answers share the block's
/// body (no copy) and keep it alive after the backend lets the entry go.
class memory_entry final : public http::shared_payload {
 public:
  /// What a block for the key and entry costs as the allocator hands it out.
  static std::size_t block_bytes(std::string_view key, const entry& value);
  /// What this entry's block costs.
  std::size_t block_bytes() const;

  std::string_view key() const { return {tail(), key_size_}; }
  std::string etag() const { return etag_text(etag_value_); }
  std::string_view target() const { return {tail() + key_size_, target_size_}; }
  std::string_view body() const { return {tail() + key_size_ + target_size_, body_size_}; }
  std::string_view bytes() const override { return body(); }
  /// When the response was computed, until when it is fresh and until when the backend keeps
  /// it, in milliseconds since the epoch.
  std::int64_t stored_ms() const { return stored_ms_; }
  std::int64_t fresh_until_ms() const { return stored_ms_ + fresh_for_ms_; }
  std::int64_t expires_ms() const { return stored_ms_ + keep_for_ms_; }

 private:
  friend class memory_backend;

  /// A block holding copies of the key and the entry's bytes, with no reference yet, kept for
  /// `keep_ms` from `now_ms` (an entry without times counts as computed now and fresh as long
  /// as it is kept); null when an entry cannot hold them (a key or target of 64 KB or more, an
  /// ETag not of etag_of's form).
  static memory_entry* make(std::string_view key, const entry& value, std::int64_t keep_ms, std::int64_t now_ms);
  memory_entry(std::string_view key, const entry& value, std::uint64_t etag, std::int64_t keep_ms, std::int64_t now_ms);
  ~memory_entry() override = default;
  void destroy() const override;

  const char* tail() const { return reinterpret_cast<const char*>(this + 1); }

  // The backend's bookkeeping, guarded by the lock of the shard holding the entry (the use
  // count first: it fills the base's padding).
  std::uint32_t uses_ = 0;
  memory_entry* newer_ = nullptr;
  memory_entry* older_ = nullptr;
  memory_entry* next_in_bucket_ = nullptr;

  std::uint64_t etag_value_;
  std::int64_t stored_ms_;
  std::uint32_t fresh_for_ms_;
  std::uint32_t keep_for_ms_;
  std::uint32_t body_size_;
  std::uint16_t key_size_;
  std::uint16_t target_size_;
};

}  // namespace zomato::cache
