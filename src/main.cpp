#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "app/application.hpp"
#include "app/config.hpp"

int main() {
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const auto settings = zomato::app::load_config([](const char* name) -> std::optional<std::string> {
      const char* value = std::getenv(name);
      if (!value) return std::nullopt;
      return std::string(value);
    });
    return zomato::app::serve(settings);
  } catch (const zomato::app::config_error& error) {
    std::fprintf(stderr, "configuration error: %s\n", error.what());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "startup failed: %s\n", error.what());
  }
  return 2;
}
