#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/seed_data.hpp"

namespace zomato::app {

/// A `seed` argument that cannot be used; what() is one line naming it.
class seed_usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads the arguments after `seed`: --restaurants N (default 1000), --menu-items-per-restaurant N (20),
/// --customers N (10000), --orders N (100000), --seed S (42), each as `--name N` or `--name=N`, and
/// --now (orders end now instead of at the fixed 2026-11-01T00:00:00). Throws seed_usage_error.
store::seed_plan parse_seed_arguments(const std::vector<std::string>& args);

/// The progress of a load as `seed` shows it on a terminal: "seed: 1000/1000 restaurants,
/// 20000/20000 menu items, 10000/10000 customers, 40000/100000 orders (40 %)".
std::string progress_line(const store::seed_counts& done, const store::seed_plan& plan);

/// `zomato-api seed ...`: migrates DATABASE_URL's database (a SQLite file, or PostgreSQL), fills
/// it with generated data if it is empty and prints a one-line summary; while standard error is a
/// terminal it shows the progress there, one line rewritten after each batch. Returns 0 when done;
/// 2 for a bad argument, a bad configuration or a database that already holds data; 1 when
/// loading fails (one line on stderr in both cases).
int run_seed_command(const std::vector<std::string>& args,
                     const std::function<std::optional<std::string>(const char*)>& lookup);

}  // namespace zomato::app
