// Bearer tokens through the verifier over arbitrary bytes: it never crashes, accepts only a
// caller of a known role (with a positive id for a customer or a restaurant), and base64url
// decoding reads back as the same text (one encoding per byte string).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "auth/base64url.hpp"
#include "auth/token_verifier.hpp"

namespace {

namespace auth = zomato::auth;
namespace domain = zomato::domain;

void check(bool holds) {
  if (!holds) std::abort();
}

// The seeds in corpus/token are signed with this secret and live until 2100.
const auth::token_settings& settings() {
  static const auth::token_settings held{auth::signing_key::shared_secret("fuzzing-secret-0123456789abcdef!"),
                                         "fuzz-issuer", "fuzz-audience", std::chrono::seconds(30)};
  return held;
}

constexpr std::int64_t now = 1'800'000'000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto found = auth::verify_token(settings(), input, now);
  check(found.caller.has_value() == found.refusal.empty());
  if (found.caller) {
    check(found.caller->as != domain::role::anyone);
    check(!found.caller->restricted() || found.caller->id > 0);
  }
  if (const auto decoded = auth::base64url_decode(input)) check(auth::base64url_encode(*decoded) == input);
  return 0;
}
