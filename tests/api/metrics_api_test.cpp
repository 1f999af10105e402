// GET /metrics against the real binary: what it serves passes Prometheus' own parser and linter
// (promtool check metrics, from Debian's prometheus package, which scripts/setup.sh installs),
// and its figures move with the requests made: by route and status, cache hits and misses by
// namespace and level, write groups. With two loops and clients racing the scrapes (the server
// is built with ThreadSanitizer in the tsan preset), every request is counted once.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

using figures = std::map<std::string, double>;

// Every sample of an exposition, by its name and labels as written.
figures samples_of(const std::string& text) {
  figures out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find('\n', at);
    const auto line = text.substr(at, end - at);
    at = end == std::string::npos ? text.size() : end + 1;
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    out[line.substr(0, space)] = std::strtod(line.c_str() + space + 1, nullptr);
  }
  return out;
}

double value_of(const figures& all, const std::string& series) {
  const auto found = all.find(series);
  return found == all.end() ? 0.0 : found->second;
}

std::string requests(const std::string& method, const std::string& route, int status) {
  return "zomato_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" +
         std::to_string(status) + "\"}";
}

std::string cache_series(const std::string& family, const std::string& ns, const std::string& level = {}) {
  return family + "{namespace=\"" + ns + "\"" + (level.empty() ? "" : ",level=\"" + level + "\"") + "}";
}

struct promtool_verdict {
  int status = -1;
  std::string output;
};

// `promtool check metrics` over the text: its exit status and what it printed.
promtool_verdict promtool_check(const std::string& text) {
  char path[] = "/tmp/zomato-metrics-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return {};
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  promtool_verdict verdict;
  if (written) {
    const std::string command = "promtool check metrics < " + std::string(path) + " 2>&1";
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      char chunk[512];
      std::size_t count = 0;
      while ((count = std::fread(chunk, 1, sizeof chunk, pipe)) > 0) verdict.output.append(chunk, count);
      const int status = ::pclose(pipe);
      verdict.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
  }
  ::unlink(path);
  return verdict;
}

class MetricsApi : public api_suite {
 protected:
  std::string scrape() {
    const auto reply = client().get("/metrics");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(reply.header("x-cache-status"), "") << "/metrics is never cached";
    return reply.body;
  }
};

TEST_F(MetricsApi, PrometheusParsesWhatIsServedWithoutLintProblems) {
  ASSERT_EQ(std::system("command -v promtool >/dev/null"), 0)
      << "promtool is not installed: scripts/setup.sh installs it (Debian package prometheus)";
  const auto created = create_restaurant(client(), restaurant_body(unique_name("Metrics Lint")));
  const auto target = "/restaurants/" + std::to_string(created["id"].get<std::int64_t>());
  client().get(target);
  client().get(target);
  client().get("/nowhere");
  client().get("/restaurants/abc");
  const auto text = scrape();
  const auto verdict = promtool_check(text);
  EXPECT_EQ(verdict.status, 0) << verdict.output;
  EXPECT_EQ(verdict.output, "") << "lint problems";
}

