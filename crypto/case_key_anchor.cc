#include "crypto/case_key_anchor.h"

#include <sodium.h>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"

namespace dojava::crypto::v2 {
namespace {
namespace p = protocol;
}  // namespace

Result<Bytes> MakeCaseKeyAnchor(const Id& case_id, const Id& reviewer_id,
                                const SecretBytes& case_key, const SecretBytes& reviewer_secret64) {
  if (case_key.size() != p::kKeySize || reviewer_secret64.size() != 64)
    return Status(Code::kInvalidArgument, "case key or signing key of the wrong size");
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(case_id);
  w.Raw(reviewer_id);
  w.Raw(KeyCommitment(case_key));
  const Signature sig = SignLabeled(reviewer_secret64, p::kLabelCkAnchor, out);
  w.Raw(sig);
  return out;
}

Result<Id> VerifyCaseKeyAnchorSignature(ByteView anchor, const Id& case_id,
                                        const VerifiedRoster& roster) {
  if (anchor.empty()) return Status(Code::kMalformed, "empty anchor");
  if (anchor[0] != p::kVersion2) return Status(Code::kUnsupportedVersion, "unknown anchor version");
  if (anchor.size() != p::kCkAnchorSize) return Status(Code::kMalformed, "anchor length");
  ByteReader r(anchor);
  r.U8();
  const Id anchor_case = r.Array<p::kIdSize>();
  const Id reviewer_id = r.Array<p::kIdSize>();
  if (anchor_case != case_id) return Status(Code::kMalformed, "anchor of another case");
  const RosterEntry* e = roster.Find(reviewer_id);
  if (e == nullptr) return Status(Code::kUnknownAuthor, "anchor by a reviewer on no roster");
  DOJAVA_RETURN_IF_ERROR(VerifyLabeled(e->ed25519, p::kLabelCkAnchor,
                                       anchor.first(anchor.size() - p::kSignatureSize),
                                       anchor.last(p::kSignatureSize)));
  return reviewer_id;
}

Result<Id> CheckCaseKeyAnchor(ByteView anchor, const Id& case_id, const SecretBytes& case_key,
                              const VerifiedRoster& roster) {
  if (case_key.size() != p::kKeySize) return Status(Code::kInvalidArgument, "case key size");
  DOJAVA_ASSIGN_OR_RETURN(Id reviewer_id, VerifyCaseKeyAnchorSignature(anchor, case_id, roster));
  const Digest mine = KeyCommitment(case_key);
  const ByteView commit = anchor.subspan(1 + 2 * p::kIdSize, p::kCommitSize);
  if (sodium_memcmp(mine.data(), commit.data(), mine.size()) != 0)
    return Status(Code::kWrongKey, "a colleague anchored this case to another case key");
  return reviewer_id;
}

}  // namespace dojava::crypto::v2
