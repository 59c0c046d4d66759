// Message records (crypto/PROTOCOL.md §8): envelopes, key commitments,
// padding, inner layout, signatures. Input: mode(1) case_id(16)
// case_key(32) notes_key(32) reviewer_id(16), then the rest; the roster
// holds that reviewer and a fixed signer, both with fixed keys:
//   mode 0: the rest is a record, opened with DecryptMessage (the layout of
//           the vector files, so tests/vectors/message-v2-*.json are seeds);
//           a version byte other than 2 must be unsupported_version (§16);
//   mode 1: the rest is a padded plaintext; the target seals it under the
//           key derived from the case or notes key (kind from its first
//           byte), with the header's commitment, so that the checks after
//           the AEAD (inner length, bucket, padding, author, context,
//           signature, retirement) see fuzzed bytes;
//   mode 2: the rest is a body; EncryptMessage then DecryptMessage must give
//           it back (signed by the fixed reviewer when its first byte is
//           odd, else by a fixed source key).
#include <algorithm>
#include <optional>
#include <utility>

#include "crypto/message_v2.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

namespace {

namespace p = dojava::protocol;
namespace v2 = dojava::crypto::v2;
using dojava::Bytes;
using dojava::ByteView;
using dojava::SecretBytes;
using dojava::crypto::Id;

constexpr uint8_t kSignerTag = 0x5a;
constexpr uint8_t kReviewerTag = 0x6b;
constexpr uint8_t kSourceTag = 0x7c;
constexpr uint8_t kAdminTag = 0xad;

// A roster (version 2, 1 entry retired at version 3) of the fixed signer and
// the input's reviewer id.
v2::VerifiedRoster RosterOf(const Id& reviewer_id) {
  using dojava::fuzz::FixedEd25519;
  v2::Roster r;
  r.version = 3;
  r.expires_day = 20030;
  r.prev_digest.fill(1);
  v2::RosterEntry signer;
  signer.reviewer_id.fill(kSignerTag);
  signer.ed25519 = FixedEd25519(kSignerTag).public_key;
  signer.x25519 = dojava::crypto::X25519Base(Bytes(32, kSignerTag));
  signer.name = "Signer";
  r.entries.push_back(signer);
  if (reviewer_id != signer.reviewer_id) {
    v2::RosterEntry other;
    other.reviewer_id = reviewer_id;
    other.retired_at = 3;
    other.ed25519 = FixedEd25519(kReviewerTag).public_key;
    other.x25519 = dojava::crypto::X25519Base(Bytes(32, kReviewerTag));
    other.name = "Other";
    r.entries.push_back(other);
  }
  const auto& admin = FixedEd25519(kAdminTag);
  const Bytes bytes = v2::SignRoster(r, admin.secret_key, admin.public_key).value();
  return v2::VerifyRoster(bytes, admin.public_key, r.instance_id, std::nullopt).value();
}

// mode 1: a record around `padded`, sealed as §8.1 says.
Bytes SealPadded(const SecretBytes& key, uint8_t kind, const Id& case_id, ByteView padded) {
  Bytes record;
  record.push_back(p::kVersion2);
  record.push_back(kind);
  record.insert(record.end(), case_id.begin(), case_id.end());
  record.insert(record.end(), case_id.begin(), case_id.end());  // message id
  const v2::Digest kc = v2::KeyCommitment(key);
  record.insert(record.end(), kc.begin(), kc.end());
  const std::array<uint8_t, p::kAeadNonceSize> nonce{};
  record.insert(record.end(), nonce.begin(), nonce.end());
  Bytes ad = dojava::crypto::Label(p::kLabelMessageV2);
  ad.insert(ad.end(), record.begin(), record.end());
  const SecretBytes mk = dojava::crypto::Kdf(key.reveal(), p::kLabelMessageKeyV2);
  const Bytes sealed = dojava::crypto::AeadSeal(mk.reveal(), nonce, ad, padded);
  record.insert(record.end(), sealed.begin(), sealed.end());
  return record;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 3;
  const Id case_id = in.Array<16>();
  const SecretBytes case_key = SecretBytes::Copy(ByteView(in.Array<32>()));
  const SecretBytes notes_key = SecretBytes::Copy(ByteView(in.Array<32>()));
  const Id reviewer_id = in.Array<16>();
  const ByteView rest = in.Rest();
  // Signing a roster per input is slow: the last one is kept for its id.
  static std::optional<std::pair<Id, v2::VerifiedRoster>> last;
  if (!last || last->first != reviewer_id) last.emplace(reviewer_id, RosterOf(reviewer_id));
  const v2::VerifiedRoster& verified = last->second;
  const v2::CaseKeys keys{&case_key, &notes_key};

  if (mode == 0) {
    auto opened = v2::DecryptMessage(rest, case_id, keys, verified);
    if (!rest.empty() && rest[0] != p::kVersion2) {
      DOJAVA_FUZZ_CHECK(opened.code() == Code::kUnsupportedVersion);
    }
    if (opened.ok()) {
      DOJAVA_FUZZ_CHECK(v2::ParseMessageHeader(rest).ok());
      DOJAVA_FUZZ_CHECK(opened->body.size() <= v2::MaxBodySize(opened->author));
      DOJAVA_FUZZ_CHECK(opened->event_hash == v2::EventHash(rest));
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
    const SecretBytes& key = kind == p::kKindNotes ? notes_key : case_key;
    auto opened = v2::DecryptMessage(SealPadded(key, kind, case_id, padded), case_id, keys, verified);
    if (opened.ok()) DOJAVA_FUZZ_CHECK(opened->kind == kind);
    return 0;
  }
  // mode 2: round trip.
  if (rest.empty()) return 0;
  const bool by_reviewer = rest[0] & 1;
  const uint8_t kind = by_reviewer && (rest[0] & 2) ? p::kKindNotes : p::kKindConversation;
  const ByteView body = rest.subspan(1);
  const crypto::Ed25519KeyPair& source = fuzz::FixedEd25519(kSourceTag);
  v2::Signer signer{p::kAuthorSource, {}, source.public_key, &source.secret_key};
  if (by_reviewer) {
    signer = {p::kAuthorReviewer, {}, {}, &fuzz::FixedEd25519(kSignerTag).secret_key};
    signer.reviewer_id.fill(kSignerTag);
  }
  const SecretBytes& key = kind == p::kKindNotes ? notes_key : case_key;
  auto record =
      v2::EncryptMessage(key, kind, case_id, reviewer_id, body, signer, {3, 20000, v2::Digest{}});
  DOJAVA_FUZZ_CHECK(record.ok() == (body.size() <= v2::MaxBodySize(signer.author)));
  if (!record.ok()) return 0;
  auto opened = v2::DecryptMessage(*record, case_id, keys, verified);
  DOJAVA_FUZZ_CHECK(opened.ok());
  DOJAVA_FUZZ_CHECK(opened->kind == kind && opened->message_id == reviewer_id);
  DOJAVA_FUZZ_CHECK(std::ranges::equal(opened->body.reveal(), body));
  DOJAVA_FUZZ_CHECK(opened->author == signer.author);
  return 0;
}
