// The signed statements of protocol v2 around a case's keys: the notes-key
// genesis (§7.2), the case-key anchor (§8.5), the re-key statement (§7.3) and
// the signed case delete (§8.6). Input: mode(1), then
//   modes 0-3 (genesis, anchor, re-key, delete): admin_public(32)
//     instance_id(16) u16 length and the signed roster, case_id(16) CK(32)
//     NK(32) today(u32), then the rest: the statement (the layout of
//     tests/vectors/{notes-genesis,ck-anchor,rekey,case-delete}-*.json; a
//     roster that does not verify is replaced by the fixed one). Both the
//     server's check (signature only) and the reader's full check run; what
//     the full check accepts, the server's check accepts with the same fields.
//   modes 4-7 (the same four, made here): reviewer(1) case_id(16) CK(32)
//     NK(32) roster_version(u64) day(u32) today(u32) flip(u16), then for the
//     genesis the recipients (16 bytes each). The statement is signed by a
//     reviewer of the fixed roster; the reader's check accepts it exactly when
//     the rules say (retirement, day window), refuses it under another key,
//     and refuses it with any one byte flipped. The genesis, anchor and
//     re-key are also sealed in a statement envelope (§7.4), which opens to
//     the same bytes under CK only.
//   mode 8: type(1) case_id(16) CK(32), then the rest: a statement envelope
//     (§7.4; the layout of tests/vectors/statement-envelope-*.json). What
//     opens parses as the expected type and has a length of that type.
#include <algorithm>
#include <cstdlib>

#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/notes_genesis.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/v2_fixtures.h"

