#pragma once

#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <chrono>
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
  using clock = std::chrono::steady_clock;

  /// What a block for the key and entry costs as the allocator hands it out.
  static std::size_t block_bytes(std::string_view key, const entry& value);
  /// What this entry's block costs.
  std::size_t block_bytes() const;

  std::string_view key() const { return {tail(), key_size_}; }
  std::string etag() const { return etag_text(etag_value_); }
  std::string_view target() const { return {tail() + key_size_, target_size_}; }
  std::string_view body() const { return {tail() + key_size_ + target_size_, body_size_}; }
  std::string_view bytes() const override { return body(); }

 private:
  friend class memory_backend;

  /// A block holding copies of the key and the entry's bytes, with no reference yet; null
  /// when an entry cannot hold them (a key or target of 64 KB or more, an ETag not of
  /// etag_of's form).
  static memory_entry* make(std::string_view key, const entry& value);
  memory_entry(std::string_view key, const entry& value, std::uint64_t etag);
  ~memory_entry() override = default;
  void destroy() const override;

  const char* tail() const { return reinterpret_cast<const char*>(this + 1); }

  // The backend's bookkeeping, guarded by the lock of the shard holding the entry (the use
  // count first: it fills the base's padding).
  std::uint32_t uses_ = 0;
  memory_entry* newer_ = nullptr;
  memory_entry* older_ = nullptr;
  memory_entry* next_in_bucket_ = nullptr;
  clock::time_point expires_{};
  clock::duration ttl_{};

  std::uint64_t etag_value_;
  std::uint32_t body_size_;
  std::uint16_t key_size_;
  std::uint16_t target_size_;
};

}  // namespace zomato::cache
