#include "cache/two_level_store.hpp"

#include "domain/text.hpp"

namespace zomato::cache {

two_level_store::two_level_store(const cache_settings& settings)
    : memory_enabled_(settings.memory_enabled),
      memory_ttl_with_redis_(settings.memory_ttl_with_redis),
      prefix_(settings.prefix),
      memory_(settings.memory_bytes) {
  if (settings.redis) redis_ = std::make_unique<redis_backend>(*settings.redis);
}

memory_backend::stored two_level_store::from_memory(std::string_view key, std::int64_t now_ms) {
  return memory_enabled_ ? memory_.get(key, now_ms) : nullptr;
}

void two_level_store::keep_in_memory(const std::string& key, const entry& value, std::chrono::seconds lifetime) {
  if (memory_enabled_) memory_.put(key, value, memory_ttl(lifetime));
}

void two_level_store::put(const std::string& key, const entry& value, std::chrono::seconds lifetime,
                          std::uint64_t epoch) {
  if (memory_enabled_) memory_.put(key, value, memory_ttl(lifetime));
  if (redis_) redis_->put(remote_key(key, epoch), value, lifetime);
}

std::string two_level_store::remote_key(std::string_view key, std::uint64_t epoch) const {
  std::string out;
  out.reserve(prefix_.size() + 24 + key.size());
  out += prefix_;
  out += ':';
  domain::append_integer(out, epoch);
  out += ':';
  out += key;
  return out;
}

std::int64_t two_level_store::remove_if(const std::function<bool(std::string_view key)>& unwanted,
                                        std::uint64_t epoch) {
  auto removed = static_cast<std::int64_t>(
      memory_.sweep([&](const memory_backend::visit& v) { return v.expired || unwanted(v.key); }));
  if (redis_) {
    const auto current = remote_key("", epoch);
    // Only entries: the fleet's generations and channel share the prefix but not its form.
    removed += redis_->unlink_if(prefix_ + ":[0-9]*:*", [&](const std::string& key) {
      return key.compare(0, current.size(), current) != 0 || unwanted(std::string_view(key).substr(current.size()));
    });
  }
  return removed;
}

redis_backend::key_stats two_level_store::remote_stats(std::string_view key_prefix, std::uint64_t epoch) {
  if (!redis_) return {};
  return redis_->scan_stats(remote_key(key_prefix, epoch) + "*");
}

}  // namespace zomato::cache