namespace {

using namespace dojava;
namespace v2 = crypto::v2;
namespace p = protocol;

struct Keys {
  crypto::Id case_id{};
  SecretBytes ck;
  SecretBytes nk;
};

Keys ReadKeys(fuzz::FuzzInput& in) {
  Keys k;
  k.case_id = in.Array<16>();
  const auto ck = in.Array<32>();
  const auto nk = in.Array<32>();
  k.ck = SecretBytes::Copy(ByteView(ck));
  k.nk = SecretBytes::Copy(ByteView(nk));
  return k;
}

void Existing(uint8_t mode, fuzz::FuzzInput& in) {
  const fuzz::InputRoster roster(in);
  const Keys k = ReadKeys(in);
  const uint32_t today = in.U32();
  const ByteView st = in.Rest();
  const v2::VerifiedRoster& r = roster.get();
  if (mode == 0) {
    auto server = v2::VerifyNotesGenesisSignature(st, k.case_id, r);
    auto reader = v2::CheckNotesGenesis(st, k.case_id, k.ck, k.nk, r);
    if (!reader.ok()) return;
    DOJAVA_FUZZ_CHECK(server.ok() && server->creator == reader->creator &&
                      server->recipients == reader->recipients);
    DOJAVA_FUZZ_CHECK(std::is_sorted(reader->recipients.begin(), reader->recipients.end()));
    DOJAVA_FUZZ_CHECK(
        std::binary_search(reader->recipients.begin(), reader->recipients.end(), reader->creator));
    DOJAVA_FUZZ_CHECK(r.Find(reader->creator) != nullptr &&
                      r.Find(reader->creator)->ActiveAt(reader->roster_version));
  } else if (mode == 1) {
    auto server = v2::VerifyCaseKeyAnchorSignature(st, k.case_id, r);
    auto reader = v2::CheckCaseKeyAnchor(st, k.case_id, k.ck, r);
    if (reader.ok()) DOJAVA_FUZZ_CHECK(server.ok() && *server == *reader);
  } else if (mode == 2) {
    auto server = v2::VerifyRekeySignature(st, k.case_id, r);
    auto reader = v2::CheckRekey(st, k.case_id, k.ck, r);
    if (!reader.ok()) return;
    DOJAVA_FUZZ_CHECK(server.ok() && server->reviewer_id == reader->reviewer_id &&
                      server->new_commit == reader->new_commit);
    DOJAVA_FUZZ_CHECK(reader->source_seal.size() == p::kSealedKeySize);
    const Status new_key = v2::CheckRekeyNewKey(*reader, k.nk);
    DOJAVA_FUZZ_CHECK(new_key.ok() || new_key.code() == Code::kWrongKey);
  } else {
    auto parsed = v2::ParseCaseDelete(st, k.case_id);
    auto reader = v2::CheckCaseDelete(st, k.case_id, r, today);
    if (!reader.ok()) return;
    DOJAVA_FUZZ_CHECK(parsed.ok() && parsed->reviewer_id == reader->reviewer_id &&
                      parsed->day == reader->day);
    DOJAVA_FUZZ_CHECK(r.Find(reader->reviewer_id) != nullptr &&
                      r.Find(reader->reviewer_id)->active());
    const int64_t d = int64_t(reader->day) - int64_t(today);
    DOJAVA_FUZZ_CHECK(std::llabs(d) <= int64_t(p::kCaseDeleteDayWindow));
  }
}

// §7.4: `st` sealed under CK opens to itself, and not under `other`.
void EnvelopeRoundTrip(const Bytes& st, uint8_t type, const Keys& k, const SecretBytes& other) {
  auto sealed = v2::SealStatement(k.ck, type, k.case_id, st);
  DOJAVA_FUZZ_CHECK(sealed.ok());
  auto opened = v2::OpenStatement(*sealed, type, k.case_id, k.ck);
  DOJAVA_FUZZ_CHECK(opened.ok() && opened->statement == st);
  DOJAVA_FUZZ_CHECK(v2::OpenStatement(*sealed, type, k.case_id, other).code() == Code::kWrongKey);
}

void Envelope(fuzz::FuzzInput& in) {
  const uint8_t type = in.Byte() % 5;  // 0 and 4: types no envelope has
  const crypto::Id case_id = in.Array<16>();
  const auto ck = in.Array<32>();
  const ByteView envelope = in.Rest();
  auto opened = v2::OpenStatement(envelope, type, case_id, SecretBytes::Copy(ByteView(ck)));
  if (!opened.ok()) return;
  auto header = v2::ParseStatementEnvelope(envelope, type);
  DOJAVA_FUZZ_CHECK(header.ok() && header->type == type);
  DOJAVA_FUZZ_CHECK(header->statement_size == opened->statement.size());
  DOJAVA_FUZZ_CHECK(v2::IsStatementSize(type, opened->statement.size()));
  DOJAVA_FUZZ_CHECK(opened->key_index == 0);
}

// One flipped byte anywhere makes `check` refuse the statement.
template <typename Check>
void FlipRefused(const Bytes& st, uint16_t flip, Check check) {
  Bytes bad = st;
  bad[flip % bad.size()] ^= uint8_t(1 + flip / bad.size() % 255);
  DOJAVA_FUZZ_CHECK(!check(bad));
}

void Made(uint8_t mode, fuzz::FuzzInput& in) {
  const size_t who = in.Byte() % fuzz::kFixedReviewers;
  const Keys k = ReadKeys(in);
  const uint64_t roster_version = in.U64();
  const uint32_t day = in.U32();
  const uint32_t today = in.U32();
  const uint16_t flip = uint16_t(in.Byte() << 8 | in.Byte());
  const v2::VerifiedRoster& r = fuzz::FixedRoster();
  const crypto::Id rid = fuzz::FixedReviewerId(who);
  const v2::RosterEntry& entry = *r.Find(rid);
  const SecretBytes& secret = fuzz::FixedEd25519(uint8_t(who + 1)).secret_key;
  SecretBytes other = SecretBytes::Copy(k.ck.reveal());
  other.reveal_mut()[0] ^= 0x80;
  if (mode == 4) {
    v2::NotesGenesis g{k.case_id, rid, roster_version, {}};
    while (g.recipients.size() < 8) {
      const ByteView id = in.Take(16);
      if (id.size() < 16) break;
      crypto::Id x{};
      std::copy(id.begin(), id.end(), x.begin());
      g.recipients.push_back(x);
    }
    auto st = v2::MakeNotesGenesis(g, k.ck, k.nk, secret);
    if (!st.ok()) return;
    const bool should = entry.ActiveAt(roster_version);
    DOJAVA_FUZZ_CHECK(v2::CheckNotesGenesis(*st, k.case_id, k.ck, k.nk, r).ok() == should);
    DOJAVA_FUZZ_CHECK(!v2::CheckNotesGenesis(*st, k.case_id, other, k.nk, r).ok());
    FlipRefused(*st, flip, [&](const Bytes& b) {
      return v2::CheckNotesGenesis(b, k.case_id, k.ck, k.nk, r).ok();
    });
    EnvelopeRoundTrip(*st, p::kStatementGenesis, k, other);
  } else if (mode == 5) {
    auto st = v2::MakeCaseKeyAnchor(k.case_id, rid, k.ck, secret);
    DOJAVA_FUZZ_CHECK(st.ok());
    auto back = v2::CheckCaseKeyAnchor(*st, k.case_id, k.ck, r);
    DOJAVA_FUZZ_CHECK(back.ok() && *back == rid);
    DOJAVA_FUZZ_CHECK(v2::CheckCaseKeyAnchor(*st, k.case_id, other, r).code() == Code::kWrongKey);
    FlipRefused(*st, flip,
                [&](const Bytes& b) { return v2::CheckCaseKeyAnchor(b, k.case_id, k.ck, r).ok(); });
    EnvelopeRoundTrip(*st, p::kStatementAnchor, k, other);
  } else if (mode == 6) {
    std::array<uint8_t, 32> source_secret{};
    source_secret.fill(0x5c);
    const crypto::X25519Public source_public = crypto::X25519Base(source_secret);
    auto seal = crypto::SealKey(k.nk, p::kRoleCaseKey, k.case_id, source_public);
    DOJAVA_FUZZ_CHECK(seal.ok());
    auto st = v2::MakeRekey(k.case_id, rid, k.ck, k.nk, *seal, roster_version, secret);
    if (!st.ok()) {
      DOJAVA_FUZZ_CHECK(roster_version == 0);
      return;
    }
    auto back = v2::CheckRekey(*st, k.case_id, k.ck, r);
    DOJAVA_FUZZ_CHECK(back.ok() == entry.ActiveAt(roster_version));
    if (back.ok()) {
      DOJAVA_FUZZ_CHECK(v2::CheckRekeyNewKey(*back, k.nk).ok());
      auto opened =
          v2::OpenRekeyForSource(*back, SecretBytes::Copy(ByteView(source_secret)), source_public);
      DOJAVA_FUZZ_CHECK(opened.ok() && opened->Equals(k.nk));
    }
    DOJAVA_FUZZ_CHECK(!v2::CheckRekey(*st, k.case_id, other, r).ok());
    FlipRefused(*st, flip,
                [&](const Bytes& b) { return v2::CheckRekey(b, k.case_id, k.ck, r).ok(); });
    EnvelopeRoundTrip(*st, p::kStatementRekey, k, other);
  } else {
    auto st = v2::MakeCaseDelete({k.case_id, rid, day}, secret);
    DOJAVA_FUZZ_CHECK(st.ok());
    const int64_t d = int64_t(day) - int64_t(today);
    const bool should = entry.active() && std::llabs(d) <= int64_t(p::kCaseDeleteDayWindow);
    DOJAVA_FUZZ_CHECK(v2::CheckCaseDelete(*st, k.case_id, r, today).ok() == should);
    FlipRefused(*st, flip,
                [&](const Bytes& b) { return v2::CheckCaseDelete(b, k.case_id, r, day).ok(); });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 9;
  if (mode < 4) {
    Existing(mode, in);
  } else if (mode < 8) {
    Made(mode, in);
  } else {
    Envelope(in);
  }
  return 0;
}
