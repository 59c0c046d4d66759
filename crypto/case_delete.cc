#include "crypto/case_delete.h"

#include "crypto/protocol_constants.h"

namespace dojava::crypto::v2 {
namespace {
namespace p = protocol;
}  // namespace

Result<Bytes> MakeCaseDelete(const CaseDelete& statement, const SecretBytes& reviewer_secret64) {
  if (reviewer_secret64.size() != 64) {
    return Status(Code::kInvalidArgument, "signing key of the wrong size");
  }
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(statement.case_id);
  w.Raw(statement.reviewer_id);
  w.U32(statement.day);
  const Signature sig = SignLabeled(reviewer_secret64, p::kLabelCaseDelete, out);
  w.Raw(sig);
  return out;
}

Result<CaseDelete> ParseCaseDelete(ByteView statement, const Id& case_id) {
  if (statement.empty()) return Status(Code::kMalformed, "empty delete statement");
  if (statement[0] != p::kVersion2) {
    return Status(Code::kUnsupportedVersion, "unknown delete statement version");
  }
  if (statement.size() != p::kCaseDeleteSize) {
    return Status(Code::kMalformed, "delete statement length");
  }
  ByteReader r(statement);
  r.U8();
  CaseDelete out;
  out.case_id = r.Array<p::kIdSize>();
  out.reviewer_id = r.Array<p::kIdSize>();
  out.day = r.U32();
  if (out.case_id != case_id) return Status(Code::kMalformed, "delete of another case");
  return out;
}

Status VerifyCaseDeleteSignature(ByteView statement, const Ed25519Public& signer) {
  if (statement.size() != p::kCaseDeleteSize) {
    return Status(Code::kMalformed, "delete statement length");
  }
  return VerifyLabeled(signer, p::kLabelCaseDelete,
                       statement.first(statement.size() - p::kSignatureSize),
                       statement.last(p::kSignatureSize));
}

Status CheckCaseDeleteDay(uint32_t day, uint32_t today) {
  const uint64_t lo = today > p::kCaseDeleteDayWindow ? today - p::kCaseDeleteDayWindow : 0;
  const uint64_t hi = uint64_t{today} + p::kCaseDeleteDayWindow;
  if (day < lo || day > hi) return Status(Code::kExpired, "a delete statement of another day");
  return Status::Ok();
}

Result<CaseDelete> CheckCaseDelete(ByteView statement, const Id& case_id,
                                   const VerifiedRoster& roster, uint32_t today) {
  DOJAVA_ASSIGN_OR_RETURN(CaseDelete out, ParseCaseDelete(statement, case_id));
  const RosterEntry* e = roster.Find(out.reviewer_id);
  if (e == nullptr) return Status(Code::kUnknownAuthor, "delete by a reviewer on no roster");
  DOJAVA_RETURN_IF_ERROR(VerifyCaseDeleteSignature(statement, e->ed25519));
  if (!e->active()) return Status(Code::kRetiredAuthor, "delete by a retired reviewer");
  DOJAVA_RETURN_IF_ERROR(CheckCaseDeleteDay(out.day, today));
  return out;
}

}  // namespace dojava::crypto::v2
