#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "app/application.hpp"
#include "app/config.hpp"
#include "app/seed_command.hpp"

namespace {

std::optional<std::string> from_environment(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  // Past a file-size limit a write fails (the database answers 503) instead of ending the process.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc > 1 && std::string_view(argv[1]) == "seed") {
    return zomato::app::run_seed_command(std::vector<std::string>(argv + 2, argv + argc), from_environment);
  }
  try {
    return zomato::app::serve(zomato::app::load_config(from_environment));
  } catch (const zomato::app::config_error& error) {
    std::fprintf(stderr, "configuration error: %s\n", error.what());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "startup failed: %s\n", error.what());
  }
  return 2;
}
