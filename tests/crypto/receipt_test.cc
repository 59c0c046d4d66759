// Receipts, crypto/PROTOCOL.md §4.
#include "crypto/receipt.h"

#include <sodium.h>

#include <array>
#include <catch2/catch_test_macros.hpp>
#include <set>
#include <string>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"

using namespace dojava;
using namespace dojava::crypto;

namespace {

// A 28-digit receipt from 27 random digits (test-only, plain memory).
std::string RandomValidDigits() {
  std::string s;
  for (size_t i = 0; i < protocol::kReceiptRandomDigits; ++i) {
    s.push_back(char('0' + randombytes_uniform(10)));
  }
  s.push_back(char('0' + DammCheckDigit(s)));
  return s;
}

std::string Canonical(const Receipt& r) { return std::string(AsChars(r.canonical())); }

Bytes Salt(uint8_t fill) { return Bytes(protocol::kSaltSize, fill); }

// A fixed valid receipt: 27 digits and its check digit.
std::string FixedReceipt() {
  std::string s = "482109375520118670439912338";
  s.push_back(char('0' + DammCheckDigit(s)));
  return s;
}

}  // namespace

// Known answers from outside this repo:
//  - Wikipedia, "Damm algorithm", worked example: for 572 the interim digits
//    are 0 -> 9 -> 7 -> 4, so the check digit is 4 and 5724 validates.
//  - Rosetta Code, "Damm algorithm" task: 5724 valid, 5727 invalid,
//    112946 valid, 112949 invalid.
TEST_CASE("Damm check digit matches published examples", "[receipt]") {
  CHECK(DammCheckDigit("572") == 4);
  CHECK(DammCheckDigit("5") == 9);   // Wikipedia's first interim step
  CHECK(DammCheckDigit("57") == 7);  // and its second
  CHECK(DammValid("5724"));
  CHECK_FALSE(DammValid("5727"));
  CHECK(DammValid("112946"));
  CHECK_FALSE(DammValid("112949"));
  CHECK(DammCheckDigit("") == 0);
  CHECK_FALSE(DammValid(""));
  CHECK(DammCheckDigit("12a") == -1);
  CHECK_FALSE(DammValid("5724 "));
}

// Exhaustive over every 4-digit prefix (so every interim state, every pair of
// digits at every position of a short code) and over many random 28-digit
// receipts at every position.
TEST_CASE("Damm catches every single-digit substitution", "[receipt]") {
  auto check_all = [](const std::string& valid) {
    REQUIRE(DammValid(valid));
    for (size_t i = 0; i < valid.size(); ++i) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == valid[i]) continue;
        std::string bad = valid;
        bad[i] = d;
        INFO(valid << " position " << i << " -> " << d);
        REQUIRE_FALSE(DammValid(bad));
      }
    }
  };
  for (int n = 0; n < 10000; ++n) {
    std::string s = std::to_string(10000 + n).substr(1);  // "0000".."9999"
    s.push_back(char('0' + DammCheckDigit(s)));
    check_all(s);
  }
  for (int n = 0; n < 500; ++n) check_all(RandomValidDigits());
}

TEST_CASE("Damm catches every adjacent transposition of different digits", "[receipt]") {
  // Swapping two equal digits changes nothing, so it is not an error.
  auto check_all = [](const std::string& valid) {
    REQUIRE(DammValid(valid));
    int swaps = 0;
    for (size_t i = 0; i + 1 < valid.size(); ++i) {
      if (valid[i] == valid[i + 1]) continue;
      std::string bad = valid;
      std::swap(bad[i], bad[i + 1]);
      INFO(valid << " swap at " << i);
      REQUIRE_FALSE(DammValid(bad));
      ++swaps;
    }
    return swaps;
  };
  int swaps = 0;
  for (int n = 0; n < 10000; ++n) {
    std::string s = std::to_string(10000 + n).substr(1);
    s.push_back(char('0' + DammCheckDigit(s)));
    swaps += check_all(s);
  }
  for (int n = 0; n < 500; ++n) swaps += check_all(RandomValidDigits());
  CHECK(swaps > 40000);  // the loops really did test transpositions
}

