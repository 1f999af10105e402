#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st;

namespace zomato::auth {

/// The JWS algorithms a server verifies tokens with: one, fixed by its key.
enum class algorithm { hs256, rs256, es256 };

/// The `alg` header value of an algorithm ("HS256", ...).
std::string_view name_of(algorithm alg);

/// The key a token's signature is checked with: an HS256 shared secret, or the public key of an
/// RS256 (RSA) or ES256 (EC P-256) issuer.
class signing_key {
 public:
  /// An HS256 key. Never fails (the configuration checks the secret's length).
  static signing_key shared_secret(std::string secret);
  /// An RS256 or ES256 key from a PEM public key (`-----BEGIN PUBLIC KEY-----`); nullopt for
  /// text that is no such key, or a key of another type or curve.
  static std::optional<signing_key> public_key(std::string_view pem);

  /// The one algorithm a token signed with this key must name. Never fails.
  algorithm alg() const { return alg_; }
  /// Whether `signature` (the raw bytes of a JWS signature) signs `message` under this key,
  /// compared in constant time for HS256. Never fails: any error is a signature that does not verify.
  bool verifies(std::string_view message, std::string_view signature) const;
  /// The HS256 signature of `message`; empty for a public key (it cannot sign).
  std::string sign(std::string_view message) const;

 private:
  signing_key(algorithm alg, std::string secret, std::shared_ptr<evp_pkey_st> public_key)
      : alg_(alg), secret_(std::move(secret)), public_(std::move(public_key)) {}

  algorithm alg_;
  std::string secret_;
  std::shared_ptr<evp_pkey_st> public_;
};

}  // namespace zomato::auth
