#include "cache/memory_backend.hpp"

#include <algorithm>

namespace zomato::cache {

memory_backend::memory_backend(std::size_t max_bytes) : max_bytes_(max_bytes) {}

namespace {

// A glibc heap block holding `bytes`: an 8-byte header, 16-byte alignment, 32 bytes at least.
constexpr std::size_t block(std::size_t bytes) { return std::max<std::size_t>(32, (bytes + 8 + 15) / 16 * 16); }

// A string's own buffer when it is too long for the in-object (short string) storage.
std::size_t heap_of(const std::string& text) {
  return text.capacity() > std::string().capacity() ? block(text.capacity() + 1) : 0;
}

}  // namespace

std::size_t memory_backend::cost_of(const std::string& key, const entry& value) {
  constexpr std::size_t pointer = sizeof(void*);
  constexpr std::size_t recency_node = block(sizeof(node) + 2 * pointer);
  // The map's node (next link, key view, position, cached hash) and its bucket.
  constexpr std::size_t index_slot = block(pointer + sizeof(std::string_view) + pointer + sizeof(std::size_t)) + pointer;
  // make_shared: the entry next to its reference counts.
  constexpr std::size_t shared_entry = block(sizeof(entry) + 2 * sizeof(int) + pointer);
  return recency_node + index_slot + shared_entry + heap_of(key) + heap_of(value.body) + heap_of(value.etag) +
         heap_of(value.target);
}

memory_backend::shard& memory_backend::shard_for(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % shard_count];
}

void memory_backend::drop(shard& s, std::list<node>::iterator it) {
  s.bytes -= it->bytes;
  s.index.erase(std::string_view(it->key));
  s.recency.erase(it);
}

entry_ptr memory_backend::get(const std::string& key) {
  auto& s = shard_for(key);
  std::lock_guard guard(s.lock);
  const auto found = s.index.find(key);
  if (found == s.index.end()) return nullptr;
  const auto it = found->second;
  if (it->expires <= clock::now()) {
    drop(s, it);
    return nullptr;
  }
  ++it->uses;
  s.recency.splice(s.recency.begin(), s.recency, it);
  return it->value;
}

void memory_backend::put(const std::string& key, entry_ptr value, clock::duration ttl) {
  const auto bytes = cost_of(key, *value);
  const auto budget = max_bytes_ / shard_count;
  if (bytes > budget) return;
  auto& s = shard_for(key);
  std::lock_guard guard(s.lock);
  std::uint64_t uses = 0;
  if (const auto found = s.index.find(key); found != s.index.end()) {
    uses = found->second->uses;
    drop(s, found->second);
  }
  while (s.bytes + bytes > budget && !s.recency.empty()) drop(s, std::prev(s.recency.end()));
  s.recency.push_front(node{key, std::move(value), clock::now() + ttl, bytes, uses, ttl});
  s.index.emplace(std::string_view(s.recency.front().key), s.recency.begin());
  s.bytes += bytes;
}

std::size_t memory_backend::sweep(const std::function<bool(const visit&)>& remove) {
  std::size_t removed = 0;
  const auto now = clock::now();
  for (auto& s : shards_) {
    std::lock_guard guard(s.lock);
    for (auto it = s.recency.begin(); it != s.recency.end();) {
      const auto next = std::next(it);
      if (remove(visit{it->key, *it->value, it->expires <= now, it->uses, it->bytes, it->expires - now, it->ttl})) {
        drop(s, it);
        ++removed;
      }
      it = next;
    }
  }
  return removed;
}

void memory_backend::inspect(const std::function<void(const visit&)>& see) const {
  const auto now = clock::now();
  for (const auto& s : shards_) {
    std::lock_guard guard(s.lock);
    for (const auto& n : s.recency) see(visit{n.key, *n.value, n.expires <= now, n.uses, n.bytes, n.expires - now, n.ttl});
  }
}

void memory_backend::clear() {
  for (auto& s : shards_) {
    std::lock_guard guard(s.lock);
    s.recency.clear();
    s.index.clear();
    s.bytes = 0;
  }
}

std::size_t memory_backend::bytes() const {
  std::size_t total = 0;
  for (const auto& s : shards_) {
    std::lock_guard guard(s.lock);
    total += s.bytes;
  }
  return total;
}

}  // namespace zomato::cache
