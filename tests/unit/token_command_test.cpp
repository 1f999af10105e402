#include <gtest/gtest.h>

#include "app/token_command.hpp"

namespace zomato::app {
namespace {

TEST(TokenArguments, ReadTheRoleItsIdTheSubjectAndTheTtl) {
  const auto customer = parse_token_arguments({"--role", "customer", "--customer-id", "5", "--ttl", "1h"});
  EXPECT_EQ(customer.caller.as, domain::role::customer);
  EXPECT_EQ(customer.caller.id, 5);
  EXPECT_EQ(customer.subject, "customer:5");
  EXPECT_EQ(customer.ttl, std::chrono::hours(1));
  const auto restaurant =
      parse_token_arguments({"--role=restaurant", "--restaurant-id=7", "--sub=kitchen", "--ttl=2d"});
  EXPECT_EQ(restaurant.caller.as, domain::role::restaurant);
  EXPECT_EQ(restaurant.caller.id, 7);
  EXPECT_EQ(restaurant.subject, "kitchen");
  EXPECT_EQ(restaurant.ttl, std::chrono::hours(48));
  const auto admin = parse_token_arguments({"--role", "admin"});
  EXPECT_EQ(admin.caller.as, domain::role::admin);
  EXPECT_EQ(admin.subject, "admin");
  EXPECT_EQ(admin.ttl, std::chrono::hours(1));
  EXPECT_EQ(parse_token_arguments({"--role", "admin", "--ttl", "90"}).ttl, std::chrono::seconds(90));
  EXPECT_EQ(parse_token_arguments({"--role", "admin", "--ttl", "15m"}).ttl, std::chrono::minutes(15));
}

TEST(TokenArguments, RefuseWhatCannotMakeAToken) {
  const std::vector<std::vector<std::string>> refused{{},
                                                      {"--role"},
                                                      {"--role", "chef"},
                                                      {"--role", "customer"},
                                                      {"--role", "restaurant", "--customer-id", "3"},
                                                      {"--role", "admin", "--restaurant-id", "3"},
                                                      {"--role", "customer", "--customer-id", "0"},
                                                      {"--role", "customer", "--customer-id", "x"},
                                                      {"--role", "admin", "--ttl", "0s"},
                                                      {"--role", "admin", "--ttl", "366d"},
                                                      {"--role", "admin", "--ttl", "1w"},
                                                      {"--role", "admin", "--ttl", "h"},
                                                      {"--role", "admin", "--sub", ""},
                                                      {"--role", "admin", "--verbose", "yes"}};
  for (const auto& args : refused) {
    std::string line;
    for (const auto& arg : args) line += arg + " ";
    EXPECT_THROW(parse_token_arguments(args), token_usage_error) << line;
  }
}

}  // namespace
}  // namespace zomato::app
