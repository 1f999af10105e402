// The request parser over arbitrary bytes: it never crashes, keeps within its limits, and
// reads the same requests (or refuses with the same status) however the bytes are split
// into reads. The first input byte picks the read size.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "net/request_parser.hpp"

namespace {

using zomato::net::parse_state;
using zomato::net::request_parser;
using zomato::net::wire_limits;

constexpr wire_limits limits{.header_bytes = 512, .header_fields = 12, .trailer_bytes = 96, .body_bytes = 1024};

struct seen {
  std::string method, target, body;
  std::size_t fields;
  bool keep_alive;
  bool operator==(const seen&) const = default;
};

struct outcome {
  std::vector<seen> requests;
  int refused = 0;
  bool operator==(const outcome&) const = default;
};

void check(bool holds) {
  if (!holds) std::abort();
}

outcome parse_all(std::string_view bytes, std::size_t step) {
  request_parser parser(limits);
  outcome out;
  for (;;) {
    auto state = parser.parse();
    while (state == parse_state::incomplete && !bytes.empty()) {
      auto room = parser.space();
      check(!room.empty());
      const auto count = std::min({step, room.size(), bytes.size()});
      std::memcpy(room.data(), bytes.data(), count);
      parser.filled(count);
      bytes.remove_prefix(count);
      state = parser.parse();
    }
    if (state == parse_state::failed) {
      out.refused = parser.failure_status();
      check(out.refused >= 400 && out.refused < 600);
      return out;
    }
    if (state == parse_state::incomplete) return out;
    const auto& req = parser.request();
    check(req.body.size() <= limits.body_bytes);
    check(req.fields.size() <= limits.header_fields);
    check(!req.target.empty());
    const auto view = zomato::net::handler_view(req);
    check(view.path.size() + view.query.size() <= req.target.size());
    out.requests.push_back({std::string(req.method_name), std::string(req.target), std::string(req.body),
                            req.fields.size(), req.keep_alive});
    parser.consume();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t step = data[0] % 97 + 1;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  check(parse_all(bytes, bytes.size() + 1) == parse_all(bytes, step));
  return 0;
}
