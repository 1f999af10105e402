#include "cache/redis_backend.hpp"

#include <hiredis.h>

#include <cstdlib>

namespace zomato::cache {
namespace {

using steady = std::chrono::steady_clock;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(steady::now().time_since_epoch()).count();
}

struct reply_deleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

template <class... Args>
reply_ptr command(redisContext* context, const char* format, Args... args) {
  return reply_ptr(static_cast<redisReply*>(redisCommand(context, format, args...)));
}

// "key:value" lines of INFO.
std::string info_field(const std::string& text, const std::string& name) {
  const auto at = text.find(name + ":");
  if (at == std::string::npos) return {};
  const auto start = at + name.size() + 1;
  return text.substr(start, text.find("\r\n", start) - start);
}

}  // namespace

struct redis_backend::connection {
  redis_context context;
  std::uint64_t generation = 0;  // the failure count when it was opened
};

redis_backend::redis_backend(redis_settings settings) : settings_(std::move(settings)) {}

redis_backend::~redis_backend() = default;

std::string redis_backend::last_error() const {
  std::lock_guard guard(pool_lock_);
  return last_error_;
}

bool redis_backend::available() const { return now_ms() >= paused_until_.load(); }

void redis_backend::report_failure(const std::string& why) {
  ++failures_;
  paused_until_.store(now_ms() + settings_.retry_after.count());
  std::lock_guard guard(pool_lock_);
  last_error_ = why;
  idle_.clear();
}

std::unique_ptr<redis_backend::connection> redis_backend::acquire() {
  {
    std::lock_guard guard(pool_lock_);
    if (!idle_.empty()) {
      auto ready = std::move(idle_.back());
      idle_.pop_back();
      return ready;
    }
  }
  auto fresh = std::make_unique<connection>();
  fresh->generation = failures_.load();
  std::string error;
  fresh->context = connect_redis(settings_, error);
  if (!fresh->context) {
    report_failure(error);
    return nullptr;
  }
  return fresh;
}

void redis_backend::release(std::unique_ptr<connection> used) {
  // A connection opened before the last failure may be broken too: it is not reused.
  if (used->generation != failures_.load()) return;
  std::lock_guard guard(pool_lock_);
  idle_.push_back(std::move(used));
}

bool redis_backend::with_connection(const std::function<bool(redisContext*)>& work) {
  if (!available()) return false;
  auto link = acquire();
  if (!link) return false;
  if (!work(link->context.get())) {
    report_failure(link->context->err ? link->context->errstr : "unexpected reply");
    return false;
  }
  release(std::move(link));
  return true;
}

void redis_backend::record_usage(const std::string& key, const std::vector<std::pair<std::string, double>>& uses,
                                 std::chrono::system_clock::time_point at, std::chrono::duration<double> half_life,
                                 std::size_t keep) {
  // KEYS: the scores and when they last faded. ARGV: now and the half-life in seconds, how many
  // to keep, then member and score pairs.
  static constexpr const char* script = R"lua(
local now = tonumber(ARGV[1])
local faded = tonumber(redis.call('GET', KEYS[2]))
if faded and now > faded then
  redis.call('ZUNIONSTORE', KEYS[1], 1, KEYS[1], 'WEIGHTS', 2 ^ (-(now - faded) / tonumber(ARGV[2])))
end
if not faded or now > faded then redis.call('SET', KEYS[2], ARGV[1]) end
for i = 4, #ARGV, 2 do redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]) end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
return 1
)lua";
  const auto faded_key = key + ":faded";
  const auto now = std::to_string(std::chrono::duration<double>(at.time_since_epoch()).count());
  const auto half_life_text = std::to_string(half_life.count());
  const auto keep_text = std::to_string(keep);
  std::vector<std::string> scores;
  scores.reserve(uses.size());
  std::vector<const char*> words{
      "EVAL", script, "2", key.c_str(), faded_key.c_str(), now.c_str(), half_life_text.c_str(), keep_text.c_str()};
  for (const auto& [member, score] : uses) {
    scores.push_back(std::to_string(score));
    words.push_back(member.c_str());
    words.push_back(scores.back().c_str());
  }
  with_connection([&](redisContext* context) {
    const reply_ptr reply(
        static_cast<redisReply*>(redisCommandArgv(context, static_cast<int>(words.size()), words.data(), nullptr)));
    return reply && reply->type != REDIS_REPLY_ERROR;
  });
}

