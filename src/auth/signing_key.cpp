#include "auth/signing_key.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <array>
#include <vector>

namespace zomato::auth {
namespace {

constexpr std::size_t sha256_bytes = 32;
// An ES256 signature is r and s, 32 bytes each (RFC 7518 section 3.4).
constexpr std::size_t p256_coordinate_bytes = 32;

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

std::array<unsigned char, sha256_bytes> hmac_sha256(std::string_view secret, std::string_view message) {
  std::array<unsigned char, sha256_bytes> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), bytes_of(message), message.size(), mac.data(),
       &length);
  return mac;
}

// The DER form OpenSSL verifies of a JWS ES256 signature (r then s); empty when it has another length.
std::vector<unsigned char> der_of_es256(std::string_view signature) {
  if (signature.size() != 2 * p256_coordinate_bytes) return {};
  const std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(bytes_of(signature), p256_coordinate_bytes, nullptr);
  BIGNUM* s = BN_bin2bn(bytes_of(signature) + p256_coordinate_bytes, p256_coordinate_bytes, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (length <= 0) return {};
  std::vector<unsigned char> der(static_cast<std::size_t>(length));
  unsigned char* out = der.data();
  i2d_ECDSA_SIG(sig.get(), &out);
  return der;
}

bool digest_verifies(EVP_PKEY* key, std::string_view message, const unsigned char* signature, std::size_t length) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(context.get(), signature, length, bytes_of(message), message.size()) == 1;
}

}  // namespace

std::string_view name_of(algorithm alg) {
  switch (alg) {
    case algorithm::hs256: return "HS256";
    case algorithm::rs256: return "RS256";
    case algorithm::es256: return "ES256";
  }
  return "HS256";
}

signing_key signing_key::shared_secret(std::string secret) { return {algorithm::hs256, std::move(secret), nullptr}; }

std::optional<signing_key> signing_key::public_key(std::string_view pem) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> source(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                         BIO_free);
  if (!source) return std::nullopt;
  std::shared_ptr<EVP_PKEY> key(PEM_read_bio_PUBKEY(source.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (!key) return std::nullopt;
  if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA) {
    if (EVP_PKEY_get_bits(key.get()) < 2048) return std::nullopt;
    return signing_key(algorithm::rs256, {}, std::move(key));
  }
  std::array<char, 64> curve{};
  std::size_t curve_length = 0;
  if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_EC &&
      EVP_PKEY_get_group_name(key.get(), curve.data(), curve.size(), &curve_length) == 1 &&
      std::string_view(curve.data(), curve_length) == "prime256v1") {
    return signing_key(algorithm::es256, {}, std::move(key));
  }
  return std::nullopt;
}

bool signing_key::verifies(std::string_view message, std::string_view signature) const {
  switch (alg_) {
    case algorithm::hs256: {
      const auto expected = hmac_sha256(secret_, message);
      return signature.size() == expected.size() &&
             CRYPTO_memcmp(expected.data(), signature.data(), expected.size()) == 0;
    }
    case algorithm::rs256: return digest_verifies(public_.get(), message, bytes_of(signature), signature.size());
    case algorithm::es256: {
      const auto der = der_of_es256(signature);
      return !der.empty() && digest_verifies(public_.get(), message, der.data(), der.size());
    }
  }
  return false;
}

std::string signing_key::sign(std::string_view message) const {
  if (alg_ != algorithm::hs256) return {};
  const auto mac = hmac_sha256(secret_, message);
  return {reinterpret_cast<const char*>(mac.data()), mac.size()};
}

}  // namespace zomato::auth
