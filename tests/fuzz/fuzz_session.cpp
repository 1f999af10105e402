// Whole requests over arbitrary bytes, as a connection reads them, answered by the real
// application on a throwaway SQLite file: nothing a client sends may crash the server or
// produce a 5xx other than 503, and every answer serialises. Sample data is loaded first so
// that ids in the corpus reach real rows.
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "app/application.hpp"
#include "net/request_parser.hpp"
#include "net/response_writer.hpp"

namespace {

namespace net = zomato::net;
namespace http = zomato::http;

void check(bool holds) {
  if (!holds) std::abort();
}

zomato::app::application& app() {
  static std::unique_ptr<zomato::app::application> instance = [] {
    char folder[] = "/tmp/zomato-fuzz-XXXXXX";
    check(mkdtemp(folder) != nullptr);
    zomato::app::config settings;
    settings.database_path = std::string(folder) + "/fuzz.db";
    settings.asset_dir = folder;
    settings.logging = zomato::app::log_level::error;
    settings.warm_on_start = zomato::app::warm_start::off;
    return std::make_unique<zomato::app::application>(settings);
  }();
  return *instance;
}

// A write as the server's write lane runs it: routed first, then run, answered once durable.
http::response write(const http::request& req) {
  const auto resolved = app().resolve(req);
  if (!resolved.target) return resolved.failure;
  bool durable = false;
  auto res = app().handle_write(req, *resolved.target, resolved.values, [&](bool committed) { durable = committed; });
  check(durable);
  return res;
}

http::response answer(const http::request& req) {
  if (req.method == http::verb::get || req.method == http::verb::head) return app().handle(req);
  return write(req);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  http::request seed;
  seed.method = http::verb::post;
  seed.path = "/demo/sample-data";
  check(write(seed).status == 200);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  net::request_parser parser(net::wire_limits{});
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string head;
  for (int requests = 0; requests < 8; ++requests) {
    auto state = parser.parse();
    while (state == net::parse_state::incomplete && !bytes.empty()) {
      auto room = parser.space();
      const auto count = std::min(room.size(), bytes.size());
      std::memcpy(room.data(), bytes.data(), count);
      parser.filled(count);
      bytes.remove_prefix(count);
      state = parser.parse();
    }
    if (state != net::parse_state::complete) return 0;
    const auto req = net::handler_view(parser.request());
    const auto res = answer(req);
    if (res.status < 200 || res.status >= 600 || (res.status >= 500 && res.status != 503)) {
      std::fprintf(stderr, "%d for %.*s %.*s: %s\n", res.status, static_cast<int>(parser.request().method_name.size()),
                   parser.request().method_name.data(), static_cast<int>(parser.request().target.size()),
                   parser.request().target.data(), std::string(res.payload()).c_str());
      std::abort();
    }
    net::write_head(head, res, {.keep_alive = parser.request().keep_alive});
    check(head.size() > 12 && head.compare(0, 9, "HTTP/1.1 ") == 0);
    parser.consume();
  }
  return 0;
}
