#include "http/problems.hpp"

#include "http/json_writer.hpp"

namespace zomato::http {

std::string render_problems(const problems& list) {
  json_writer out;
  out.begin_object().key("detail").begin_array();
  for (const auto& entry : list) {
    out.begin_object().field("type", entry.type).key("loc").begin_array();
    for (const auto& part : entry.loc) {
      std::visit([&](const auto& v) { out.value(v); }, part);
    }
    out.end_array().field("msg", entry.msg).key("input").raw(entry.input_json);
    if (!entry.ctx_json.empty()) out.key("ctx").raw(entry.ctx_json);
    out.end_object();
  }
  out.end_array().end_object();
  return std::move(out.text());
}

}  // namespace zomato::http
