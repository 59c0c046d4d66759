#include "crypto/receipt.h"

#include <sodium.h>

#include <cstdint>
#include <utility>

#include "crypto/protocol_constants.h"

namespace dojava::crypto {
namespace {

// The weakly totally anti-symmetric quasigroup of Damm (2004), as printed in
// PROTOCOL.md §4.1: kDamm[interim][digit].
constexpr uint8_t kDamm[10][10] = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
};

// 0xFF if a == b, else 0, without a branch.
inline uint8_t EqMask(unsigned a, unsigned b) {
  const unsigned x = a ^ b;  // 0 iff equal; x < 16 here
  return uint8_t(((x - 1u) >> 8) & 0xFFu);
}

// One Damm step. Reads all 100 table entries so that neither the branch
// pattern nor the memory access pattern depends on the (secret) digits.
inline uint8_t DammStep(uint8_t interim, uint8_t digit) {
  uint8_t out = 0;
  for (unsigned row = 0; row < 10; ++row) {
    const uint8_t row_mask = EqMask(row, interim);
    for (unsigned col = 0; col < 10; ++col) {
      out |= uint8_t(kDamm[row][col] & row_mask & EqMask(col, digit));
    }
  }
  return out;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Interim digit after processing `digits`, or -1 on a non-digit.
int DammInterim(std::string_view digits) {
  uint8_t interim = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return -1;
    interim = DammStep(interim, uint8_t(c - '0'));
  }
  return interim;
}

// §4.2: the separators a person may type, paste or get from a phone
// keyboard. Returns the byte length of the separator at text[i], or 0.
size_t SeparatorAt(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' || c == '.') return 1;
  auto is = [&](std::string_view seq) { return text.substr(i, seq.size()) == seq; };
  if (is("\xc2\xa0")) return 2;  // U+00A0 no-break space
  // U+2009 thin space, U+2010..U+2015 hyphens and dashes, U+202F narrow
  // no-break space, U+2212 minus sign.
  for (std::string_view seq :
       {"\xe2\x80\x89", "\xe2\x80\x90", "\xe2\x80\x91", "\xe2\x80\x92", "\xe2\x80\x93",
        "\xe2\x80\x94", "\xe2\x80\x95", "\xe2\x80\xaf", "\xe2\x88\x92"}) {
    if (is(seq)) return 3;
  }
  return 0;
}

}  // namespace

int DammCheckDigit(std::string_view digits) { return DammInterim(digits); }

bool DammValid(std::string_view digits) { return !digits.empty() && DammInterim(digits) == 0; }

Receipt Receipt::Generate() {
  EnsureSodium();
  SecretBytes digits(protocol::kReceiptDigits);
  auto out = digits.reveal_mut();
  uint8_t interim = 0;
  for (size_t i = 0; i < protocol::kReceiptRandomDigits; ++i) {
    // Uniform, unlike byte % 10 (§4.1).
    const uint8_t d = uint8_t(randombytes_uniform(10));
    out[i] = uint8_t('0' + d);
    interim = DammStep(interim, d);
  }
  out[protocol::kReceiptRandomDigits] = uint8_t('0' + interim);
  return Receipt(std::move(digits));
}

Result<Receipt> Receipt::Parse(std::string_view typed) {
  SecretBytes digits(protocol::kReceiptDigits);
  auto out = digits.reveal_mut();
  if (typed.size() > protocol::kReceiptMaxTypedBytes) {
    return Status(Code::kMalformed, "a receipt has exactly 28 digits");
  }
  size_t count = 0;
  for (size_t i = 0; i < typed.size();) {
    if (const size_t sep = SeparatorAt(typed, i); sep > 0) {
      i += sep;
      continue;
    }
    const char c = typed[i++];
    if (!IsAsciiDigit(c)) {
      return Status(Code::kMalformed, "a receipt has only digits, spaces, dashes and dots");
    }
    if (count < protocol::kReceiptDigits) out[count] = uint8_t(c);
    ++count;
  }
  if (count != protocol::kReceiptDigits) {
    return Status(Code::kMalformed, "a receipt has exactly 28 digits");
  }
  if (!DammValid(digits.reveal_chars())) {
    return Status(Code::kBadChecksum, "the receipt was mistyped (check digit does not match)");
  }
  return Receipt(std::move(digits));
}

SecretBytes Receipt::Formatted() const {
  constexpr size_t kGroups = protocol::kReceiptDigits / protocol::kReceiptGroupSize;
  static_assert(kGroups * protocol::kReceiptGroupSize == protocol::kReceiptDigits);
  SecretBytes text(protocol::kReceiptDigits + kGroups - 1);
  auto out = text.reveal_mut();
  const ByteView in = digits_.reveal();
  size_t pos = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (i > 0 && i % protocol::kReceiptGroupSize == 0) out[pos++] = '-';
    out[pos++] = in[i];
  }
  return text;
}

Result<ReceiptKeys> DeriveReceiptKeys(const Receipt& receipt, ByteView salt16) {
  if (salt16.size() != protocol::kSaltSize) {
    return Status(Code::kInvalidArgument, "the instance salt is 16 bytes");
  }
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes r,
                          Argon2id(receipt.canonical(), salt16, protocol::kReceiptArgonOps,
                                   protocol::kReceiptArgonMemBytes));
  ReceiptKeys keys;
  keys.lookup_key = Kdf(r.reveal(), protocol::kLabelReceiptLookup);
  keys.source_secret = Kdf(r.reveal(), protocol::kLabelReceiptX25519);
  keys.source_public = X25519Base(keys.source_secret.reveal());
  keys.source_wrap = Kdf(r.reveal(), protocol::kLabelReceiptWrap);
  keys.source_sign_seed = Kdf(r.reveal(), protocol::kLabelReceiptEd25519);
  return keys;
}

Bytes LookupHash(ByteView lookup_key) {
  return LabeledHash(32, protocol::kLabelLookupHash, lookup_key);
}

}  // namespace dojava::crypto
