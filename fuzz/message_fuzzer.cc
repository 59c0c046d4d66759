// Message records (crypto/PROTOCOL.md §8): envelopes, padding, inner layout,
// reviewer signatures. Input: mode(1) case_id(16) case_key(32) notes_key(32)
// reviewer_id(16) reviewer_ed25519_public(32), then the rest:
//   mode 0: the rest is a record, opened with DecryptMessage (the layout of
//           the vector files, so tests/vectors/message-*.json are seeds);
//   mode 1: the rest is a padded plaintext; the target seals it under the
//           case or notes key (kind from its first byte) so that the checks
//           after the AEAD (inner length, bucket, padding, author, signature)
//           see fuzzed bytes;
//   mode 2: the rest is a body; EncryptMessage then DecryptMessage must give
//           it back (signed by a fixed reviewer key when its first byte is
//           odd).
#include <algorithm>
#include <optional>

#include "crypto/message.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

namespace {

namespace p = dojava::protocol;
using dojava::Bytes;
using dojava::ByteView;
using dojava::SecretBytes;
using dojava::crypto::Ed25519Public;
using dojava::crypto::Id;

constexpr uint8_t kSignerTag = 0x5a;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 3;
  const Id case_id = in.Array<16>();
  const SecretBytes case_key = SecretBytes::Copy(ByteView(in.Array<32>()));
  const SecretBytes notes_key = SecretBytes::Copy(ByteView(in.Array<32>()));
  const Id reviewer_id = in.Array<16>();
  const Ed25519Public reviewer_public = in.Array<32>();
  const ByteView rest = in.Rest();

  const crypto::Ed25519KeyPair& signer_key = fuzz::FixedEd25519(kSignerTag);
  Id signer_id;
  signer_id.fill(kSignerTag);
  const crypto::AuthorKeyLookup lookup = [&](const Id& id) -> std::optional<Ed25519Public> {
    // The fixed signer first: an input whose reviewer id equals it must not
    // replace the key of mode 2's honest signer (a harness bug found so).
    if (id == signer_id) return signer_key.public_key;
    if (id == reviewer_id) return reviewer_public;
    return std::nullopt;
  };
  const crypto::CaseKeys keys{&case_key, &notes_key};

  if (mode == 0) {
    auto opened = crypto::DecryptMessage(rest, case_id, keys, lookup);
    if (opened.ok()) {
      auto header = crypto::ParseMessageHeader(rest);
      DOJAVA_FUZZ_CHECK(header.ok());
      DOJAVA_FUZZ_CHECK(opened->body.size() <=
                        crypto::MaxBodySize(opened->author == p::kAuthorReviewer));
    }
    return 0;
  }
  if (mode == 1) {
    if (rest.empty()) return 0;
    const uint8_t kind = rest[0] & 1 ? p::kKindNotes : p::kKindConversation;
    const ByteView inner = rest.subspan(1);
    size_t bucket = p::kMinPaddedSize;
    while (bucket < inner.size() && bucket < p::kMaxPaddedSize) bucket *= 2;
    if (inner.size() > bucket) return 0;
    Bytes padded(inner.begin(), inner.end());
    padded.resize(bucket, 0);
    const Id message_id = signer_id;
    const std::array<uint8_t, p::kAeadNonceSize> nonce{};
    Bytes record;
    record.push_back(p::kVersion);
    record.push_back(kind);
    record.insert(record.end(), case_id.begin(), case_id.end());
    record.insert(record.end(), message_id.begin(), message_id.end());
    record.insert(record.end(), nonce.begin(), nonce.end());
    DOJAVA_FUZZ_CHECK(record.size() == p::kMessageHeaderSize);
    Bytes ad = crypto::Label(p::kLabelMessage);
    ad.insert(ad.end(), record.begin(), record.end());
    const SecretBytes& key = kind == p::kKindNotes ? notes_key : case_key;
    const Bytes sealed = crypto::AeadSeal(key.reveal(), nonce, ad, padded);
    record.insert(record.end(), sealed.begin(), sealed.end());
    auto opened = crypto::DecryptMessage(record, case_id, keys, lookup);
    if (opened.ok()) DOJAVA_FUZZ_CHECK(opened->kind == kind);
    return 0;
  }
  // mode 2: round trip.
  if (rest.empty()) return 0;
  const bool signed_by_reviewer = rest[0] & 1;
  const uint8_t kind = signed_by_reviewer && (rest[0] & 2) ? p::kKindNotes : p::kKindConversation;
  const ByteView body = rest.subspan(1);
  const crypto::ReviewerSigner signer{signer_id, &signer_key.secret_key};
  const SecretBytes& key = kind == p::kKindNotes ? notes_key : case_key;
  auto record = crypto::EncryptMessage(key, kind, case_id, reviewer_id, body,
                                       signed_by_reviewer ? &signer : nullptr);
  DOJAVA_FUZZ_CHECK(record.ok() == (body.size() <= crypto::MaxBodySize(signed_by_reviewer)));
  if (!record.ok()) return 0;
  auto opened = crypto::DecryptMessage(*record, case_id, keys, lookup);
  DOJAVA_FUZZ_CHECK(opened.ok());
  DOJAVA_FUZZ_CHECK(opened->kind == kind && opened->message_id == reviewer_id);
  DOJAVA_FUZZ_CHECK(std::ranges::equal(opened->body.reveal(), body));
  DOJAVA_FUZZ_CHECK(opened->author ==
                    (signed_by_reviewer ? p::kAuthorReviewer : p::kAuthorSource));
  return 0;
}
