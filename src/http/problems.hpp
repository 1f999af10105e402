#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace zomato::http {

/// One entry of a FastAPI-shaped 422 "detail" list.
struct problem {
  std::string type;
  std::vector<std::variant<std::string, std::int64_t>> loc;
  std::string msg;
  std::string input_json = "null";
  std::string ctx_json;
};

using problems = std::vector<problem>;

/// {"detail":[{"type":...,"loc":[...],"msg":...,"input":...,"ctx":...}, ...]}
std::string render_problems(const problems& list);

}  // namespace zomato::http
