#include "base/encoding.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace dojava;

// RFC 4648 §10 test vectors, in the URL-safe alphabet without padding.
TEST_CASE("base64url matches RFC 4648 section 10", "[encoding]") {
  const std::pair<std::string, std::string> kVectors[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : kVectors) {
    CHECK(Base64UrlEncode(AsBytes(plain)) == encoded);
    auto d = Base64UrlDecode(encoded);
    REQUIRE(d.ok());
    CHECK(std::string(AsChars(*d)) == plain);
  }
}

TEST_CASE("base64url uses the URL-safe alphabet", "[encoding]") {
  const Bytes b = {0xfb, 0xff, 0xbf};
  CHECK(Base64UrlEncode(b) == "-_-_");
  CHECK(Base64UrlDecode("-_-_").value() == b);
}

TEST_CASE("base64url rejects every non-canonical spelling", "[encoding]") {
  for (const char* bad : {"Zg==", "Zm8=", "Zh", "Zm9", "Z", "Zm9v\n", " Zm9v", "Zm+v", "Zm/v",
                          "Zm9v!", "Zm9vYmE=", "Zm9vY"}) {
    INFO(bad);
    auto r = Base64UrlDecode(bad);
    CHECK_FALSE(r.ok());
    CHECK(r.code() == Code::kMalformed);
  }
  // "Zh" would decode to 'f' with non-zero trailing bits: only "Zg" may.
  CHECK(Base64UrlDecode("Zg").ok());
}

TEST_CASE("base64url round-trips every length and byte", "[encoding]") {
  Bytes b;
  for (int n = 0; n < 300; ++n) {
    auto enc = Base64UrlEncode(b);
    auto dec = Base64UrlDecode(enc);
    REQUIRE(dec.ok());
    CHECK(*dec == b);
    auto sec = Base64UrlDecodeSecret(enc);
    REQUIRE(sec.ok());
    CHECK(sec->Equals(b));
    b.push_back(uint8_t(n * 37 + 11));
  }
}

TEST_CASE("fixed-length base64url decoding checks the length", "[encoding]") {
  Bytes sixteen(16, 7);
  CHECK(Base64UrlDecodeFixed<16>(Base64UrlEncode(sixteen)).ok());
  CHECK(Base64UrlDecodeFixed<15>(Base64UrlEncode(sixteen)).code() == Code::kMalformed);
  CHECK(Base64UrlDecodeFixed<17>(Base64UrlEncode(sixteen)).code() == Code::kMalformed);
}

TEST_CASE("hex is lower-case and strict", "[encoding]") {
  const Bytes b = {0x00, 0x01, 0xab, 0xff};
  CHECK(HexEncode(b) == "0001abff");
  CHECK(HexDecode("0001abff").value() == b);
  CHECK(HexDecode("0001ABFF").code() == Code::kMalformed);
  CHECK(HexDecode("0001abf").code() == Code::kMalformed);
  CHECK(HexDecode("0001abfg").code() == Code::kMalformed);
  CHECK(HexDecode(" 001").code() == Code::kMalformed);
  CHECK(HexDecode("").value().empty());
}
