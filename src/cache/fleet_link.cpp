#include "cache/fleet_link.hpp"

#include <hiredis.h>
#include <poll.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <deque>
#include <random>

namespace zomato::cache {
namespace {

constexpr std::size_t delivery_samples = 4096;

// KEYS: generations hash, scopes words, channel, announced write numbers (a set). ARGV[1]: the
// message's header, then items: "n<namespace>", "s<slot>", "e" (the epoch), "w<number>" (a write
// announced), "W<count>" (every write up to the count is covered: the epoch moves on unless all of
// them were announced). Publishes and returns "<header> <item>=<value> ...", with "w=<count>", the
// count up to which every write was announced, when it may have moved.
constexpr const char* move_script = R"lua(
local out = {ARGV[1]}
local written = tonumber(redis.call('HGET', KEYS[1], 'written') or '0')
local epoch_moved, counted = false, false
local function move_epoch()
  if not epoch_moved then
    out[#out + 1] = 'e=' .. string.format('%d', redis.call('HINCRBY', KEYS[1], 'epoch', 1))
    epoch_moved = true
  end
end
for i = 2, #ARGV do
  local item = ARGV[i]
  local kind, name = string.sub(item, 1, 1), string.sub(item, 2)
  if kind == 'n' then
    out[#out + 1] = item .. '=' .. string.format('%d', redis.call('HINCRBY', KEYS[1], name, 1))
  elseif kind == 's' then
    local value = redis.call('BITFIELD', KEYS[2], 'INCRBY', 'u32', '#' .. name, 1)[1]
    out[#out + 1] = item .. '=' .. string.format('%d', value)
  elseif kind == 'e' then
    move_epoch()
  elseif kind == 'w' then
    if tonumber(name) > written then redis.call('SADD', KEYS[4], name) end
    counted = true
  elseif kind == 'W' then
    if tonumber(name) > written then
      move_epoch()
      written = tonumber(name)
      for _, number in ipairs(redis.call('SMEMBERS', KEYS[4])) do
        if tonumber(number) <= written then redis.call('SREM', KEYS[4], number) end
      end
    end
    counted = true
  end
end
if counted then
  while redis.call('SREM', KEYS[4], string.format('%d', written + 1)) == 1 do written = written + 1 end
  redis.call('HSET', KEYS[1], 'written', string.format('%d', written))
  out[#out + 1] = 'w=' .. string.format('%d', written)
end
local message = table.concat(out, ' ')
redis.call('PUBLISH', KEYS[3], message)
return message
)lua";

struct reply_deleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

std::int64_t steady_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t wall_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string random_node_name() {
  std::random_device source;
  char text[20];
  std::snprintf(text, sizeof text, "%08x%08x", source(), source());
  return text;
}

template <class Number>
bool parse(std::string_view text, Number& out) {
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), out);
  return failure == std::errc() && end == text.data() + text.size();
}

// The next word of `text` (separated by spaces), consumed.
std::string_view next_word(std::string_view& text) {
  const auto end = text.find(' ');
  const auto word = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return word;
}

bool write_all(redisContext* context) {
  int done = 0;
  while (!done) {
    if (redisBufferWrite(context, &done) != REDIS_OK) return false;
  }
  return true;
}

}  // namespace

fleet_link::fleet_link(redis_settings settings, const std::string& prefix, std::chrono::milliseconds bound,
                       generations& local, std::function<void()> forget_memory, write_ledger ledger)
    : settings_(std::move(settings)),
      generations_key_(prefix + ":generations"),
      scopes_key_(prefix + ":scopes"),
      channel_(prefix + ":invalidations"),
      announced_key_(prefix + ":announced"),
      bound_(bound),
      heartbeat_(std::max<std::chrono::microseconds>(std::chrono::milliseconds(1), bound_ / 5)),
      local_(local),
      forget_memory_(std::move(forget_memory)),
      ledger_(std::move(ledger)),
      grace_(std::max<std::chrono::microseconds>(std::chrono::seconds(1), 4 * bound_)),
      node_(random_node_name()),
      thread_([this] { run(); }) {}

fleet_link::~fleet_link() {
  {
    std::lock_guard guard(stop_lock_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  thread_.join();
}

bool fleet_link::usable() const {
  return synced_.load(std::memory_order_acquire) &&
         steady_us() - confirmed_us_.load(std::memory_order_acquire) <= bound_.count();
}

bool fleet_link::wait_usable(std::chrono::milliseconds cap) const {
  const auto until = std::chrono::steady_clock::now() + cap;
  while (!usable()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::optional<std::string> fleet_link::move(const std::vector<std::string>& items) {
  std::lock_guard guard(command_lock_);
  return move_holding_connection(items);
}

std::optional<std::string> fleet_link::move_holding_connection(const std::vector<std::string>& items) {
  if (!command_) {
    std::string error;
    command_ = connect_redis(settings_, error);
    if (!command_) return std::nullopt;
  }
  // Stamped once the connection is this batch's: what others measure is Redis and the channel.
  const auto header = std::to_string(wall_us()) + " " + node_;
  std::vector<const char*> words{"EVAL",
                                 move_script,
                                 "4",
                                 generations_key_.c_str(),
                                 scopes_key_.c_str(),
                                 channel_.c_str(),
                                 announced_key_.c_str(),
                                 header.c_str()};
  for (const auto& item : items) words.push_back(item.c_str());
  const reply_ptr reply(static_cast<redisReply*>(
      redisCommandArgv(command_.get(), static_cast<int>(words.size()), words.data(), nullptr)));
  if (!reply || reply->type != REDIS_REPLY_STRING) {
    command_.reset();
    return std::nullopt;
  }
  return std::string(reply->str, reply->len);
}

void fleet_link::publish(const generation_moves& moves, const std::vector<std::uint64_t>& numbers) {
  if (moves.empty() && numbers.empty()) return;
  std::vector<std::string> items;
  items.reserve(moves.namespaces.size() + moves.scope_slots.size() + numbers.size());
  for (const auto ns : moves.namespaces) items.push_back("n" + std::to_string(static_cast<std::size_t>(ns)));
  for (const auto slot : moves.scope_slots) items.push_back("s" + std::to_string(slot));
  for (const auto number : numbers) items.push_back("w" + std::to_string(number));
  send(std::move(items));
}

void fleet_link::forget_everything() { send({"e"}); }

void fleet_link::send(std::vector<std::string> items) {
  const bool announces_writes =
      std::any_of(items.begin(), items.end(), [](const std::string& item) { return item.front() == 'w'; });
  {
    std::unique_lock guard(state_lock_);
    if (!synced_) {
      ++missed_;  // the epoch moves on when the link is back
      guard.unlock();
      if (announces_writes) mark_unannounced();
      return;
    }
  }
  const auto started = steady_us();
  std::uint64_t ticket = 0;
  {
    std::lock_guard guard(queue_lock_);
    ticket = ++queued_up_to_;
    queued_items_.insert(queued_items_.end(), std::make_move_iterator(items.begin()),
                         std::make_move_iterator(items.end()));
  }
  {
    // Whoever holds the connection sends what every write queued meanwhile, in one script; a
    // write whose items went out with another's is applied by the time it gets the connection.
    std::lock_guard connection(command_lock_);
    std::vector<std::string> batch;
    std::uint64_t batch_up_to = 0;
    {
      std::lock_guard guard(queue_lock_);
      if (sent_up_to_ < ticket) {
        batch.swap(queued_items_);
        batch_up_to = queued_up_to_;
      }
    }
    if (!batch.empty()) {
      std::sort(batch.begin(), batch.end());
      batch.erase(std::unique(batch.begin(), batch.end()), batch.end());
      const auto sent = move_holding_connection(batch);
      {
        std::lock_guard guard(queue_lock_);
        sent_up_to_ = batch_up_to;
        if (!sent) failed_up_to_ = batch_up_to;
      }
      if (sent) {
        apply(*sent);
      } else {
        ++bump_failures_;
        lose(true);
      }
    }
  }
  // Outside the connection's lock: the mark waits for a write group that other writes, on their
  // way here, may end. One mark covers every write of the batches that failed before it.
  std::uint64_t failed_through = 0;
  {
    std::lock_guard guard(queue_lock_);
    if (ticket <= failed_up_to_ && ticket > marked_up_to_) failed_through = failed_up_to_;
  }
  if (failed_through != 0 && announces_writes && mark_unannounced()) {
    std::lock_guard guard(queue_lock_);
    marked_up_to_ = std::max(marked_up_to_, failed_through);
  }
  ++bumps_;
  bump_total_us_ += static_cast<std::uint64_t>(steady_us() - started);
}

void fleet_link::apply(std::string_view message) {
  std::int64_t sent_us = 0;
  if (!parse(next_word(message), sent_us)) return;
  if (next_word(message) != node_) record_delivery(static_cast<double>(wall_us() - sent_us) / 1000.0);
  while (!message.empty()) {
    const auto item = next_word(message);
    const auto equals = item.find('=');
    if (item.empty() || equals == std::string_view::npos) continue;
    const auto name = item.substr(1, equals - 1);
    std::uint64_t value = 0;
    if (!parse(item.substr(equals + 1), value)) continue;
    std::size_t index = 0;
    if (item[0] == 'e') {
      if (local_.raise_epoch(value)) forget_memory_();
    } else if (item[0] == 'w') {
      hear_written(value);
    } else if (item[0] == 'n' && parse(name, index) && index < namespace_count) {
      local_.raise_namespace(static_cast<cache_namespace>(index), value);
    } else if (item[0] == 's' && parse(name, index) && index < scope_generations::slot_count) {
      local_.raise_scope(index, static_cast<std::uint32_t>(value));
    }
  }
}

void fleet_link::hear_written(std::uint64_t through) {
  auto heard = heard_written_.load();
  while (heard < through && !heard_written_.compare_exchange_weak(heard, through)) {
  }
}

std::optional<services::write_tally> fleet_link::counted_writes() const {
  if (!ledger_.read) return std::nullopt;
  return ledger_.read();
}

bool fleet_link::mark_unannounced() { return ledger_.mark_unannounced && ledger_.mark_unannounced(); }

bool fleet_link::check_announced() {
  const auto counted = counted_writes();
  if (!counted) return true;
  const bool marked = marks_seen_ && counted->unannounced != *marks_seen_;
  marks_seen_ = counted->unannounced;
  if (!marked) {
    const auto heard = heard_written_.load();
    if (counted->writes <= heard) return true;
    const auto now = steady_us();
    if (awaited_ <= heard) {  // the writes awaited before were heard of: wait for these now
      awaited_ = counted->writes;
      awaited_since_us_ = now;
      return true;
    }
    if (now - awaited_since_us_ <= grace_.count()) return true;
  }
  ++unannounced_found_;
  awaited_ = 0;
  const auto sent = move({"W" + std::to_string(counted->writes)});
  if (!sent) {
    lose(true);
    return false;
  }
  apply(*sent);
  return true;
}

void fleet_link::lose(bool missed) {
  std::lock_guard guard(state_lock_);
  if (missed || synced_) ++missed_;
  synced_ = false;
}

void fleet_link::record_delivery(double ms) {
  ++messages_;
  std::lock_guard guard(delivery_lock_);
  if (recent_delivery_ms_.size() < delivery_samples) {
    recent_delivery_ms_.push_back(ms);
  } else {
    recent_delivery_ms_[deliveries_ % delivery_samples] = ms;
  }
  ++deliveries_;
  max_delivery_ms_ = std::max(max_delivery_ms_, ms);
}

void fleet_link::run() {
  const auto retry = std::min<std::chrono::microseconds>(bound_, std::chrono::milliseconds(100));
  while (!stopping_) {
    session();
    connected_ = false;
    lose(false);
    std::unique_lock wait(stop_lock_);
    stop_signal_.wait_for(wait, retry, [this] { return stopping_.load(); });
  }
}

bool fleet_link::session() {
  std::string error;
  const auto subscription = connect_redis(settings_, error);
  if (!subscription) return false;
  const reply_ptr subscribed(
      static_cast<redisReply*>(redisCommand(subscription.get(), "SUBSCRIBE %b", channel_.data(), channel_.size())));
  if (!subscribed || subscribed->type != REDIS_REPLY_ARRAY) return false;
  connected_ = true;
  if (!resync()) return false;
  listen(subscription.get());
  return true;
}

bool fleet_link::resync() {
  while (!stopping_) {
    std::uint64_t missed = 0;
    {
      std::lock_guard guard(state_lock_);
      missed = missed_;
    }
    // Read before any move: a mark made after it is acted on at the first heartbeat.
    const auto counted = counted_writes();
    if (missed > 0) {
      // The epoch covers this node's unannounced writes too: all are counted by now.
      std::vector<std::string> items{"e"};
      if (counted) items.push_back("W" + std::to_string(counted->writes));
      if (!move(items)) return false;
    }
    const auto started = steady_us();
    std::array<std::uint64_t, namespace_count> of_namespaces{};
    std::uint64_t epoch = 0;
    std::uint64_t written = 0;
    {
      std::lock_guard guard(command_lock_);
      if (!command_) {
        std::string error;
        command_ = connect_redis(settings_, error);
        if (!command_) return false;
      }
      auto* context = command_.get();
      redisAppendCommand(context, "HGETALL %b", generations_key_.data(), generations_key_.size());
      redisAppendCommand(context, "GET %b", scopes_key_.data(), scopes_key_.size());
      void* raw_fields = nullptr;
      void* raw_scopes = nullptr;
      if (redisGetReply(context, &raw_fields) != REDIS_OK || redisGetReply(context, &raw_scopes) != REDIS_OK) {
        command_.reset();
        return false;
      }
      const reply_ptr fields(static_cast<redisReply*>(raw_fields));
      const reply_ptr scopes(static_cast<redisReply*>(raw_scopes));
      if (fields->type != REDIS_REPLY_ARRAY ||
          (scopes->type != REDIS_REPLY_STRING && scopes->type != REDIS_REPLY_NIL)) {
        return false;
      }
      for (std::size_t i = 0; i + 1 < fields->elements; i += 2) {
        const std::string_view name(fields->element[i]->str, fields->element[i]->len);
        std::uint64_t value = 0;
        if (!parse(std::string_view(fields->element[i + 1]->str, fields->element[i + 1]->len), value)) continue;
        std::size_t index = 0;
        if (name == "epoch") {
          epoch = value;
        } else if (name == "written") {
          written = value;
        } else if (parse(name, index) && index < namespace_count) {
          of_namespaces[index] = value;
        }
      }
      local_.replace(of_namespaces,
                     scopes->type == REDIS_REPLY_STRING ? std::string_view(scopes->str, scopes->len) : "", epoch);
    }
    forget_memory_();
    std::lock_guard guard(state_lock_);
    if (missed_ != missed) continue;  // a change went unpublished meanwhile: move the epoch again
    missed_ = 0;
    heard_written_ = written;
    awaited_ = 0;
    marks_seen_ = counted ? std::optional(counted->unannounced) : std::nullopt;
    confirmed_us_ = started;
    synced_ = true;
    ++resyncs_;
    return true;
  }
  return false;
}

void fleet_link::listen(redisContext* subscription) {
  const auto lost_after = 4 * std::max<std::chrono::microseconds>(bound_, settings_.timeout);
  std::deque<std::int64_t> pings;  // sending times of the PINGs not answered yet
  auto next_ping = steady_us();
  while (!stopping_ && synced_) {
    auto now = steady_us();
    if (now >= next_ping) {
      redisAppendCommand(subscription, "PING");
      if (!write_all(subscription)) return;
      pings.push_back(now);
      next_ping = now + heartbeat_.count();
      if (!check_announced()) return;
    }
    if (!pings.empty() && now - pings.front() > lost_after.count()) return;
    pollfd watched{subscription->fd, POLLIN, 0};
    const auto wait_ms = std::max<std::int64_t>(1, (next_ping - now + 999) / 1000);
    if (::poll(&watched, 1, static_cast<int>(wait_ms)) < 0) return;
    if ((watched.revents & POLLIN) == 0) continue;
    if (redisBufferRead(subscription) != REDIS_OK) return;
    while (true) {
      void* raw = nullptr;
      if (redisGetReplyFromReader(subscription, &raw) != REDIS_OK) return;
      if (!raw) break;
      const reply_ptr reply(static_cast<redisReply*>(raw));
      if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 1) continue;
      const std::string_view kind(reply->element[0]->str, reply->element[0]->len);
      if (kind == "message" && reply->elements == 3) {
        apply(std::string_view(reply->element[2]->str, reply->element[2]->len));
      } else if (kind == "pong" && !pings.empty()) {
        confirmed_us_.store(pings.front(), std::memory_order_release);
        pings.pop_front();
      }
    }
  }
}

services::fleet_figures fleet_link::figures() const {
  services::fleet_figures f;
  f.node = node_;
  f.bound_ms = std::chrono::duration_cast<std::chrono::milliseconds>(bound_).count();
  f.state = usable() ? "synced" : synced_ ? "late" : connected_ ? "resyncing" : "down";
  f.confirmed_ms_ago = synced_ ? (steady_us() - confirmed_us_.load()) / 1000 : 0;
  f.messages_received = messages_.load();
  f.resyncs = resyncs_.load();
  f.bumps = bumps_.load();
  f.bump_failures = bump_failures_.load();
  f.unannounced_writes_found = unannounced_found_.load();
  if (f.bumps > 0) f.bump_mean_us = static_cast<double>(bump_total_us_.load()) / static_cast<double>(f.bumps);
  std::vector<double> recent;
  {
    std::lock_guard guard(delivery_lock_);
    recent = recent_delivery_ms_;
    f.delivery_ms.count = deliveries_;
    f.delivery_ms.max = max_delivery_ms_;
  }
  if (!recent.empty()) {
    std::sort(recent.begin(), recent.end());
    const auto at = [&](double share) {
      return recent[std::min(recent.size() - 1, static_cast<std::size_t>(share * static_cast<double>(recent.size())))];
    };
    f.delivery_ms.p50 = at(0.50);
    f.delivery_ms.p99 = at(0.99);
  }
  return f;
}

}  // namespace zomato::cache
