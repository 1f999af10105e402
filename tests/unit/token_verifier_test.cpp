// The bearer token verifier against forged and malformed tokens, at a fixed `now`.

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "auth/base64url.hpp"
#include "auth/token_issuer.hpp"
#include "auth/token_verifier.hpp"

namespace zomato::auth {
namespace {

using nlohmann::json;

constexpr std::int64_t now = 1'800'000'000;
const std::string secret = "0123456789abcdef0123456789abcdef-test";

token_settings hs256(std::string key = secret) {
  return {signing_key::shared_secret(std::move(key)), {}, {}, std::chrono::seconds(30)};
}

json customer_claims(std::int64_t customer_id = 5) {
  return {{"sub", "alice"}, {"role", "customer"}, {"customer_id", customer_id}, {"iat", now - 60}, {"exp", now + 3600}};
}

std::string signed_with(const signing_key& key, const std::string& header, const std::string& payload) {
  const auto input = base64url_encode(header) + "." + base64url_encode(payload);
  return input + "." + base64url_encode(key.sign(input));
}

std::string forge(const json& claims, const std::string& key = secret) {
  return signed_with(signing_key::shared_secret(key), R"({"alg":"HS256","typ":"JWT"})", claims.dump());
}

bool accepted(const std::string& token, const token_settings& settings = hs256()) {
  return verify_token(settings, token, now).caller.has_value();
}

TEST(TokenVerifier, AcceptsAValidTokenOfEachRole) {
  const auto customer = verify_token(hs256(), forge(customer_claims(5)), now);
  ASSERT_TRUE(customer.caller) << customer.refusal;
  EXPECT_EQ(customer.caller->as, domain::role::customer);
  EXPECT_EQ(customer.caller->id, 5);
  auto restaurant = customer_claims();
  restaurant.erase("customer_id");
  restaurant["role"] = "restaurant";
  restaurant["restaurant_id"] = 7;
  const auto kitchen = verify_token(hs256(), forge(restaurant), now);
  ASSERT_TRUE(kitchen.caller);
  EXPECT_EQ(kitchen.caller->as, domain::role::restaurant);
  EXPECT_EQ(kitchen.caller->id, 7);
  auto admin = customer_claims();
  admin.erase("customer_id");
  admin["role"] = "admin";
  const auto boss = verify_token(hs256(), forge(admin), now);
  ASSERT_TRUE(boss.caller);
  EXPECT_EQ(boss.caller->as, domain::role::admin);
}

TEST(TokenVerifier, RefusesAlgNoneAndEveryOtherAlgorithm) {
  const auto payload = base64url_encode(customer_claims().dump());
  for (const char* header :
       {R"({"alg":"none","typ":"JWT"})", R"({"alg":"None"})", R"({"alg":"HS512"})", R"({"alg":"RS256"})",
        R"({"alg":"hs256"})", R"({"typ":"JWT"})", R"({"alg":null})", R"({"alg":["HS256"]})"}) {
    const auto input = base64url_encode(header) + "." + payload;
    EXPECT_FALSE(accepted(input + ".")) << header;
    EXPECT_FALSE(accepted(input + "." + base64url_encode(signing_key::shared_secret(secret).sign(input)))) << header;
  }
}

TEST(TokenVerifier, RefusesAnotherKeysSignature) {
  EXPECT_FALSE(accepted(forge(customer_claims(), "another-secret-of-32-bytes-or-more!!")));
  EXPECT_TRUE(accepted(forge(customer_claims())));
}

TEST(TokenVerifier, RefusesATamperedPayloadOrHeader) {
  const auto token = forge(customer_claims(5));
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const auto other_payload = base64url_encode(customer_claims(6).dump());
  EXPECT_FALSE(accepted(token.substr(0, first_dot + 1) + other_payload + token.substr(second_dot)));
  const auto other_header = base64url_encode(R"({"alg":"HS256","typ":"JWS"})");
  EXPECT_FALSE(accepted(other_header + token.substr(first_dot)));
  auto flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(accepted(flipped));
}

TEST(TokenVerifier, RefusesMalformedParts) {
  const auto good = forge(customer_claims());
  for (const std::string& token : {std::string(), std::string("."), std::string(".."), std::string("a.b"), good + ".x",
                                   good.substr(0, good.rfind('.')), good + "=", "=" + good,
                                   good.substr(0, good.find('.')) + ".*." + good.substr(good.rfind('.') + 1)}) {
    EXPECT_FALSE(accepted(token)) << token;
  }
  const signing_key key = signing_key::shared_secret(secret);
  const std::string header = R"({"alg":"HS256"})";
  for (const std::string payload : {"", "not json", "[1,2]", "\"text\"", "{\"sub\":", "{\"sub\":\"a\"}x"}) {
    EXPECT_FALSE(accepted(signed_with(key, header, payload))) << payload;
  }
  EXPECT_FALSE(accepted(signed_with(key, "[\"HS256\"]", customer_claims().dump())));
  EXPECT_FALSE(accepted(signed_with(key, R"({"alg":"HS256","crit":["exp"]})", customer_claims().dump())));
}

TEST(TokenVerifier, RefusesMissingClaimsAndWrongTypes) {
  const std::vector<std::pair<std::string, json>> changes{
      {"sub", nullptr},         {"sub", ""},          {"sub", 5},
      {"exp", nullptr},         {"exp", "tomorrow"},  {"exp", json::array({now + 60})},
      {"role", nullptr},        {"role", "owner"},    {"role", "Customer"},
      {"customer_id", nullptr}, {"customer_id", "5"}, {"customer_id", 0},
      {"customer_id", -5},      {"customer_id", 5.5}, {"customer_id", 18446744073709551615ULL},
      {"iat", "yesterday"},     {"nbf", true}};
  for (const auto& [claim, value] : changes) {
    auto claims = customer_claims();
    if (value.is_null()) {
      claims.erase(claim);
    } else {
      claims[claim] = value;
    }
    EXPECT_FALSE(accepted(forge(claims))) << claim << " = " << value.dump();
  }
  auto restaurant_without_its_id = customer_claims();
  restaurant_without_its_id["role"] = "restaurant";
  EXPECT_FALSE(accepted(forge(restaurant_without_its_id)));
}

TEST(TokenVerifier, HonoursExpNbfAndIatWithTheLeeway) {
  auto claims = customer_claims();
  claims["exp"] = now - 31;
  EXPECT_FALSE(accepted(forge(claims))) << "expired past the leeway";
  claims["exp"] = now - 29;
  EXPECT_TRUE(accepted(forge(claims))) << "expired within the leeway";
  claims["exp"] = now + 3600.5;
  EXPECT_TRUE(accepted(forge(claims))) << "a NumericDate may have a fraction";
  claims["nbf"] = now + 31;
  EXPECT_FALSE(accepted(forge(claims))) << "not valid yet";
  claims["nbf"] = now + 29;
  EXPECT_TRUE(accepted(forge(claims)));
  claims["iat"] = now + 600;
  EXPECT_FALSE(accepted(forge(claims))) << "issued in the future";
  auto strict = hs256();
  strict.leeway = std::chrono::seconds(0);
  claims = customer_claims();
  claims["exp"] = now - 1;
  EXPECT_FALSE(accepted(forge(claims), strict));
}

TEST(TokenVerifier, ChecksTheIssuerAndAudienceOnlyWhenConfigured) {
  auto settings = hs256();
  settings.issuer = "https://auth.example.com";
  settings.audience = "zomato-api";
  auto claims = customer_claims();
  EXPECT_FALSE(accepted(forge(claims), settings)) << "no iss, no aud";
  claims["iss"] = "https://auth.example.com";
  claims["aud"] = "zomato-api";
  EXPECT_TRUE(accepted(forge(claims), settings));
  claims["aud"] = json::array({"other", "zomato-api"});
  EXPECT_TRUE(accepted(forge(claims), settings));
  claims["aud"] = json::array({"other", 5});
  EXPECT_FALSE(accepted(forge(claims), settings));
  claims["aud"] = "other";
  EXPECT_FALSE(accepted(forge(claims), settings)) << "wrong audience";
  claims["aud"] = "zomato-api";
  claims["iss"] = "https://evil.example.com";
  EXPECT_FALSE(accepted(forge(claims), settings)) << "wrong issuer";
  EXPECT_TRUE(accepted(forge(claims))) << "neither is checked when not configured";
}

TEST(TokenIssuer, MintsWhatTheVerifierAccepts) {
  auto settings = hs256();
  settings.issuer = "ops";
  settings.audience = "zomato-api";
  const auto token = issue_token(settings, {"bob", {domain::role::restaurant, 9}, now, now + 60});
  const auto found = verify_token(settings, token, now);
  ASSERT_TRUE(found.caller) << found.refusal;
  EXPECT_EQ(found.caller->as, domain::role::restaurant);
  EXPECT_EQ(found.caller->id, 9);
  EXPECT_FALSE(verify_token(settings, token, now + 120).caller) << "past its lifetime";
}

TEST(Base64Url, RoundTripsAndRefusesNonCanonicalText) {
  for (const std::string bytes : {"", "f", "fo", "foo", "foob", "\xff\xfe\x00"}) {
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_decode("QQ"), "A");
  for (const char* text : {"QR", "Q", "QQ==", "Q+==", "a b", "Zm9v/"}) EXPECT_FALSE(base64url_decode(text)) << text;
}

// The PEM public key and a JWS signature of `input` (raw r||s for ES256) from a fresh key.
struct public_signer {
  std::string pem;
  std::string signature;
};

public_signer sign_with_new_key(EVP_PKEY* key, const std::string& input, bool ecdsa) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_PUBKEY(out.get(), key);
  char* data = nullptr;
  const auto length = BIO_get_mem_data(out.get(), &data);
  public_signer made{std::string(data, static_cast<std::size_t>(length)), {}};
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t size = 0;
  EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key);
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
  EVP_DigestSign(context.get(), nullptr, &size, bytes, input.size());
  std::string signature(size, '\0');
  EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, bytes, input.size());
  signature.resize(size);
  if (!ecdsa) {
    made.signature = signature;
    return made;
  }
  const auto* der = reinterpret_cast<const unsigned char*>(signature.data());
  const std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(
      d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(signature.size())), ECDSA_SIG_free);
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  made.signature = raw;
  return made;
}