TEST_CASE("Generated receipts are valid, distinct and formatted in 7 groups", "[receipt]") {
  std::set<std::string> seen;
  for (int n = 0; n < 1000; ++n) {
    const Receipt r = Receipt::Generate();
    const std::string c = Canonical(r);
    REQUIRE(c.size() == 28);
    REQUIRE(DammValid(c));
    REQUIRE(seen.insert(c).second);
    const SecretBytes f = r.Formatted();
    const std::string_view text = f.reveal_chars();
    REQUIRE(text.size() == 34);
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % 5 == 4) {
        REQUIRE(text[i] == '-');
      } else {
        REQUIRE((text[i] >= '0' && text[i] <= '9'));
      }
    }
    auto back = Receipt::Parse(text);
    REQUIRE(back.ok());
    REQUIRE(Canonical(*back) == c);
  }
}

TEST_CASE("The display example of §4.1 parses and formats back", "[receipt]") {
  // "4821-0937-5520-1186-7043-9912-3385" is a valid receipt: the Damm check
  // digit of its first 27 digits is 5.
  CHECK(DammCheckDigit("482109375520118670439912338") == 5);
  auto r = Receipt::Parse("4821-0937-5520-1186-7043-9912-3385");
  REQUIRE(r.ok());
  CHECK(Canonical(*r) == "4821093755201186704399123385");
  CHECK(r->Formatted().reveal_chars() == "4821-0937-5520-1186-7043-9912-3385");
  CHECK(Receipt::Parse("4821-0937-5520-1186-7043-9912-3386").code() == Code::kBadChecksum);
}

// Chi-square over 27 * 4000 = 108000 digits, 9 degrees of freedom: mean 9,
// P(X > 150) is below 1e-25, so this never flakes, yet a stuck or grossly
// biased generator (e.g. one digit never produced: X ~ 12000) fails at once.
TEST_CASE("Generated digits are uniform (loose chi-square) at every position", "[receipt]") {
  constexpr int kReceipts = 4000;
  std::array<long, 10> total{};
  std::array<std::array<long, 10>, protocol::kReceiptRandomDigits> per_position{};
  for (int n = 0; n < kReceipts; ++n) {
    const Receipt r = Receipt::Generate();
    for (size_t i = 0; i < protocol::kReceiptRandomDigits; ++i) {
      const int d = r.canonical()[i] - '0';
      ++total[d];
      ++per_position[i][d];
    }
  }
  const double expected = double(kReceipts) * protocol::kReceiptRandomDigits / 10.0;
  double chi2 = 0;
  for (long c : total) chi2 += (double(c) - expected) * (double(c) - expected) / expected;
  INFO("chi-square = " << chi2);
  CHECK(chi2 < 150.0);
  // Every digit appears at every position (P(miss) ~ 10 * 0.9^4000 ~ 0).
  for (const auto& counts : per_position) {
    for (long c : counts) CHECK(c > 0);
  }
}

TEST_CASE("Parse removes spaces, tabs, dashes and dots anywhere", "[receipt]") {
  const std::string c = FixedReceipt();
  const std::string grouped = c.substr(0, 4) + "-" + c.substr(4, 4) + " " + c.substr(8, 4) + "." +
                              c.substr(12, 4) + "\t" + c.substr(16, 4) + " - " + c.substr(20, 4) +
                              ".." + c.substr(24, 4);
  for (const std::string& typed : {c, grouped, " \t" + c + "-. ",
                                   c.substr(0, 1) + "...." + c.substr(1), std::string("-") + c}) {
    INFO("typed: " << typed);
    auto r = Receipt::Parse(typed);
    REQUIRE(r.ok());
    CHECK(Canonical(*r) == c);
  }
}

TEST_CASE("Parse rejects anything but separators and 28 ASCII digits", "[receipt]") {
  const std::string c = FixedReceipt();
  auto code = [](std::string_view s) { return Receipt::Parse(s).code(); };
  CHECK(code(c) == Code::kOk);
  // Wrong digit counts, including separators only.
  CHECK(code("") == Code::kMalformed);
  CHECK(code(" - . ") == Code::kMalformed);
  CHECK(code(c.substr(0, 27)) == Code::kMalformed);
  CHECK(code(c + "0") == Code::kMalformed);
  CHECK(code(c + c) == Code::kMalformed);
  // Letters, other ASCII separators and control characters.
  for (const char* extra : {"a", "O", "l", "x", "_", "/", ",", "\v", "\f", "+", "#"}) {
    INFO("extra: " << extra);
    CHECK(code(c.substr(0, 14) + extra + c.substr(14)) == Code::kMalformed);
  }
  std::string with_nul = c;
  with_nul.insert(10, 1, '\0');
  CHECK(code(with_nul) == Code::kMalformed);
  // A letter in place of a digit keeps the count at 27 digits + 1 letter.
  std::string letter = c;
  letter[3] = 'O';
  CHECK(code(letter) == Code::kMalformed);
  // Unicode digits (UTF-8): fullwidth 3, Arabic-Indic 3, Devanagari 3; a
  // lone byte of a separator's encoding; an em space (not a separator).
  for (const char* u :
       {"\xEF\xBC\x93", "\xD9\xA3", "\xE0\xA5\xA9", "\xC2", "\xE2\x80", "\xE2\x80\x83"}) {
    INFO("unicode: " << u);
    CHECK(code(c.substr(0, 27) + u) == Code::kMalformed);  // in place of the last digit
    CHECK(code(c.substr(0, 10) + u + c.substr(10)) == Code::kMalformed);
  }
}

