#include "http/responses.hpp"

#include "http/json_writer.hpp"

namespace zomato::http {

response json(int status, std::string body) {
  response out;
  out.status = status;
  out.body = std::move(body);
  return out;
}

response detail(int status, std::string_view message) {
  json_writer out;
  out.begin_object().field("detail", message).end_object();
  return json(status, std::move(out.text()));
}

response unprocessable(const problems& list) { return json(422, render_problems(list)); }

}  // namespace zomato::http