TEST(TokenVerifier, VerifiesRs256AndEs256WithAPublicKey) {
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", 2048),
                                                                EVP_PKEY_free);
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"),
                                                               EVP_PKEY_free);
  for (const auto& [key, alg] : {std::pair{rsa.get(), "RS256"}, std::pair{ec.get(), "ES256"}}) {
    const auto input =
        base64url_encode(std::string(R"({"alg":")") + alg + "\"}") + "." + base64url_encode(customer_claims().dump());
    const auto made = sign_with_new_key(key, input, std::string(alg) == "ES256");
    const auto public_key = signing_key::public_key(made.pem);
    ASSERT_TRUE(public_key) << alg;
    EXPECT_EQ(name_of(public_key->alg()), alg);
    const token_settings settings{*public_key, {}, {}, std::chrono::seconds(30)};
    EXPECT_TRUE(accepted(input + "." + base64url_encode(made.signature), settings)) << alg;
    auto bad = made.signature;
    bad[5] = static_cast<char>(bad[5] ^ 1);
    EXPECT_FALSE(accepted(input + "." + base64url_encode(bad), settings)) << alg;
    EXPECT_FALSE(accepted(forge(customer_claims(), made.pem), settings)) << "HS256 keyed with the public key";
  }
  EXPECT_FALSE(signing_key::public_key("not a key"));
}

}  // namespace
}  // namespace zomato::auth
