#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/command_line.hpp"

namespace zomato::app {
namespace {

using args = std::vector<std::string>;

TEST(CommandLine, NoArgumentsServe) { EXPECT_EQ(parse_command_line({}).what, command::serve); }

TEST(CommandLine, SeedTakesTheRestOfTheArguments) {
  const auto line = parse_command_line(args{"seed", "--orders", "10"});
  EXPECT_EQ(line.what, command::seed);
  EXPECT_EQ(line.rest, (args{"--orders", "10"}));
}

TEST(CommandLine, HelpHasThreeSpellings) {
  for (const auto* spelling : {"--help", "-h", "help"}) {
    EXPECT_EQ(parse_command_line(args{spelling}).what, command::help) << spelling;
  }
}

TEST(CommandLine, VersionNamesTheApiVersion) {
  EXPECT_EQ(parse_command_line(args{"--version"}).what, command::version);
  EXPECT_EQ(version_text(), "zomato-api 3.1.0\n");
}

TEST(CommandLine, AnythingElseIsUnknownAndNamed) {
  for (const auto* argument : {"--port", "serve", "-v", ""}) {
    const auto line = parse_command_line(args{argument, "more"});
    EXPECT_EQ(line.what, command::unknown) << argument;
    EXPECT_EQ(line.rest, (args{argument}));
  }
}

TEST(CommandLine, UsageNamesEveryCommand) {
  const auto text = usage_text();
  for (const auto* part : {"zomato-api seed", "--help", "--version", "DATABASE_URL", "README.md"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part;
  }
}

}  // namespace
}  // namespace zomato::app
