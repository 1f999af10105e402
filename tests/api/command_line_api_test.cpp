#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the real binary with the arguments (a fixed, quoted string: no input from elsewhere).
outcome run_binary(const std::string& arguments) {
  outcome result;
  const std::string command = std::string("'") + ZOMATO_SERVER_BINARY + "' " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> chunk{};
  for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0;) result.output.append(chunk.data(), n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

TEST(CommandLineApi, HelpPrintsTheUsageAndExitsAtOnce) {
  const auto help = run_binary("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.output.rfind("Usage:", 0), 0u) << help.output;
  EXPECT_NE(help.output.find("zomato-api seed"), std::string::npos);
}

TEST(CommandLineApi, VersionPrintsTheVersion) {
  const auto version = run_binary("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output, "zomato-api 3.1.0\n");
}

TEST(CommandLineApi, AnUnknownArgumentIsRefusedWithTheUsage) {
  const auto refused = run_binary("--port 9000");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.output.rfind("unknown argument '--port'", 0), 0u) << refused.output;
  EXPECT_NE(refused.output.find("Usage:"), std::string::npos);
}

}  // namespace
