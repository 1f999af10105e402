#pragma once

#include <string>
#include <string_view>

#include "http/message.hpp"
#include "http/problems.hpp"

namespace zomato::http {

/// A JSON body with a status.
response json(int status, std::string body);

/// {"detail":"<message>"} with a status: how every non-validation error is answered.
response detail(int status, std::string_view message);

/// 422 with the FastAPI detail list.
response unprocessable(const problems& list);

}  // namespace zomato::http
