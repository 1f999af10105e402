#include "cache/memory_backend.hpp"

#include <algorithm>
#include <functional>

namespace zomato::cache {

memory_backend::memory_backend(std::size_t max_bytes) : max_bytes_(max_bytes) {}

namespace {

// What an entry costs beyond its block: the two pointers that link it into the LRU list.
constexpr std::size_t list_links = 2 * sizeof(void*);

}  // namespace

memory_backend::~memory_backend() { clear(); }

std::size_t memory_backend::cost_of(std::string_view key, const entry& value) {
  return memory_entry::block_bytes(key, value) + list_links;
}

std::size_t memory_backend::cost_of(const memory_entry& stored) { return stored.block_bytes() + list_links; }

std::size_t memory_backend::hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }

memory_entry*& memory_backend::bucket_of(shard& s, std::size_t hash) {
  return s.buckets[(hash / shard_count) & (s.buckets.size() - 1)];
}

memory_entry* memory_backend::find(shard& s, std::string_view key, std::size_t hash) {
  if (s.buckets.empty()) return nullptr;
  for (auto* e = bucket_of(s, hash); e != nullptr; e = e->next_in_bucket_) {
    if (e->key() == key) return e;
  }
  return nullptr;
}

void memory_backend::grow(shard& s) {
  s.buckets.assign(std::max<std::size_t>(16, s.buckets.size() * 2), nullptr);
  for (auto* e = s.newest; e != nullptr; e = e->older_) {
    auto& head = bucket_of(s, hash_of(e->key()));
    e->next_in_bucket_ = head;
    head = e;
  }
}

void memory_backend::link(shard& s, memory_entry* e, std::size_t hash) {
  if (s.count + 1 > s.buckets.size()) grow(s);
  auto& head = bucket_of(s, hash);
  e->next_in_bucket_ = head;
  head = e;
  e->older_ = s.newest;
  (s.newest != nullptr ? s.newest->newer_ : s.oldest) = e;
  s.newest = e;
  ++s.count;
}

void memory_backend::unlink_recency(shard& s, memory_entry* e) {
  (e->newer_ != nullptr ? e->newer_->older_ : s.newest) = e->older_;
  (e->older_ != nullptr ? e->older_->newer_ : s.oldest) = e->newer_;
  e->newer_ = e->older_ = nullptr;
}

void memory_backend::make_newest(shard& s, memory_entry* e) {
  if (s.newest == e) return;
  unlink_recency(s, e);
  e->older_ = s.newest;
  s.newest->newer_ = e;
  s.newest = e;
}

void memory_backend::drop(shard& s, memory_entry* e) {
  auto* link_to = &bucket_of(s, hash_of(e->key()));
  while (*link_to != e) link_to = &(*link_to)->next_in_bucket_;
  *link_to = e->next_in_bucket_;
  unlink_recency(s, e);
  --s.count;
  s.bytes -= cost_of(*e);
  intrusive_ptr_release(e);
}

void memory_backend::drop_all(shard& s) {
  for (auto* e = s.newest; e != nullptr;) {
    auto* older = e->older_;
    intrusive_ptr_release(e);
    e = older;
  }
  s.buckets = {};
  s.newest = s.oldest = nullptr;
  s.count = 0;
  s.bytes = 0;
}

memory_backend::stored memory_backend::get(std::string_view key, std::int64_t now_ms) {
  const auto hash = hash_of(key);
  auto& s = shard_for(hash);
  std::lock_guard guard(s.lock);
  auto* found = find(s, key, hash);
  if (found == nullptr) return nullptr;
  if (found->expires_ms() <= now_ms) {
    drop(s, found);
    return nullptr;
  }
  if (found->uses_ != UINT32_MAX) ++found->uses_;
  make_newest(s, found);
  return stored(found);
}

void memory_backend::put(std::string_view key, const entry& value, std::chrono::milliseconds ttl) {
  const auto budget = max_bytes_ / shard_count;
  const auto bytes = cost_of(key, value);
  if (bytes > budget) return;
  auto* fresh = memory_entry::make(key, value, ttl.count(), epoch_ms_now());
  if (fresh == nullptr) return;
  intrusive_ptr_add_ref(fresh);
  const auto hash = hash_of(key);
  auto& s = shard_for(hash);
  std::lock_guard guard(s.lock);
  if (auto* old = find(s, key, hash)) {
    fresh->uses_ = old->uses_;
    drop(s, old);
  }
  while (s.bytes + bytes > budget && s.oldest != nullptr) {
    drop(s, s.oldest);
    ++s.evictions;
  }
  link(s, fresh, hash);
  s.bytes += bytes;
}

memory_backend::visit memory_backend::visit_of(const memory_entry& e, std::int64_t now_ms) {
  return visit{e.key(), e,          e.expires_ms() <= now_ms,
               e.uses_, cost_of(e), std::chrono::milliseconds(e.expires_ms() - now_ms)};
}

std::size_t memory_backend::sweep(const std::function<bool(const visit&)>& remove) {
  std::size_t removed = 0;
  const auto now = epoch_ms_now();
  for (auto& s : shards_) {
    std::lock_guard guard(s.lock);
    for (auto* e = s.newest; e != nullptr;) {
      auto* older = e->older_;
      if (remove(visit_of(*e, now))) {
        drop(s, e);
        ++removed;
      }
      e = older;
    }
  }
  return removed;
}

void memory_backend::inspect(const std::function<void(const visit&)>& see) const {
  const auto now = epoch_ms_now();
  for (const auto& s : shards_) {
    std::lock_guard guard(s.lock);
    for (const auto* e = s.newest; e != nullptr; e = e->older_) see(visit_of(*e, now));
  }
}

void memory_backend::clear() {
  for (auto& s : shards_) {
    std::lock_guard guard(s.lock);
    drop_all(s);
  }
}

template <class Field>
Field memory_backend::total(Field shard::*field) const {
  Field sum = 0;
  for (const auto& s : shards_) {
    std::lock_guard guard(s.lock);
    sum += s.*field;
  }
  return sum;
}

std::size_t memory_backend::bytes() const { return total(&shard::bytes); }

std::uint64_t memory_backend::evictions() const { return total(&shard::evictions); }

}  // namespace zomato::cache