TEST_CASE("Parse accepts pasted line ends and the separators phones type", "[receipt]") {
  const std::string c = FixedReceipt();
  // CR LF, no-break space, thin space, hyphen, non-breaking hyphen, figure
  // dash, en dash, em dash, horizontal bar, narrow no-break space, minus.
  for (const char* sep :
       {"\r\n", "\n", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92",
        "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\xAF", "\xE2\x88\x92"}) {
    INFO("separator bytes: " << sep);
    std::string typed;
    for (size_t i = 0; i < c.size(); i += 4) typed += c.substr(i, 4) + sep;
    auto r = Receipt::Parse(typed);
    REQUIRE(r.ok());
    CHECK(r->canonical().size() == 28);
  }
  // Input longer than any plausible typing is refused before scanning.
  CHECK(Receipt::Parse(c + std::string(300, ' ')).code() == Code::kMalformed);
}

TEST_CASE("Parse reports a wrong check digit as bad_checksum", "[receipt]") {
  const std::string c = FixedReceipt();
  std::string typo = c;
  typo[5] = typo[5] == '9' ? '0' : char(typo[5] + 1);
  CHECK(Receipt::Parse(typo).code() == Code::kBadChecksum);
  // Malformed takes precedence over the checksum.
  CHECK(Receipt::Parse(typo + "x").code() == Code::kMalformed);
  // Every wrong check digit.
  for (char d = '0'; d <= '9'; ++d) {
    std::string s = c;
    s.back() = d;
    CHECK(Receipt::Parse(s).code() == (d == c.back() ? Code::kOk : Code::kBadChecksum));
  }
}

TEST_CASE("Derivation follows §4.3 step by step", "[receipt]") {
  auto r = Receipt::FromCanonical(FixedReceipt());
  REQUIRE(r.ok());
  const Bytes salt = Salt(7);
  auto keys = DeriveReceiptKeys(*r, salt);
  REQUIRE(keys.ok());
  auto R = Argon2id(AsBytes(FixedReceipt()), salt, 2, 8u * 1024 * 1024);
  REQUIRE(R.ok());
  CHECK(keys->lookup_key.Equals(Kdf(R->reveal(), "dojava/v1/receipt/lookup")));
  CHECK(keys->source_secret.Equals(Kdf(R->reveal(), "dojava/v1/receipt/x25519")));
  CHECK(keys->source_public == X25519Base(keys->source_secret.reveal()));
  CHECK(keys->source_wrap.Equals(Kdf(R->reveal(), "dojava/v1/receipt/wrap")));
  CHECK(keys->lookup_key.size() == 32);
  CHECK(keys->source_secret.size() == 32);
  CHECK(keys->source_wrap.size() == 32);
  // The three labels give independent keys.
  CHECK_FALSE(keys->lookup_key.Equals(keys->source_secret));
  CHECK_FALSE(keys->lookup_key.Equals(keys->source_wrap));
  CHECK_FALSE(keys->source_secret.Equals(keys->source_wrap));
  CHECK_FALSE(keys->lookup_key.Equals(R->reveal()));
  CHECK_FALSE(keys->source_secret.Equals(R->reveal()));
  CHECK_FALSE(keys->source_wrap.Equals(R->reveal()));
}

// KDF(ikm, label) = keyed BLAKE2b-256 of L(label), checked against Python's
// hashlib (an implementation independent of libsodium):
//   hashlib.blake2b(label.encode() + b"\0", key=bytes(range(100, 132)),
//                   digest_size=32).hexdigest()
TEST_CASE("Receipt KDF labels match an independent BLAKE2b", "[receipt]") {
  Bytes ikm(32);
  for (size_t i = 0; i < ikm.size(); ++i) ikm[i] = uint8_t(100 + i);
  CHECK(HexEncode(Kdf(ikm, protocol::kLabelReceiptLookup).reveal()) ==
        "59c26b3344de5478271feba7f7d2996ca2c2e3f6069980ae03d2e2743e9c4c16");
  CHECK(HexEncode(Kdf(ikm, protocol::kLabelReceiptX25519).reveal()) ==
        "47480dbd7a4f054372a23b51e13faaf3c6c49d2b99205f22aa64a621c03a0fb2");
  CHECK(HexEncode(Kdf(ikm, protocol::kLabelReceiptWrap).reveal()) ==
        "442d90c09ee7ef5e5c5dd2860f819328c63346cd030fa34d1e3c557614dd11c3");
}

