#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

#include "auth/token_verifier.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_database.hpp"
#include "support/tokens.hpp"

namespace {

struct outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the real binary with the arguments, after `environment` ("NAME='value' ..."); both are
// fixed strings of the tests, quoted: no input from elsewhere.
outcome run_binary(const std::string& arguments, const std::string& environment = "") {
  outcome result;
  const std::string command = environment + " '" + ZOMATO_SERVER_BINARY + "' " + arguments + " 2>&1";
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

// Runs `seed` with standard error (and output) on a pseudo terminal; what the terminal showed.
outcome seed_on_a_terminal(const std::string& database_url) {
  outcome result;
  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid < 0) return result;
  if (pid == 0) {
    ::setenv("DATABASE_URL", database_url.c_str(), 1);
    ::execl(ZOMATO_SERVER_BINARY, ZOMATO_SERVER_BINARY, "seed", "--restaurants", "5", "--menu-items-per-restaurant",
            "4", "--customers", "30", "--orders", "9000", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::array<char, 4096> chunk{};
  for (ssize_t n; (n = ::read(terminal, chunk.data(), chunk.size())) > 0;) {
    result.output.append(chunk.data(), static_cast<std::size_t>(n));
  }
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

TEST(CommandLineApi, SeedShowsItsProgressOnATerminalOnly) {
  const zomato::testing::temp_database shown;
  const auto on_terminal = seed_on_a_terminal(shown.url());
  EXPECT_EQ(on_terminal.exit_code, 0) << on_terminal.output;
  // 9000 orders bring their items, status changes and reviews: more than one batch of 20000 rows.
  const std::string first = "\rseed: 5/5 restaurants, 20/20 menu items, 30/30 customers, ";
  const auto shown_at = on_terminal.output.find(first);
  ASSERT_NE(shown_at, std::string::npos) << on_terminal.output;
  EXPECT_NE(on_terminal.output.find(first, shown_at + 1), std::string::npos) << "progress, then the last line";
  EXPECT_NE(on_terminal.output.find("9000/9000 orders (100 %)\r\n"), std::string::npos) << on_terminal.output;
  EXPECT_NE(on_terminal.output.find("seeded "), std::string::npos);

  const zomato::testing::temp_database piped;
  const auto on_a_pipe = run_binary("seed --restaurants 5 --menu-items-per-restaurant 4 --customers 30 --orders 9000",
                                    "DATABASE_URL='" + piped.url() + "'");
  EXPECT_EQ(on_a_pipe.exit_code, 0) << on_a_pipe.output;
  EXPECT_EQ(on_a_pipe.output.find("seed: "), std::string::npos) << on_a_pipe.output;
  EXPECT_EQ(on_a_pipe.output.rfind("seeded ", 0), 0u) << on_a_pipe.output;
}

const std::string minting_environment = "JWT_SECRET='" + zomato::testing::test_jwt_secret + "'";

// The token the binary printed (its one line without the newline); empty when it printed another text.
std::string printed_token(const outcome& minted) {
  if (minted.output.empty() || minted.output.back() != '\n') return {};
  auto token = minted.output.substr(0, minted.output.size() - 1);
  return token.find('\n') == std::string::npos ? token : std::string();
}

TEST(CommandLineApi, TokenPrintsATokenTheVerifierAcceptsForTheRoleAndId) {
  const auto minted = run_binary("token --role customer --customer-id 5 --ttl 1h",
                                 minting_environment + " JWT_ISSUER='ops' JWT_AUDIENCE='zomato-api'");
  ASSERT_EQ(minted.exit_code, 0) << minted.output;
  const auto token = printed_token(minted);
  zomato::auth::token_settings settings{zomato::auth::signing_key::shared_secret(zomato::testing::test_jwt_secret),
                                        "ops", "zomato-api", std::chrono::seconds(30)};
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const auto found = zomato::auth::verify_token(settings, token, now);
  ASSERT_TRUE(found.caller) << found.refusal << ": " << minted.output;
  EXPECT_EQ(found.caller->as, zomato::domain::role::customer);
  EXPECT_EQ(found.caller->id, 5);
  EXPECT_FALSE(zomato::auth::verify_token(settings, token, now + 2 * 3600).caller) << "past its ttl";
  settings.audience = "another-api";
  EXPECT_FALSE(zomato::auth::verify_token(settings, token, now).caller);
}

TEST(CommandLineApi, AServerInJwtModeAcceptsTheTokensTheBinaryMints) {
  zomato::testing::server_process server({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", zomato::testing::test_jwt_secret}});
  zomato::testing::http_client client(server.port());
  const auto admin = printed_token(run_binary("token --role admin --sub ops --ttl 10m", minting_environment));
  ASSERT_FALSE(admin.empty());
  EXPECT_EQ(client.get("/customers/", zomato::testing::bearer(admin)).status, 200);
  const auto restaurant =
      printed_token(run_binary("token --role=restaurant --restaurant-id=3 --ttl=2d", minting_environment));
  ASSERT_FALSE(restaurant.empty());
  EXPECT_EQ(client.get("/customers/", zomato::testing::bearer(restaurant)).status, 403);
  EXPECT_EQ(client.get("/customers/").status, 401);
}

TEST(CommandLineApi, TokenRefusesWithoutTheSecretOrWithWrongArguments) {
  const auto no_secret = run_binary("token --role admin", "JWT_SECRET=");
  EXPECT_EQ(no_secret.exit_code, 2);
  EXPECT_NE(no_secret.output.find("JWT_SECRET"), std::string::npos) << no_secret.output;
  const auto unset = run_binary("token --role admin", "env -u JWT_SECRET");
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_NE(unset.output.find("token needs JWT_SECRET"), std::string::npos) << unset.output;
  for (const char* arguments : {"token", "token --role chef", "token --role customer", "token --role admin --ttl 5y",
                                "token --role restaurant --customer-id 3", "token --role customer --customer-id -1",
                                "token --role admin --port 80", "token --role admin --ttl"}) {
    const auto refused = run_binary(arguments, minting_environment);
    EXPECT_EQ(refused.exit_code, 2) << arguments << ": " << refused.output;
    EXPECT_EQ(refused.output.rfind("token: ", 0), 0u) << arguments << ": " << refused.output;
  }
}

}  // namespace
