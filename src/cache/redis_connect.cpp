#include "cache/redis_connect.hpp"

#include <hiredis.h>

namespace zomato::cache {
namespace {

timeval to_timeval(std::chrono::milliseconds span) {
  return {static_cast<time_t>(span.count() / 1000), static_cast<suseconds_t>((span.count() % 1000) * 1000)};
}

// Runs a setup command; false with `error` set unless Redis accepted it.
template <class... Args>
bool accepted(redisContext* context, std::string& error, const char* format, Args... args) {
  auto* reply = static_cast<redisReply*>(redisCommand(context, format, args...));
  const bool fine = reply && reply->type != REDIS_REPLY_ERROR;
  if (!fine) error = reply ? std::string(reply->str, reply->len) : context->errstr;
  if (reply) freeReplyObject(reply);
  return fine;
}

}  // namespace

void redis_context_deleter::operator()(redisContext* context) const { redisFree(context); }

redis_context connect_redis(const redis_settings& settings, std::string& error) {
  redis_context context(redisConnectWithTimeout(settings.host.c_str(), settings.port, to_timeval(settings.timeout)));
  if (!context || context->err) {
    error = context ? context->errstr : "cannot allocate a Redis context";
    return nullptr;
  }
  redisSetTimeout(context.get(), to_timeval(settings.timeout));
  if (!settings.password.empty() && !accepted(context.get(), error, "AUTH %s", settings.password.c_str())) {
    return nullptr;
  }
  if (settings.database != 0 && !accepted(context.get(), error, "SELECT %d", settings.database)) return nullptr;
  return context;
}

}  // namespace zomato::cache
