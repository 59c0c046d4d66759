// Receipts: the source's only secret (crypto/PROTOCOL.md §4).
//
// A receipt is 28 decimal digits: 27 uniform random digits and a Damm check
// digit (§4.1). It is typed back by a person, so parsing forgives separators
// but nothing else (§4.2). From the canonical digits and the instance's public
// salt come the lookup key (sent to the server), the source's X25519 key pair
// and wrapping key (never leave the client) and the lookup hash (the only
// thing the server stores) (§4.3).
//
// Every copy of the digits and every derived secret lives in SecretBytes.
// Thread safety: no shared state; distinct objects may be used concurrently.
#ifndef DOJAVA_CRYPTO_RECEIPT_H_
#define DOJAVA_CRYPTO_RECEIPT_H_

#include <string_view>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"

namespace dojava::crypto {

// The Damm check digit (0..9) of `digits`, ASCII '0'..'9' (§4.1); -1 if any
// character is not an ASCII digit. The table lookups do not branch on, or
// index memory by, digit values.
int DammCheckDigit(std::string_view digits);
// True iff `digits` are all ASCII digits and processing them ends in interim 0,
// i.e. the last digit is the check digit of the others. False for "".
bool DammValid(std::string_view digits);

class Receipt {
 public:
  // A fresh receipt: 27 digits from randombytes_uniform(10), then the check
  // digit. Aborts only if libsodium cannot initialise (see EnsureSodium).
  static Receipt Generate();

  // Parses what a person typed (§4.2): refuses more than 256 bytes, removes
  // the separators of §4.2 (ASCII space, tab, CR, LF, '-', '.', and the
  // Unicode spaces and dashes listed there) anywhere, then requires exactly 28 ASCII digits
  // (kMalformed otherwise: any other byte, including non-ASCII digits, or another count), then the
  // Damm check (kBadChecksum). `typed` is not copied anywhere but the
  // result; the caller wipes its own buffer.
  static Result<Receipt> Parse(std::string_view typed);
  // Parse() of a canonical receipt (28 digits), for test vectors. Separators
  // are accepted too, since it is the same function.
  static Result<Receipt> FromCanonical(std::string_view canonical28) { return Parse(canonical28); }

  Receipt(Receipt&&) noexcept = default;
  Receipt& operator=(Receipt&&) noexcept = default;

  // The display form: 7 groups of 4 digits joined by '-' (34 characters).
  SecretBytes Formatted() const;
  // The canonical receipt: 28 ASCII digits, no separators. Valid while this
  // object lives.
  ByteView canonical() const { return digits_.reveal(); }

 private:
  explicit Receipt(SecretBytes digits) : digits_(std::move(digits)) {}
  SecretBytes digits_;  // exactly protocol::kReceiptDigits ASCII digits, Damm-valid
};

// What a receipt unlocks (§4.3). lookup_key, source_secret and source_wrap
// are 32 bytes.
struct ReceiptKeys {
  SecretBytes lookup_key;        // sent to the server in a header, never stored
  SecretBytes source_secret;     // X25519 secret; never leaves the client
  X25519Public source_public{};  // stored by the server; only a signed re-key (§7.3) seals to it
  // Wraps and opens the source's copy of the case key (§7.1, source_key_wrap.h).
  // Only a receipt holder can derive it; never leaves the client.
  SecretBytes source_wrap;
  // Seed of the source's Ed25519 signing key (§4.3, protocol v2): signs every
  // record the source writes (§8.3); its public half travels only inside them.
  SecretBytes source_sign_seed;
};

// §4.3 with the fixed v1 parameters (Argon2id t = 2, m = 8 MiB; not
// negotiable, so a server cannot weaken them). kInvalidArgument if `salt16`
// is not 16 bytes; kInternal if Argon2id cannot allocate its 8 MiB. Takes
// about as long as one Argon2id at those parameters.
Result<ReceiptKeys> DeriveReceiptKeys(const Receipt& receipt, ByteView salt16);

// lookup_hash = H(32, "dojava/v1/lookup-hash", lookup_key) (§4.3): what the
// server stores and looks cases up by. Hashes the bytes it is given; the
// service MUST reject a lookup key that is not 32 bytes before calling.
Bytes LookupHash(ByteView lookup_key);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_RECEIPT_H_
