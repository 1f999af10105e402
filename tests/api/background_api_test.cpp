// The background tasks (refresh-ahead, health monitor, cleanup) run at the configured
// intervals and report under "background_tasks" in GET /cache/health; the server still
// stops cleanly while they are scheduled.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

/// The periodic tasks; the warm start runs once, after start-up, and is listed with interval 0.
const std::set<std::string>& task_names() {
  static const std::set<std::string> names{"usage_record", "refresh_ahead", "health_monitor", "cleanup"};
  return names;
}

const char* const warm_start = "warm_start";

json background_tasks(checked_client& api) {
  const auto body = get_json(api, "/cache/health");
  EXPECT_EQ(body["status"], "success");
  return body.value("background_tasks", json::array());
}

/// Every task has run at least `runs` times with a result.
bool all_ran(const json& tasks, std::int64_t runs) {
  if (!tasks.is_array() || tasks.size() != task_names().size() + 1) return false;
  for (const auto& task : tasks) {
    const auto needed = task.value("name", std::string()) == warm_start ? 1 : runs;
    if (task.value("runs", std::int64_t{0}) < needed) return false;
    if (task.value("last_result", std::string()).empty()) return false;
  }
  return true;
}

/// Polls /cache/health (at most ~15 s) until every task has run `runs` times; the last answer.
json wait_for_runs(checked_client& api, std::int64_t runs) {
  json tasks;
  for (int attempt = 0; attempt < 75; ++attempt) {
    tasks = background_tasks(api);
    if (all_ran(tasks, runs)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return tasks;
}

TEST(BackgroundTasks, RunAtTheConfiguredIntervalsAndReport) {
  server_process server(
      {{"REFRESH_INTERVAL_SECONDS", "1"}, {"HEALTH_INTERVAL_SECONDS", "1"}, {"CLEANUP_INTERVAL_SECONDS", "1"}});
  auto client = std::make_unique<checked_client>(server.port());
  auto& api = *client;
  // Something for the tasks to look at.
  const auto restaurant = create_restaurant(api);
  get_json(api, "/restaurants/" + str(restaurant.at("id").get<std::int64_t>()));
  get_json(api, "/analytics/popular-items?period=7d&limit=10");

  const auto tasks = wait_for_runs(api, 1);
  ASSERT_TRUE(tasks.is_array()) << tasks.dump();
  ASSERT_TRUE(all_ran(tasks, 1)) << "not every background task ran within the wait: " << tasks.dump();
  std::set<std::string> names;
  for (const auto& task : tasks) {
    EXPECT_TRUE(has_shape(task, {{"name", "string"},
                                 {"interval_seconds", "integer"},
                                 {"runs", "integer"},
                                 {"last_run", "number"},
                                 {"last_result", "string"}}));
    names.insert(task["name"].get<std::string>());
    EXPECT_EQ(task["interval_seconds"], task["name"] == warm_start ? 0 : 1) << task.dump();
    EXPECT_GT(task["last_run"].get<double>(), 1.6e9) << task.dump();
  }
  names.erase(warm_start);
  EXPECT_EQ(names, task_names());

  // They keep running, and the server keeps answering meanwhile.
  const auto later = wait_for_runs(api, 2);
  EXPECT_TRUE(all_ran(later, 2)) << later.dump();
  EXPECT_EQ(get_json(api, "/restaurants/" + str(restaurant.at("id").get<std::int64_t>()))["name"], restaurant["name"]);

  client.reset();
  EXPECT_EQ(server.stop(), 0) << "the server did not stop cleanly with its background tasks scheduled";
}

TEST(BackgroundTasks, DefaultIntervalsAreListed) {
  server_process server;
  auto client = std::make_unique<checked_client>(server.port());
  const auto tasks = background_tasks(*client);
  ASSERT_TRUE(tasks.is_array()) << tasks.dump();
  std::map<std::string, std::int64_t> intervals;
  for (const auto& task : tasks)
    intervals[task.at("name").get<std::string>()] = task.at("interval_seconds").get<std::int64_t>();
  EXPECT_EQ(
      intervals,
      (std::map<std::string, std::int64_t>{
          {"warm_start", 0}, {"usage_record", 60}, {"refresh_ahead", 60}, {"health_monitor", 300}, {"cleanup", 7200}}));
  client.reset();
  EXPECT_EQ(server.stop(), 0);
}

TEST(BackgroundTasks, StopCleanlyRightAfterStarting) {
  server_process server(
      {{"REFRESH_INTERVAL_SECONDS", "1"}, {"HEALTH_INTERVAL_SECONDS", "1"}, {"CLEANUP_INTERVAL_SECONDS", "1"}});
  {
    http_client probe(server.port());
    EXPECT_EQ(probe.get("/health").status, 200);
  }
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace zomato::testing
