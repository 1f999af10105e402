#pragma once

#include <string>
#include <vector>

namespace zomato::app {

/// What the command line asks the binary to do.
enum class command { serve, seed, token, help, version, unknown };

struct command_line {
  command what = command::serve;
  /// For seed and token, their arguments; for unknown, the argument that was not understood.
  std::vector<std::string> rest;
};

/// Reads the arguments after the program name: none serves, "seed ..." seeds with the rest,
/// "token ..." mints a token with the rest,
/// "--help"/"-h"/"help" asks for the usage, "--version" for the version; anything else is
/// unknown (never a server started with arguments it ignored).
command_line parse_command_line(const std::vector<std::string>& args);

/// What --help prints: the commands, the main variables, and where the rest is described.
std::string usage_text();

/// What --version prints: "zomato-api 3.1.0" (the API version of the seed README).
std::string version_text();

}  // namespace zomato::app
