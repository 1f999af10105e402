#include "cache/two_level_store.hpp"

#include <cstdio>
#include <random>

namespace zomato::cache {
namespace {

std::string random_epoch() {
  std::random_device source;
  char text[20];
  std::snprintf(text, sizeof text, "%08x%08x", source(), source());
  return text;
}

}  // namespace

two_level_store::two_level_store(const cache_settings& settings)
    : memory_enabled_(settings.memory_enabled),
      memory_ttl_with_redis_(settings.memory_ttl_with_redis),
      prefix_(settings.prefix),
      remote_prefix_(settings.prefix + ":" + random_epoch() + ":"),
      memory_(settings.memory_bytes) {
  if (settings.redis) redis_ = std::make_unique<redis_backend>(*settings.redis);
}

memory_backend::stored two_level_store::from_memory(std::string_view key) {
  return memory_enabled_ ? memory_.get(key) : nullptr;
}

void two_level_store::keep_in_memory(const std::string& key, const entry& value, std::chrono::seconds lifetime) {
  if (memory_enabled_) memory_.put(key, value, memory_ttl(lifetime));
}

void two_level_store::put(const std::string& key, const entry& value, std::chrono::seconds lifetime) {
  if (memory_enabled_) memory_.put(key, value, memory_ttl(lifetime));
  if (redis_) redis_->put(remote_key(key), value, lifetime);
}

std::int64_t two_level_store::remove_if(const std::function<bool(std::string_view key)>& unwanted) {
  auto removed = static_cast<std::int64_t>(
      memory_.sweep([&](const memory_backend::visit& v) { return v.expired || unwanted(v.key); }));
  if (redis_) {
    removed += redis_->unlink_if(prefix_ + ":*", [&](const std::string& key) {
      return key.compare(0, remote_prefix_.size(), remote_prefix_) != 0 ||
             unwanted(std::string_view(key).substr(remote_prefix_.size()));
    });
  }
  return removed;
}

redis_backend::key_stats two_level_store::remote_stats(std::string_view key_prefix) {
  if (!redis_) return {};
  return redis_->scan_stats(remote_key(key_prefix) + "*");
}

}  // namespace zomato::cache
