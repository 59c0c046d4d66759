// Protocol-2 vectors: messages (§8.1-8.3), the notes-key genesis (§7.2),
// re-key statements (§7.3), the order of a case (§8.4) and case-key anchors
// (§8.5).
#include <sodium.h>

#include "crypto/case_key_anchor.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/generate_v2.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;
namespace p = dojava::protocol;
using namespace dojava::crypto;

namespace dojava::vectors {

json::object CaseFixture::Input(ByteView record) const {
  json::object in = f.RosterInput();
  in["case_id"] = HexOf(case_id);
  in["case_key"] = HexOf(ck.reveal());
  in["notes_key"] = HexOf(nk.reveal());
  in["record"] = HexOf(record);
  return in;
}

Written WriteRecord(const CaseFixture& c, const std::string& tag, uint8_t kind, int reviewer,
                    std::string_view body, uint64_t roster_version, const v2::Digest& prev,
                    const SecretBytes* key) {
  v2::Signer s;
  Bytes seed = c.source_seed;
  const Ed25519KeyPair* kp = &c.source;
  if (reviewer >= 0) {
    s.author = p::kAuthorReviewer;
    s.reviewer_id = c.f.reviewers[size_t(reviewer)].id;
    kp = &c.f.reviewers[size_t(reviewer)].ed;
    seed = c.f.reviewers[size_t(reviewer)].ed_seed;
  } else {
    s.source_public = c.source.public_key;
  }
  s.secret_key = &kp->secret_key;
  const v2::EventContext ctx{roster_version, c.f.today - 3, prev};
  const Id message_id = DetId(tag + "/id");
  const Bytes nonce = Det(tag + "/nonce", 24);
  if (key == nullptr) key = kind == p::kKindNotes ? &c.nk : &c.ck;
  Written out;
  out.record =
      v2::EncryptMessageWithNonce(*key, kind, c.case_id, message_id, AsBytes(body), s, ctx, nonce)
          .value();
  json::object e;
  e["kind"] = kind;
  e["message_id"] = HexOf(message_id);
  e["nonce"] = HexOf(nonce);
  e["body"] = HexOf(AsBytes(body));
  e["author"] = s.author;
  e["signer_ed25519_seed"] = HexOf(seed);
  e["roster_version"] = roster_version;
  e["day"] = ctx.day;
  e["prev"] = HexOf(prev);
  out.encrypt = std::move(e);
  return out;
}

namespace {

json::object MessageOutput(const v2::OpenedMessage& m, size_t padded_size, const v2::Digest& kc) {
  json::object o;
  o["kind"] = m.kind;
  o["message_id"] = HexOf(m.message_id);
  o["author"] = m.author;
  o["reviewer_id"] = HexOf(m.reviewer_id);
  o["source_public"] = HexOf(m.source_public);
  o["roster_version"] = m.context.roster_version;
  o["day"] = m.context.day;
  o["prev"] = HexOf(m.context.prev);
  o["key_commitment"] = HexOf(kc);
  o["event_hash"] = HexOf(m.event_hash);
  o["body"] = HexOf(m.body.reveal());
  o["padded_size"] = padded_size;
  return o;
}

void Good(const CaseFixture& c, VectorWriter& w, const std::string& name, const std::string& what,
          const Written& wr) {
  const auto roster =
      v2::VerifyRoster(c.f.signed_roster, c.f.admin.public_key, c.f.instance, std::nullopt).value();
  const v2::CaseKeys keys{&c.ck, &c.nk};
  const auto m = v2::DecryptMessage(wr.record, c.case_id, keys, roster).value();
  const auto h = v2::ParseMessageHeader(wr.record).value();
  json::object in = c.Input(wr.record);
  in["encrypt"] = wr.encrypt;
  w.Write(name, "message_v2", what, std::move(in), "success",
          MessageOutput(m, h.padded_size, h.key_commitment));
}

// The fixed part of an inner plaintext, signed by hand over `header`.
Bytes HandInner(const CaseFixture& c, ByteView header, uint8_t author, ByteView signer,
                uint64_t roster_version, const Ed25519KeyPair& kp, ByteView body) {
  Bytes fields;
  ByteWriter fw(&fields);
  fw.U8(author);
  fw.Raw(signer);
  fw.U64(roster_version);
  fw.U32(c.f.today);
  fw.Raw(v2::Digest{});
  Bytes signed_part(header.begin(), header.end());
  signed_part.insert(signed_part.end(), fields.begin(), fields.end());
  signed_part.insert(signed_part.end(), body.begin(), body.end());
  const Signature sig = SignLabeled(kp.secret_key, p::kLabelMessageSignatureV2, signed_part);
  Bytes inner = fields;
  inner.insert(inner.end(), sig.begin(), sig.end());
  inner.insert(inner.end(), body.begin(), body.end());
  return inner;
}

Bytes HeaderOf(const CaseFixture& c, uint8_t kind, const Id& message_id, ByteView nonce) {
  Bytes h;
  ByteWriter w(&h);
  w.U8(p::kVersion2);
  w.U8(kind);
  w.Raw(c.case_id);
  w.Raw(message_id);
  w.Raw(v2::KeyCommitment(kind == p::kKindNotes ? c.nk : c.ck));
  w.Raw(nonce);
  return h;
}

// A record whose inner plaintext is made by `inner(header)`.
Bytes HandRecord(const CaseFixture& c, const std::string& tag, uint8_t kind,
                 const std::function<Bytes(ByteView)>& inner, size_t padded = 0,
                 uint8_t last_pad_byte = 0) {
  const Id id = DetId(tag + "/id");
  const Bytes nonce = Det(tag + "/nonce", 24);
  const Bytes header = HeaderOf(c, kind, id, nonce);
  const SecretBytes& key = kind == p::kKindNotes ? c.nk : c.ck;
  return SealInnerV2(key, kind, c.case_id, id, v2::KeyCommitment(key), nonce, inner(header), padded,
                     last_pad_byte);
}

void Messages(VectorWriter& w) {
  const CaseFixture c;
  const v2::Digest zero{};
  const Written report = WriteRecord(c, "m2/report", p::kKindConversation, -1,
                                     R"({"type":"report","text":"Они прате новинаре."})", 7, zero);
  Good(c, w, "message-v2-source-report", "The source's report, signed with its receipt key.",
       report);
  const v2::Digest after_report = v2::EventHash(report.record);
  Good(c, w, "message-v2-reviewer-reply", "Ana's signed reply naming the report in prev.",
       WriteRecord(c, "m2/reply", p::kKindConversation, 0, R"({"type":"message","text":"Hvala."})",
                   7, after_report));
  Good(c, w, "message-v2-notes-event", "Driton's status event under the notes key.",
       WriteRecord(c, "m2/notes", p::kKindNotes, 1, R"({"type":"status","status":"triage"})", 7,
                   after_report));
  Good(c, w, "message-v2-empty-body", "A source record with an empty body (len(inner) = 141).",
       WriteRecord(c, "m2/empty", p::kKindConversation, -1, "", 7, after_report));
  Good(c, w, "message-v2-retired-before",
       "Marija, retired at roster 6, signed this under roster 5: it counts.",
       WriteRecord(c, "m2/old", p::kKindConversation, 2, R"({"type":"message","text":"Stara."})", 5,
                   after_report));

  auto bad = [&](const std::string& name, const std::string& what, ByteView record,
                 const std::string& expect, json::object in = {}) {
    if (in.empty()) in = c.Input(record);
    w.Write(name, "message_v2", what, std::move(in), expect);
  };
  {
    json::object in = c.Input(report.record);
    in["case_key"] = HexOf(Det("v2/case/other-ck", 32));
    bad("message-v2-wrong-key", "The reader holds another case key: kc differs (before AEAD).",
        report.record, "wrong_key", std::move(in));
  }
  {
    // Encrypted under another key, its header given the reader's commitment.
    const SecretBytes other = DetSecret("v2/case/other-ck", 32);
    const Id id = DetId("m2/swapped/id");
    const Bytes nonce = Det("m2/swapped/nonce", 24);
    const Bytes r = SealInnerV2(other, p::kKindConversation, c.case_id, id, v2::KeyCommitment(c.ck),
                                nonce, Bytes(200, 'x'));
    bad("message-v2-commitment-forged",
        "Encrypted under another key with the reader's kc copied into the header: the AEAD "
        "(under KDF of the reader's key) fails.",
        r, "decrypt_failed");
  }
  Bytes flipped = report.record;
  flipped[200] ^= 0x10;
  bad("message-v2-flipped-ciphertext", "One ciphertext bit flipped.", flipped, "decrypt_failed");
  Bytes kc_flipped = report.record;
  kc_flipped[40] ^= 0x01;
  bad("message-v2-flipped-commitment", "One bit of kc flipped: no longer the reader's key.",
      kc_flipped, "wrong_key");
  Bytes v1 = report.record;
  v1[0] = 1;
  bad("message-v2-given-v1", "Version byte 1: a protocol-2 reader refuses it first.", v1,
      "unsupported_version");
  {
    json::object in = c.Input(report.record);
    in["case_id"] = HexOf(DetId("v2/other-case"));
    bad("message-v2-wrong-case", "Read as part of another case.", report.record, "malformed",
        std::move(in));
  }
}

void MessagesHand(VectorWriter& w) {
  const CaseFixture c;
  const ByteView body = AsBytes(std::string_view(R"({"type":"note","text":"x"})"));
  const auto& ana = c.f.reviewers[0];
  auto bad = [&](const std::string& name, const std::string& what, ByteView record,
                 const std::string& expect) {
    w.Write(name, "message_v2", what, c.Input(record), expect);
  };
  auto source_inner = [&](uint64_t rv) {
    return [&, rv](ByteView h) {
      return HandInner(c, h, p::kAuthorSource, c.source.public_key, rv, c.source, body);
    };
  };
  auto reviewer_inner = [&](const V2Reviewer& r, uint64_t rv, const Ed25519KeyPair& kp) {
    return [&, rv](ByteView h) { return HandInner(c, h, p::kAuthorReviewer, r.id, rv, kp, body); };
  };
  bad("message-v2-unsigned-notes",
      "A notes record (kind 2) written as the source (author 0), validly signed with a source "
      "key.",
      HandRecord(c, "m2/h1", p::kKindNotes, source_inner(7)), "malformed");
  bad("message-v2-reviewer-too-short",
      "author 1 and 124 bytes of inner plaintext: one short of the fixed part (section 8.3).",
      HandRecord(c, "m2/h2", p::kKindConversation,
                 [&](ByteView h) {
                   Bytes in = reviewer_inner(ana, 7, ana.ed)(h);
                   in.resize(p::kReviewerInnerFixedV2 - 1);
                   return in;
                 }),
      "malformed");
  bad("message-v2-source-too-short", "author 0 and 140 bytes of inner plaintext.",
      HandRecord(c, "m2/h3", p::kKindConversation,
                 [&](ByteView h) {
                   Bytes in = source_inner(7)(h);
                   in.resize(p::kSourceInnerFixedV2 - 1);
                   return in;
                 }),
      "malformed");
  bad("message-v2-unknown-author-kind", "author byte 2.",
      HandRecord(c, "m2/h4", p::kKindConversation,
                 [&](ByteView h) {
                   Bytes in = reviewer_inner(ana, 7, ana.ed)(h);
                   in[0] = 2;
                   return in;
                 }),
      "malformed");
  bad("message-v2-roster-version-zero", "Validly signed with roster_version 0.",
      HandRecord(c, "m2/h5", p::kKindConversation, reviewer_inner(ana, 0, ana.ed)), "malformed");
  {
    V2Reviewer stranger;
    stranger.id = DetId("m2/stranger");
    const Ed25519KeyPair kp = Ed25519FromSeed(Det("m2/stranger/ed", 32));
    bad("message-v2-unknown-author", "Signed by a reviewer id on no roster.",
        HandRecord(c, "m2/h6", p::kKindConversation, reviewer_inner(stranger, 7, kp)),
        "unknown_author");
    bad("message-v2-forged-reviewer", "Ana's id, signed with another key.",
        HandRecord(c, "m2/h7", p::kKindConversation, reviewer_inner(ana, 7, kp)), "bad_signature");
  }
  bad("message-v2-forged-source",
      "A source record whose signature was made by another key than the one it carries.",
      HandRecord(c, "m2/h8", p::kKindConversation,
                 [&](ByteView h) {
                   const Ed25519KeyPair other = Ed25519FromSeed(Det("m2/other-source", 32));
                   return HandInner(c, h, p::kAuthorSource, c.source.public_key, 7, other, body);
                 }),
      "bad_signature");
  bad("message-v2-source-small-order-key",
      "A source record carrying the identity point as its key, R = [r]B and S = r: the equation "
      "holds for every message; strict verification refuses the small-order key.",
      HandRecord(c, "m2/h9", p::kKindConversation,
                 [&](ByteView) {
                   Bytes in;
                   ByteWriter iw(&in);
                   Ed25519Public identity{};
                   identity[0] = 1;
                   iw.U8(p::kAuthorSource);
                   iw.Raw(identity);
                   iw.U64(7);
                   iw.U32(c.f.today);
                   iw.Raw(v2::Digest{});
                   const Bytes r = Det("m2/h9/r", 64);
                   uint8_t scalar[32], point[32];
                   crypto_core_ed25519_scalar_reduce(scalar, r.data());
                   if (crypto_scalarmult_ed25519_base_noclamp(point, scalar) != 0) std::abort();
                   iw.Raw(ByteView(point, 32));
                   iw.Raw(ByteView(scalar, 32));
                   iw.Raw(body);
                   return in;
                 }),
      "bad_signature");
  {
    const auto& marija = c.f.reviewers[2];
    bad("message-v2-retired-author",
        "Marija, retired at roster 6, signs under roster 7 (section 8.3).",
        HandRecord(c, "m2/h10", p::kKindConversation, reviewer_inner(marija, 7, marija.ed)),
        "retired_author");
  }
  bad("message-v2-nonzero-padding", "The last padding byte is 1.",
      HandRecord(c, "m2/h11", p::kKindConversation, reviewer_inner(ana, 7, ana.ed), 0, 1),
      "malformed");
  bad("message-v2-not-smallest-bucket", "A 150-byte inner plaintext padded to 1024 bytes.",
      HandRecord(c, "m2/h12", p::kKindConversation, reviewer_inner(ana, 7, ana.ed), 1024),
      "malformed");
}

}  // namespace

std::vector<std::function<void(VectorWriter&)>> V2CaseSections() {
  return {Messages, MessagesHand};
}

}  // namespace dojava::vectors
