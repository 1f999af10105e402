#include "support/temp_database.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace zomato::testing {

temp_database::temp_database() {
  std::string pattern = (std::filesystem::temp_directory_path() / "zomato-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  file_ = dir_ + "/test.db";
}

temp_database::~temp_database() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace zomato::testing
