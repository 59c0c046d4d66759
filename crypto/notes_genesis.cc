#include "crypto/notes_genesis.h"

#include <sodium.h>

#include <algorithm>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"

namespace dojava::crypto::v2 {
namespace {

namespace p = protocol;

// ck_proof = MAC(CK, "dojava/v2/notes-genesis/ck", case_id || nk_commit).
Digest CkProof(const SecretBytes& case_key, const Id& case_id, const Digest& nk_commit) {
  Bytes m = Label(p::kLabelNotesGenesisCk);
  m.insert(m.end(), case_id.begin(), case_id.end());
  m.insert(m.end(), nk_commit.begin(), nk_commit.end());
  const SecretBytes mac = KeyedHash(case_key.reveal(), m);
  Digest d{};
  std::copy(mac.reveal().begin(), mac.reveal().end(), d.begin());
  return d;
}

bool StrictlyAscending(const std::vector<Id>& ids) {
  for (size_t i = 1; i < ids.size(); ++i) {
    if (!(ids[i - 1] < ids[i])) return false;
  }
  return true;
}

bool Contains(const std::vector<Id>& ids, const Id& id) {
  return std::binary_search(ids.begin(), ids.end(), id);
}

}  // namespace

Result<Bytes> MakeNotesGenesis(NotesGenesis g, const SecretBytes& case_key,
                               const SecretBytes& notes_key, const SecretBytes& creator_secret64) {
  if (case_key.size() != p::kKeySize || notes_key.size() != p::kKeySize ||
      creator_secret64.size() != 64) {
    return Status(Code::kInvalidArgument, "a key of the wrong size");
  }
  std::sort(g.recipients.begin(), g.recipients.end());
  if (g.recipients.empty() || g.recipients.size() > p::kRosterMaxReviewers ||
      !StrictlyAscending(g.recipients) || !Contains(g.recipients, g.creator) ||
      g.roster_version == 0) {
    return Status(Code::kInvalidArgument, "recipients or roster version out of rule");
  }
  const Digest nk_commit = KeyCommitment(notes_key);
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(g.case_id);
  w.Raw(g.creator);
  w.Raw(nk_commit);
  w.Raw(CkProof(case_key, g.case_id, nk_commit));
  w.U64(g.roster_version);
  w.U16(uint16_t(g.recipients.size()));
  for (const Id& id : g.recipients) w.Raw(id);
  const Signature sig = SignLabeled(creator_secret64, p::kLabelNotesGenesis, out);
  w.Raw(sig);
  return out;
}

Result<NotesGenesis> VerifyNotesGenesisSignature(ByteView bytes, const Id& case_id,
                                                 const VerifiedRoster& roster) {
  if (bytes.empty()) return Status(Code::kMalformed, "empty genesis");
  if (bytes[0] != p::kVersion2) return Status(Code::kUnsupportedVersion, "unknown genesis version");
  if (bytes.size() < p::kGenesisFixedSize) return Status(Code::kMalformed, "genesis too short");
  ByteReader r(bytes.first(bytes.size() - p::kSignatureSize));
  r.U8();
  NotesGenesis g;
  g.case_id = r.Array<p::kIdSize>();
  g.creator = r.Array<p::kIdSize>();
  r.Take(2 * p::kCommitSize);
  g.roster_version = r.U64();
  const uint16_t n = r.U16();
  if (n == 0 || n > p::kRosterMaxReviewers || r.remaining() != size_t{n} * p::kIdSize)
    return Status(Code::kMalformed, "genesis recipient count or length");
  for (uint16_t i = 0; i < n; ++i) g.recipients.push_back(r.Array<p::kIdSize>());
  if (!StrictlyAscending(g.recipients) || !Contains(g.recipients, g.creator))
    return Status(Code::kMalformed, "genesis recipients out of order or without the creator");
  if (g.case_id != case_id) return Status(Code::kMalformed, "genesis of another case");
  const RosterEntry* e = roster.Find(g.creator);
  if (e == nullptr) return Status(Code::kUnknownAuthor, "genesis by a reviewer on no roster");
  DOJAVA_RETURN_IF_ERROR(VerifyLabeled(e->ed25519, p::kLabelNotesGenesis,
                                       bytes.first(bytes.size() - p::kSignatureSize),
                                       bytes.last(p::kSignatureSize)));
  if (!e->ActiveAt(g.roster_version))
    return Status(Code::kRetiredAuthor, "genesis by a reviewer after their retirement");
  return g;
}

Result<NotesGenesis> CheckNotesGenesis(ByteView bytes, const Id& case_id,
                                       const SecretBytes& case_key, const SecretBytes& notes_key,
                                       const VerifiedRoster& roster) {
  if (case_key.size() != p::kKeySize || notes_key.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "a key of the wrong size");
  DOJAVA_ASSIGN_OR_RETURN(NotesGenesis g, VerifyNotesGenesisSignature(bytes, case_id, roster));
  const size_t commits = 1 + 2 * p::kIdSize;
  Digest nk_commit{}, ck_proof{};
  std::copy_n(bytes.begin() + commits, p::kCommitSize, nk_commit.begin());
  std::copy_n(bytes.begin() + commits + p::kCommitSize, p::kCommitSize, ck_proof.begin());
  const Digest proof = CkProof(case_key, case_id, nk_commit);
  if (sodium_memcmp(proof.data(), ck_proof.data(), proof.size()) != 0)
    return Status(Code::kWrongKey, "the notes key was created without this case key");
  const Digest mine = KeyCommitment(notes_key);
  if (sodium_memcmp(mine.data(), nk_commit.data(), mine.size()) != 0)
    return Status(Code::kWrongKey, "this notes key is not the one the genesis names");
  return g;
}

}  // namespace dojava::crypto::v2
