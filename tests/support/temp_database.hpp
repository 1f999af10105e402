#pragma once

#include <string>

namespace zomato::testing {

/// A fresh directory for one SQLite file, removed with everything in it afterwards.
class temp_database {
 public:
  temp_database();
  ~temp_database();
  temp_database(const temp_database&) = delete;
  temp_database& operator=(const temp_database&) = delete;

  const std::string& path() const { return file_; }
  std::string url() const { return "sqlite:///" + file_; }

 private:
  std::string dir_;
  std::string file_;
};

}  // namespace zomato::testing
