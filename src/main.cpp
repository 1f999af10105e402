#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "app/application.hpp"
#include "app/command_line.hpp"
#include "app/config.hpp"
#include "app/seed_command.hpp"
#include "app/token_command.hpp"

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
  using zomato::app::command;
  const auto line = zomato::app::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  switch (line.what) {
    case command::seed: return zomato::app::run_seed_command(line.rest, from_environment);
    case command::token: return zomato::app::run_token_command(line.rest, from_environment);
    case command::help: std::fputs(zomato::app::usage_text().c_str(), stdout); return 0;
    case command::version: std::fputs(zomato::app::version_text().c_str(), stdout); return 0;
    case command::unknown:
      std::fprintf(stderr, "unknown argument '%s'\n\n%s", line.rest.front().c_str(), zomato::app::usage_text().c_str());
      return 2;
    case command::serve: break;
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