TEST_F(MetricsApi, CountsRequestsByRouteAndStatusAndCacheReadsByNamespaceAndLevel) {
  const auto created = create_restaurant(client(), restaurant_body(unique_name("Metrics Counts")));
  const auto target = "/restaurants/" + std::to_string(created["id"].get<std::int64_t>());
  const auto before = samples_of(scrape());
  EXPECT_EQ(client().post_json("/restaurants/", restaurant_body(unique_name("Metrics Write"))).status, 201);
  EXPECT_EQ(client().get(target).header("x-cache-status"), "MISS");
  EXPECT_EQ(client().get(target).header("x-cache-status"), "HIT");
  EXPECT_EQ(client().get("/nowhere").status, 404);
  EXPECT_EQ(client().send("DELETE", "/health", "").status, 405);
  EXPECT_EQ(client().get("/restaurants/abc").status, 422);
  EXPECT_EQ(client().raw("GET / HTTP/1.1\nHost: x\n\n").status, 400) << "a bare line feed";
  const auto after = samples_of(scrape());
  const auto moved = [&](const std::string& series) { return value_of(after, series) - value_of(before, series); };

  EXPECT_EQ(moved(requests("GET", "/restaurants/{restaurant_id}", 200)), 2);
  EXPECT_EQ(moved(requests("GET", "/restaurants/{restaurant_id}", 422)), 1);
  EXPECT_EQ(moved(requests("GET", "unmatched", 404)), 1);
  EXPECT_EQ(moved(requests("DELETE", "unmatched", 405)), 1);
  EXPECT_EQ(moved(requests("POST", "/restaurants/", 201)), 1);
  EXPECT_EQ(moved(requests("GET", "/metrics", 200)), 1) << "the scrape before this one";
  EXPECT_EQ(moved("zomato_http_requests_refused_total{status=\"400\"}"), 1);
  EXPECT_EQ(moved("zomato_http_request_duration_seconds_count{method=\"GET\",route=\"/restaurants/{restaurant_id}\"}"),
            3);
  EXPECT_EQ(
      value_of(after,
               "zomato_http_request_duration_seconds_bucket{method=\"GET\",route=\"/restaurants/{restaurant_id}\","
               "le=\"+Inf\"}"),
      value_of(after,
               "zomato_http_request_duration_seconds_count{method=\"GET\",route=\"/restaurants/{restaurant_id}\"}"));

  EXPECT_EQ(moved(cache_series("zomato_cache_misses_total", "restaurants")), 1);
  EXPECT_EQ(moved(cache_series("zomato_cache_hits_total", "restaurants", "memory")), 1);
  EXPECT_EQ(moved(cache_series("zomato_cache_hits_total", "restaurants", "redis")), 0);
  EXPECT_GE(value_of(after, cache_series("zomato_cache_memory_entries", "restaurants")), 1);
  EXPECT_GE(moved("zomato_db_write_group_members_count"), 1) << "the write's group";
  EXPECT_GE(moved("zomato_db_write_group_members_sum"), 1);
  EXPECT_EQ(value_of(after, "zomato_redis_configured"), 0);
  EXPECT_EQ(value_of(after, "zomato_build_info{version=\"3.1.0\"}"), 1);
  EXPECT_GT(value_of(after, "process_resident_memory_bytes"), 0);
  EXPECT_GT(value_of(after, "process_open_fds"), 0);
  EXPECT_GT(value_of(after, "process_start_time_seconds"), 1.7e9);
  EXPECT_GE(value_of(after, "zomato_read_pool_busy"), 1) << "the scrape itself runs on the read pool";
  EXPECT_EQ(value_of(after, "zomato_http_requests_in_flight"), 1) << "the scrape";
  EXPECT_GE(value_of(after, "zomato_http_connections_open"), 1);
}

TEST_F(MetricsApi, IsDocumentedUnderMonitoring) {
  const auto doc = client().get("/openapi.json").json();
  ASSERT_TRUE(doc["paths"].contains("/metrics"));
  EXPECT_EQ(doc["paths"]["/metrics"]["get"]["tags"], json::array({"Monitoring"}));
}

TEST(MetricsConcurrencyApi, CountsEveryRequestOnceWhileScrapesRace) {
  server_process server;  // two loops
  constexpr int clients = 4;
  constexpr int per_client = 150;
  std::atomic<bool> done{false};
  std::thread scraper([&] {
    http_client scraping(server.port());
    while (!done.load()) EXPECT_EQ(scraping.get("/metrics").status, 200);
  });
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      http_client client(server.port());
      for (int n = 0; n < per_client; ++n) {
        const auto status = client.get(n % 2 == 0 ? "/health" : "/restaurants/" + std::to_string(i + 1)).status;
        EXPECT_TRUE(status == 200 || status == 404) << status;  // no restaurant yet: 404 from the route
      }
    });
  }
  for (auto& thread : threads) thread.join();
  done = true;
  scraper.join();
  http_client client(server.port());
  const auto after = samples_of(client.get("/metrics").body);
  EXPECT_EQ(value_of(after, requests("GET", "/health", 200)), clients * per_client / 2);
  double single_reads = 0;
  for (const auto& [series, count] : after) {
    if (series.find("route=\"/restaurants/{restaurant_id}\"") != std::string::npos &&
        series.rfind("zomato_http_requests_total", 0) == 0) {
      single_reads += count;
    }
  }
  EXPECT_EQ(single_reads, clients * per_client / 2);
}

}  // namespace
}  // namespace zomato::testing
