#include "cache/memory_entry.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace zomato::cache {
namespace {

constexpr std::size_t short_limit = std::numeric_limits<std::uint16_t>::max();

std::size_t tail_size(std::string_view key, const entry& value) {
  return key.size() + value.target.size() + value.body.size();
}

// glibc: an 8-byte header, 16-byte alignment, 32 bytes at least.
std::size_t block_for(std::size_t asked) { return std::max<std::size_t>(32, (asked + 8 + 15) / 16 * 16); }

std::uint32_t span_of(std::int64_t ms) {
  return static_cast<std::uint32_t>(std::clamp<std::int64_t>(ms, 0, std::numeric_limits<std::uint32_t>::max()));
}

char* copy(char* to, std::string_view bytes) {
  if (!bytes.empty()) std::memcpy(to, bytes.data(), bytes.size());
  return to + bytes.size();
}

}  // namespace

static_assert(sizeof(memory_entry) <= 72, "an entry's bookkeeping stays within 72 bytes");

std::size_t memory_entry::block_bytes(std::string_view key, const entry& value) {
  return block_for(sizeof(memory_entry) + tail_size(key, value));
}

std::size_t memory_entry::block_bytes() const {
  return block_for(sizeof(memory_entry) + key_size_ + target_size_ + body_size_);
}

memory_entry* memory_entry::make(std::string_view key, const entry& value, std::int64_t keep_ms, std::int64_t now_ms) {
  const auto etag = etag_value(value.etag);
  if (!etag || key.size() > short_limit || value.target.size() > short_limit ||
      value.body.size() > std::numeric_limits<std::uint32_t>::max()) {
    return nullptr;
  }
  void* block = ::operator new(sizeof(memory_entry) + tail_size(key, value));
  return new (block) memory_entry(key, value, *etag, keep_ms, now_ms);
}

memory_entry::memory_entry(std::string_view key, const entry& value, std::uint64_t etag, std::int64_t keep_ms,
                           std::int64_t now_ms)
    : etag_value_(etag),
      stored_ms_(value.stored_ms > 0 ? value.stored_ms : now_ms),
      fresh_for_ms_(0),
      keep_for_ms_(span_of(now_ms - stored_ms_ + keep_ms)),
      body_size_(static_cast<std::uint32_t>(value.body.size())),
      key_size_(static_cast<std::uint16_t>(key.size())),
      target_size_(static_cast<std::uint16_t>(value.target.size())) {
  fresh_for_ms_ = value.fresh_until_ms > 0 ? span_of(value.fresh_until_ms - stored_ms_) : keep_for_ms_;
  auto* to = reinterpret_cast<char*>(this + 1);
  to = copy(to, key);
  to = copy(to, value.target);
  copy(to, value.body);
}

void memory_entry::destroy() const {
  auto* self = const_cast<memory_entry*>(this);
  self->~memory_entry();
  ::operator delete(static_cast<void*>(self));
}

}  // namespace zomato::cache