// hashlib.blake2b(b"dojava/v1/lookup-hash\0" + bytes([0x42] * 32),
//                 digest_size=32).hexdigest()
TEST_CASE("LookupHash matches an independent BLAKE2b", "[receipt]") {
  const Bytes lookup_key(32, 0x42);
  CHECK(HexEncode(LookupHash(lookup_key)) ==
        "1d352f6f63d99d0fe2dbe0f1f1bdcdb647d02f2982046ee8e6e7bf4a68ebfcef");
  Bytes other = lookup_key;
  other[31] ^= 1;
  CHECK(LookupHash(other) != LookupHash(lookup_key));
}

TEST_CASE("Derivation is deterministic and depends on the salt and every digit", "[receipt]") {
  const std::string c = FixedReceipt();
  auto r = Receipt::FromCanonical(c);
  REQUIRE(r.ok());
  auto a = DeriveReceiptKeys(*r, Salt(1));
  auto b = DeriveReceiptKeys(*r, Salt(1));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->lookup_key.Equals(b->lookup_key));
  CHECK(a->source_secret.Equals(b->source_secret));
  CHECK(a->source_public == b->source_public);
  CHECK(a->source_wrap.Equals(b->source_wrap));
  CHECK(LookupHash(a->lookup_key.reveal()) == LookupHash(b->lookup_key.reveal()));

  // Same receipt typed differently: same keys.
  auto typed = Receipt::Parse(std::string(r->Formatted().reveal_chars()));
  REQUIRE(typed.ok());
  auto t = DeriveReceiptKeys(*typed, Salt(1));
  REQUIRE(t.ok());
  CHECK(t->lookup_key.Equals(a->lookup_key));

  // Another salt (one bit): everything changes.
  Bytes salt2 = Salt(1);
  salt2[15] ^= 0x80;
  auto s = DeriveReceiptKeys(*r, salt2);
  REQUIRE(s.ok());
  CHECK_FALSE(s->lookup_key.Equals(a->lookup_key));
  CHECK_FALSE(s->source_secret.Equals(a->source_secret));
  CHECK(s->source_public != a->source_public);
  CHECK_FALSE(s->source_wrap.Equals(a->source_wrap));

  // Each of the 27 random digits changed (check digit recomputed): all
  // three outputs change, and all are distinct from each other.
  std::set<Bytes> lookups{Bytes(a->lookup_key.reveal().begin(), a->lookup_key.reveal().end())};
  for (size_t i = 0; i < protocol::kReceiptRandomDigits; ++i) {
    std::string d = c.substr(0, 27);
    d[i] = d[i] == '9' ? '0' : char(d[i] + 1);
    d.push_back(char('0' + DammCheckDigit(d)));
    auto ri = Receipt::FromCanonical(d);
    REQUIRE(ri.ok());
    auto ki = DeriveReceiptKeys(*ri, Salt(1));
    REQUIRE(ki.ok());
    INFO("digit " << i);
    CHECK_FALSE(ki->lookup_key.Equals(a->lookup_key));
    CHECK_FALSE(ki->source_secret.Equals(a->source_secret));
    CHECK(ki->source_public != a->source_public);
    CHECK_FALSE(ki->source_wrap.Equals(a->source_wrap));
    lookups.insert(Bytes(ki->lookup_key.reveal().begin(), ki->lookup_key.reveal().end()));
  }
  CHECK(lookups.size() == protocol::kReceiptRandomDigits + 1);
}

TEST_CASE("Derivation refuses a salt that is not 16 bytes", "[receipt]") {
  auto r = Receipt::FromCanonical(FixedReceipt());
  REQUIRE(r.ok());
  CHECK(DeriveReceiptKeys(*r, Bytes(15, 1)).code() == Code::kInvalidArgument);
  CHECK(DeriveReceiptKeys(*r, Bytes(17, 1)).code() == Code::kInvalidArgument);
  CHECK(DeriveReceiptKeys(*r, Bytes{}).code() == Code::kInvalidArgument);
}
