#include "app/command_line.hpp"

#include "api/service_routes.hpp"

namespace zomato::app {

command_line parse_command_line(const std::vector<std::string>& args) {
  if (args.empty()) return {command::serve, {}};
  const auto& first = args.front();
  if (first == "seed") return {command::seed, {args.begin() + 1, args.end()}};
  if (first == "token") return {command::token, {args.begin() + 1, args.end()}};
  if (first == "--help" || first == "-h" || first == "help") return {command::help, {}};
  if (first == "--version") return {command::version, {}};
  return {command::unknown, {first}};
}

std::string usage_text() {
  return "Usage:\n"
         "  zomato-api              serve the API (HOST, PORT, DATABASE_URL, REDIS_URL, ... from the environment)\n"
         "  zomato-api seed [--restaurants N] [--menu-items-per-restaurant N] [--customers N]\n"
         "                  [--orders N] [--seed N]\n"
         "                          fill an empty database with generated data\n"
         "  zomato-api token --role customer|restaurant|admin [--customer-id N | --restaurant-id N]\n"
         "                   [--sub S] [--ttl 1h]\n"
         "                          print a signed token (HS256 with JWT_SECRET) for AUTH_MODE=jwt\n"
         "  zomato-api --help       this text\n"
         "  zomato-api --version    the version\n"
         "\n"
         "Main variables: HOST (127.0.0.1), PORT (8000), DATABASE_URL (sqlite:///./restaurants.db),\n"
         "REDIS_URL (none), ENVIRONMENT (development), THREADS (cores). README.md lists every one.\n";
}

std::string version_text() { return "zomato-api " + std::string(api::api_version) + "\n"; }

}  // namespace zomato::app
