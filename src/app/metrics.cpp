#include "app/metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>
#include <vector>

#include "api/service_routes.hpp"
#include "http/metrics_writer.hpp"

namespace zomato::app {
namespace {

using http::metric_type;
using http::metrics_writer;

constexpr double nanoseconds_per_second = 1e9;

template <std::size_t N>
std::array<double, N> seconds_of(const std::array<std::int64_t, N>& nanoseconds) {
  std::array<double, N> seconds{};
  for (std::size_t i = 0; i < N; ++i) seconds[i] = static_cast<double>(nanoseconds[i]) / nanoseconds_per_second;
  return seconds;
}

// "200", ... for each status slot, "other" for the last.
const std::array<std::string, http::status_slots>& status_labels() {
  static const auto labels = [] {
    std::array<std::string, http::status_slots> texts;
    for (std::size_t i = 0; i < http::known_statuses.size(); ++i) {
      texts[i] = std::to_string(http::known_statuses[i].code);
    }
    texts.back() = "other";
    return texts;
  }();
  return labels;
}

void write_requests(metrics_writer& out, const http::router& routes, const net::request_figures& figures) {
  const auto& table = routes.routes();
  struct row_labels {
    std::string_view method;
    std::string_view route;
  };
  const auto labels_of = [&](std::size_t row) {
    if (row < table.size()) return row_labels{http::verb_name(table[row].method), table[row].pattern};
    return row_labels{http::verb_name(static_cast<http::verb>(row - table.size())), "unmatched"};
  };
  const auto& statuses = status_labels();
  out.family("zomato_http_requests_total", metric_type::counter,
             "Requests answered, by the method and pattern of the route that answered (unmatched: none did, "
             "404 or 405) and status; HEAD counts as its GET route.");
  for (std::size_t row = 0; row < figures.rows.size(); ++row) {
    const auto [method, route] = labels_of(row);
    for (std::size_t slot = 0; slot < http::status_slots; ++slot) {
      const auto count = figures.rows[row].statuses[slot];
      if (count > 0) out.value({{"method", method}, {"route", route}, {"status", statuses[slot]}}, count);
    }
  }
  static const auto bounds = seconds_of(net::duration_bounds_ns);
  out.family("zomato_http_request_duration_seconds", metric_type::histogram,
             "Time from a whole request read to its answer ready to send, by the route that answered.");
  for (std::size_t row = 0; row < figures.rows.size(); ++row) {
    const auto& counted = figures.rows[row];
    if (std::all_of(counted.durations.begin(), counted.durations.end(), [](std::uint64_t n) { return n == 0; })) {
      continue;
    }
    const auto [method, route] = labels_of(row);
    out.histogram({{"method", method}, {"route", route}}, bounds, counted.durations,
                  static_cast<double>(counted.duration_ns) / nanoseconds_per_second);
  }
  out.family("zomato_http_requests_refused_total", metric_type::counter,
             "Requests refused before routing (malformed, too large, not sent in time), by status.");
  for (std::size_t slot = 0; slot < http::status_slots; ++slot) {
    if (figures.refused[slot] > 0) out.value({{"status", statuses[slot]}}, figures.refused[slot]);
  }
  out.family("zomato_http_connections_refused_total", metric_type::counter,
             "Connections turned away with 503 past CONNECTIONS_PER_LOOP.")
      .value({}, figures.turned_away);
  out.family("zomato_http_connections_open", metric_type::gauge, "Client connections open.")
      .value({}, figures.connections);
  out.family("zomato_http_requests_in_flight", metric_type::gauge, "Requests read and not yet answered.")
      .value({}, figures.in_flight);
}

void write_cache(metrics_writer& out, cache::response_cache& cache) {
  const auto& counted = cache.statistics();
  out.family("zomato_cache_hits_total", metric_type::counter,
             "Cached reads answered by an entry (fresh or stale), by namespace and level (memory: L1 in "
             "process, redis: L2).");
  for (auto ns : cache::all_namespaces) {
    out.value({{"namespace", cache::name_of(ns)}, {"level", "memory"}}, counted.hits(ns, cache::hit_source::memory));
    out.value({{"namespace", cache::name_of(ns)}, {"level", "redis"}}, counted.hits(ns, cache::hit_source::redis));
  }
  out.family("zomato_cache_coalesced_total", metric_type::counter,
             "Cached reads answered by the computation another read of the same key was making, by namespace.");
  for (auto ns : cache::all_namespaces) {
    out.value({{"namespace", cache::name_of(ns)}}, counted.hits(ns, cache::hit_source::coalesced));
  }
  out.family("zomato_cache_misses_total", metric_type::counter,
             "Cached reads computed because no level held them, by namespace.");
  for (auto ns : cache::all_namespaces) out.value({{"namespace", cache::name_of(ns)}}, counted.misses(ns));
  out.family("zomato_cache_computing", metric_type::gauge, "Keys being computed now.")
      .value({}, static_cast<std::uint64_t>(cache.computing()));

  const auto* memory = cache.memory();
  if (!memory) return;
  const auto figures = cache.local_figures();
  out.family("zomato_cache_memory_entries", metric_type::gauge,
             "Unexpired entries of the current generation in the in-process cache, by namespace.");
  for (const auto& f : figures) out.value({{"namespace", f.name}}, f.memory_keys);
  out.family("zomato_cache_memory_entry_bytes", metric_type::gauge,
             "What those entries cost in memory (block and index), by namespace.");
  for (const auto& f : figures) out.value({{"namespace", f.name}}, f.memory_bytes);
  out.family("zomato_cache_memory_used_bytes", metric_type::gauge,
             "What every entry held in process costs, expired and superseded ones included.")
      .value({}, static_cast<std::uint64_t>(memory->bytes()));
  out.family("zomato_cache_memory_limit_bytes", metric_type::gauge, "CACHE_MEMORY_MB in bytes.")
      .value({}, static_cast<std::uint64_t>(memory->max_bytes()));
  out.family("zomato_cache_memory_evictions_total", metric_type::counter,
             "Entries dropped from the in-process cache to make room (least recently used first).")
      .value({}, memory->evictions());
}

void write_redis(metrics_writer& out, cache::response_cache& cache) {
  auto* redis = cache.redis();
  out.family("zomato_redis_configured", metric_type::gauge, "1 when REDIS_URL is set.")
      .value({}, std::uint64_t{redis ? 1u : 0u});
  if (!redis) return;
  const auto info = redis->info();
  out.family("zomato_redis_connected", metric_type::gauge, "1 when Redis answered PING and INFO for this scrape.")
      .value({}, std::uint64_t{info.connected ? 1u : 0u});
  out.family("zomato_redis_failures_total", metric_type::counter,
             "Redis failures (connection errors, timeouts, error replies); each one pauses Redis for a second.")
      .value({}, redis->failures());
  const auto fleet = cache.fleet_figures();
  out.family("zomato_cache_fleet_synced", metric_type::gauge,
             "1 while this node serves from its cache: its heartbeat on the fleet's channel is within the bound.")
      .value({}, std::uint64_t{fleet.state == "synced" ? 1u : 0u});
  out.family("zomato_cache_fleet_resyncs_total", metric_type::counter,
             "Times this node read the fleet's generations again after its link was lost (and at start).")
      .value({}, fleet.resyncs);
  out.family("zomato_cache_fleet_published_total", metric_type::counter,
             "Writes whose generations this node moved on in Redis and published.")
      .value({}, fleet.bumps);
  out.family("zomato_cache_fleet_publish_failures_total", metric_type::counter,
             "Writes whose generations could not be moved in Redis (the link then resyncs, moving the epoch).")
      .value({}, fleet.bump_failures);
  out.family("zomato_cache_fleet_unannounced_writes_total", metric_type::counter,
             "Times this node found writes in the database that no node announced in time, and moved the epoch on.")
      .value({}, fleet.unannounced_writes_found);
  out.family("zomato_cache_fleet_heard_total", metric_type::counter, "Invalidations heard from other nodes.")
      .value({}, fleet.messages_received);
  out.family("zomato_cache_fleet_delivery_max_seconds", metric_type::gauge,
             "Longest publish-to-apply time of an invalidation heard from another node.")
      .value({}, fleet.delivery_ms.max / 1000.0);
  if (!info.connected) return;
  out.family("zomato_redis_ping_seconds", metric_type::gauge, "How long Redis took to answer PING for this scrape.")
      .value({}, info.ping_ms / 1000.0);
  out.family("zomato_redis_used_memory_bytes", metric_type::gauge, "Redis' used_memory (INFO).")
      .value({}, info.used_memory);
}

void write_lanes(metrics_writer& out, const lane_figures& lanes) {
  const auto busy = std::min<std::size_t>(lanes.reads_taken, lanes.read_threads);
  out.family("zomato_read_pool_threads", metric_type::gauge, "READ_THREADS: threads of the pool of slow reads.")
      .value({}, std::uint64_t{lanes.read_threads});
  out.family("zomato_read_pool_queue_limit", metric_type::gauge, "READ_QUEUE: slow reads that may wait for a thread.")
      .value({}, static_cast<std::uint64_t>(lanes.read_queue_limit));
  out.family("zomato_read_pool_busy", metric_type::gauge, "Slow reads running now.")
      .value({}, static_cast<std::uint64_t>(busy));
  out.family("zomato_read_pool_queued", metric_type::gauge, "Slow reads waiting for a thread now.")
      .value({}, static_cast<std::uint64_t>(lanes.reads_taken - busy));
  out.family("zomato_read_pool_refused_total", metric_type::counter,
             "Slow reads refused for lack of room (answered 503 or stale, or a stale entry's refresh not run).")
      .value({}, lanes.reads_refused);
  out.family("zomato_write_threads", metric_type::gauge, "WRITE_THREADS: threads that run writes.")
      .value({}, std::uint64_t{lanes.write_threads});
  out.family("zomato_rate_limited_total", metric_type::counter,
             "Requests answered 429 past their principal's bucket (RATE_LIMIT_WRITES, RATE_LIMIT_READS), by bucket.");
  for (auto kind : limits::all_bucket_kinds) {
    out.value({{"bucket", limits::name_of(kind)}}, lanes.limits.refused[static_cast<std::size_t>(kind)]);
  }
  out.family("zomato_rate_limit_fallbacks_total", metric_type::counter,
             "Checks of a bucket shared through Redis that this process's own bucket made instead (Redis failing, "
             "late or paused).")
      .value({}, lanes.limits.fallbacks);
}

void write_database(metrics_writer& out, const store::database_figures& db) {
  out.family("zomato_db_writers_waiting", metric_type::gauge,
             "Writes waiting for the writer (SQLite: its one connection; PostgreSQL: a connection of the pool and the "
             "write lock).")
      .value({}, db.writers_waiting);
  out.family("zomato_db_read_connections", metric_type::gauge,
             "Database connections in a read transaction (busy) or pooled and idle (PostgreSQL: idle connections of "
             "the whole pool).")
      .value({{"state", "busy"}}, db.busy_readers)
      .value({{"state", "idle"}}, db.idle_readers);
  std::array<double, store::group_size_bounds.size()> bounds{};
  std::copy(store::group_size_bounds.begin(), store::group_size_bounds.end(), bounds.begin());
  out.family("zomato_db_write_group_members", metric_type::histogram,
             "Write groups (one COMMIT each) by their number of writes.")
      .histogram({}, bounds, db.group_sizes, static_cast<double>(db.group_members));
  out.family("zomato_db_write_group_failures_total", metric_type::counter,
             "Write groups whose COMMIT failed or whose transaction SQLite rolled back: none of their writes kept.")
      .value({}, db.failed_groups);
  if (!db.checkpoints) return;
  const auto& copies = *db.checkpoints;
  out.family("zomato_db_checkpoints_total", metric_type::counter,
             "WAL checkpoints: pass (the checkpointer thread's copying), writer (the last pages, after a commit), "
             "full (the whole WAL at its limit), truncate (the WAL file emptied once writes stopped).")
      .value({{"kind", "pass"}}, copies.thread_passes)
      .value({{"kind", "writer"}}, copies.writer_copies)
      .value({{"kind", "full"}}, copies.full_copies)
      .value({{"kind", "truncate"}}, copies.truncations);
  out.family("zomato_db_wal_pages", metric_type::gauge, "Pages in the WAL after the last commit.")
      .value({}, copies.wal_pages);
}

void write_jobs(metrics_writer& out, const background& jobs) {
  out.family("zomato_background_jobs_total", metric_type::counter,
             "Background jobs run, by kind and outcome (failed: it threw; the error is logged).");
  for (const auto& kind : jobs.outcomes()) {
    out.value({{"job", kind.kind}, {"outcome", "succeeded"}}, kind.succeeded);
    out.value({{"job", kind.kind}, {"outcome", "failed"}}, kind.failed);
  }
}

struct process_figures {
  double cpu_seconds = 0;
  double resident_bytes = 0;
  double virtual_bytes = 0;
  double start_time_seconds = 0;
  double open_fds = 0;
  double max_fds = 0;
};

// The boot time from /proc/stat, in seconds since the epoch.
std::optional<double> boot_time() {
  std::ifstream stat("/proc/stat");
  std::string line;
  while (std::getline(stat, line)) {
    if (line.rfind("btime ", 0) == 0) return std::stod(line.substr(6));
  }
  return std::nullopt;
}

// What /proc says of this process, as Prometheus' client libraries read it; nullopt when it
// cannot be read.
std::optional<process_figures> read_process() {
  std::ifstream stat_file("/proc/self/stat");
  std::string stat;
  std::getline(stat_file, stat);
  const auto name_end = stat.rfind(')');  // the command name may hold spaces and parentheses
  const auto booted = boot_time();
  if (name_end == std::string::npos || !booted) return std::nullopt;
  std::istringstream rest(stat.substr(name_end + 1));
  const std::vector<std::string> fields{std::istream_iterator<std::string>(rest), std::istream_iterator<std::string>()};
  // fields[0] is the third field of the line (state): utime is the 14th, so fields[11].
  constexpr std::size_t utime = 11, stime = 12, starttime = 19, vsize = 20, rss = 21;
  if (fields.size() <= rss) return std::nullopt;
  const auto ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  const auto page = static_cast<double>(::sysconf(_SC_PAGESIZE));
  process_figures p;
  p.cpu_seconds = (std::stod(fields[utime]) + std::stod(fields[stime])) / ticks;
  p.virtual_bytes = std::stod(fields[vsize]);
  p.resident_bytes = std::stod(fields[rss]) * page;
  p.start_time_seconds = *booted + std::stod(fields[starttime]) / ticks;
  std::error_code failed;
  const std::filesystem::directory_iterator fds("/proc/self/fd", failed);
  if (failed) return std::nullopt;
  p.open_fds = static_cast<double>(std::distance(begin(fds), end(fds)));
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  p.max_fds =
      limit.rlim_cur == RLIM_INFINITY ? std::numeric_limits<double>::infinity() : static_cast<double>(limit.rlim_cur);
  return p;
}

void write_process(metrics_writer& out) {
  const auto p = read_process();
  if (!p) return;
  out.family("process_cpu_seconds_total", metric_type::counter, "User and system CPU time spent, in seconds.")
      .value({}, p->cpu_seconds);
  out.family("process_resident_memory_bytes", metric_type::gauge, "Resident memory size in bytes.")
      .value({}, p->resident_bytes);
  out.family("process_virtual_memory_bytes", metric_type::gauge, "Virtual memory size in bytes.")
      .value({}, p->virtual_bytes);
  out.family("process_start_time_seconds", metric_type::gauge,
             "Start time of the process since the Unix epoch, in seconds.")
      .value({}, p->start_time_seconds);
  out.family("process_open_fds", metric_type::gauge, "Open file descriptors.").value({}, p->open_fds);
  out.family("process_max_fds", metric_type::gauge, "Most file descriptors the process may open.")
      .value({}, p->max_fds);
}

}  // namespace

std::string gather_metrics(const metric_sources& from) {
  metrics_writer out;
  if (from.server) write_requests(out, from.routes, from.server->requests());
  write_cache(out, from.cache);
  write_redis(out, from.cache);
  if (from.lanes) write_lanes(out, from.lanes->figures());
  write_database(out, from.db.figures());
  write_jobs(out, from.jobs);
  write_process(out);
  out.family("zomato_build_info", metric_type::gauge, "The API version this server implements, as a label.")
      .value({{"version", api::api_version}}, std::uint64_t{1});
  return out.text();
}

}  // namespace zomato::app