std::vector<std::pair<std::string, double>> redis_backend::top_usage(const std::string& key, std::size_t limit) {
  std::vector<std::pair<std::string, double>> found;
  if (limit == 0) return found;
  with_connection([&](redisContext* context) {
    const auto reply =
        command(context, "ZREVRANGE %b 0 %lld WITHSCORES", key.data(), key.size(), static_cast<long long>(limit) - 1);
    if (!reply || reply->type != REDIS_REPLY_ARRAY) return false;
    for (std::size_t i = 0; i + 1 < reply->elements; i += 2) {
      const auto* member = reply->element[i];
      const auto* score = reply->element[i + 1];
      found.emplace_back(std::string(member->str, member->len), std::strtod(score->str, nullptr));
    }
    return true;
  });
  return found;
}

std::optional<entry> redis_backend::get(const std::string& key) {
  std::optional<entry> found;
  with_connection([&](redisContext* context) {
    const auto reply = command(context, "GET %b", key.data(), key.size());
    if (!reply) return false;
    if (reply->type == REDIS_REPLY_STRING) found = entry_from_stored({reply->str, reply->len});
    return reply->type != REDIS_REPLY_ERROR;
  });
  return found;
}

void redis_backend::put(const std::string& key, const entry& value, std::chrono::seconds ttl) {
  const std::string stored = stored_form(value);
  with_connection([&](redisContext* context) {
    const auto reply = command(context, "SET %b %b EX %lld", key.data(), key.size(), stored.data(), stored.size(),
                               static_cast<long long>(ttl.count()));
    return reply && reply->type != REDIS_REPLY_ERROR;
  });
}

redis_info redis_backend::info() {
  redis_info result;
  with_connection([&](redisContext* context) {
    const auto started = steady::now();
    const auto pong = command(context, "PING");
    if (!pong || pong->type == REDIS_REPLY_ERROR) return false;
    result.ping_ms = std::chrono::duration<double, std::milli>(steady::now() - started).count();
    const auto reply = command(context, "INFO");
    if (!reply || reply->type != REDIS_REPLY_STRING) return false;
    const std::string text(reply->str, reply->len);
    result.connected = true;
    result.version = info_field(text, "redis_version");
    result.uptime_seconds = std::atoll(info_field(text, "uptime_in_seconds").c_str());
    result.connected_clients = std::atoll(info_field(text, "connected_clients").c_str());
    result.used_memory = std::atoll(info_field(text, "used_memory").c_str());
    result.used_memory_human = info_field(text, "used_memory_human");
    result.max_memory = std::atoll(info_field(text, "maxmemory").c_str());
    return true;
  });
  return result;
}

bool redis_backend::scan(redisContext* context, const std::string& pattern,
                         const std::function<void(std::string_view)>& each) {
  std::string cursor = "0";
  do {
    const auto page = command(context, "SCAN %s MATCH %b COUNT 1000", cursor.c_str(), pattern.data(), pattern.size());
    if (!page || page->type != REDIS_REPLY_ARRAY || page->elements != 2) return false;
    cursor = page->element[0]->str;
    const auto* keys = page->element[1];
    for (std::size_t i = 0; i < keys->elements; ++i) each({keys->element[i]->str, keys->element[i]->len});
  } while (cursor != "0");
  return true;
}

redis_backend::key_stats redis_backend::scan_stats(const std::string& pattern) {
  key_stats stats;
  with_connection([&](redisContext* context) {
    return scan(context, pattern, [&](std::string_view key) {
      ++stats.keys;
      const auto usage = command(context, "MEMORY USAGE %b", key.data(), key.size());
      if (usage && usage->type == REDIS_REPLY_INTEGER) stats.bytes += usage->integer;
      const auto length = command(context, "STRLEN %b", key.data(), key.size());
      if (length && length->type == REDIS_REPLY_INTEGER) stats.value_bytes += length->integer;
    });
  });
  return stats;
}

std::int64_t redis_backend::unlink_if(const std::string& pattern,
                                      const std::function<bool(const std::string&)>& unwanted) {
  std::int64_t removed = 0;
  with_connection([&](redisContext* context) {
    return scan(context, pattern, [&](std::string_view key) {
      if (!unwanted(std::string(key))) return;
      const auto unlinked = command(context, "UNLINK %b", key.data(), key.size());
      if (unlinked && unlinked->type == REDIS_REPLY_INTEGER) removed += unlinked->integer;
    });
  });
  return removed;
}

}  // namespace zomato::cache
