#include "crypto/rekey.h"

#include <sodium.h>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"

namespace dojava::crypto::v2 {
namespace {

namespace p = protocol;

bool SameDigest(const Digest& a, const Digest& b) {
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Result<Bytes> MakeRekey(const Id& case_id, const Id& reviewer_id, const SecretBytes& old_key,
                        const SecretBytes& new_key, ByteView source_seal, uint64_t roster_version,
                        const SecretBytes& reviewer_secret64) {
  if (old_key.size() != p::kKeySize || new_key.size() != p::kKeySize ||
      reviewer_secret64.size() != 64 || source_seal.size() != p::kSealedKeySize ||
      roster_version == 0) {
    return Status(Code::kInvalidArgument, "re-key: a field of the wrong size");
  }
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(case_id);
  w.Raw(reviewer_id);
  w.Raw(KeyCommitment(old_key));
  w.Raw(KeyCommitment(new_key));
  w.Raw(source_seal);
  w.U64(roster_version);
  const Signature sig = SignLabeled(reviewer_secret64, p::kLabelRekey, out);
  w.Raw(sig);
  return out;
}

Result<RekeyStatement> VerifyRekeySignature(ByteView bytes, const Id& case_id,
                                            const VerifiedRoster& roster) {
  if (bytes.empty()) return Status(Code::kMalformed, "empty re-key statement");
  if (bytes[0] != p::kVersion2) return Status(Code::kUnsupportedVersion, "unknown re-key version");
  if (bytes.size() != p::kRekeySize) return Status(Code::kMalformed, "re-key statement length");
  ByteReader r(bytes);
  r.U8();
  RekeyStatement s;
  s.case_id = r.Array<p::kIdSize>();
  s.reviewer_id = r.Array<p::kIdSize>();
  s.old_commit = r.Array<p::kCommitSize>();
  s.new_commit = r.Array<p::kCommitSize>();
  const ByteView seal = r.Take(p::kSealedKeySize);
  s.source_seal.assign(seal.begin(), seal.end());
  s.roster_version = r.U64();
  if (s.case_id != case_id) return Status(Code::kMalformed, "re-key of another case");
  const RosterEntry* e = roster.Find(s.reviewer_id);
  if (e == nullptr) return Status(Code::kUnknownAuthor, "re-key by a reviewer on no roster");
  DOJAVA_RETURN_IF_ERROR(VerifyLabeled(e->ed25519, p::kLabelRekey,
                                       bytes.first(bytes.size() - p::kSignatureSize),
                                       bytes.last(p::kSignatureSize)));
  if (!e->ActiveAt(s.roster_version))
    return Status(Code::kRetiredAuthor, "re-key by a reviewer after their retirement");
  return s;
}

Result<RekeyStatement> CheckRekey(ByteView bytes, const Id& case_id, const SecretBytes& held_key,
                                  const VerifiedRoster& roster) {
  if (held_key.size() != p::kKeySize) return Status(Code::kInvalidArgument, "key size");
  DOJAVA_ASSIGN_OR_RETURN(RekeyStatement s, VerifyRekeySignature(bytes, case_id, roster));
  if (!SameDigest(KeyCommitment(held_key), s.old_commit))
    return Status(Code::kWrongKey, "the re-key does not start from the case key held");
  return s;
}

Result<SecretBytes> OpenRekeyForSource(const RekeyStatement& s, const SecretBytes& source_secret,
                                       const X25519Public& source_public) {
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes key, OpenSealedKey(s.source_seal, p::kRoleCaseKey, s.case_id,
                                                         source_secret, source_public));
  DOJAVA_RETURN_IF_ERROR(CheckRekeyNewKey(s, key));
  return key;
}

Status CheckRekeyNewKey(const RekeyStatement& s, const SecretBytes& new_key) {
  if (new_key.size() != p::kKeySize) return Status(Code::kInvalidArgument, "key size");
  if (!SameDigest(KeyCommitment(new_key), s.new_commit))
    return Status(Code::kWrongKey, "the new case key is not the one the re-key names");
  return Status::Ok();
}

}  // namespace dojava::crypto::v2
