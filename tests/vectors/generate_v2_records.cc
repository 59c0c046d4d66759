// Protocol-2 vectors: the notes-key genesis (§7.2), re-key statements (§7.3),
// the order of a case (§8.4), case-key anchors (§8.5) and deletes (§8.6).
#include <algorithm>

#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/case_order.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/generate_v2.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;
namespace p = dojava::protocol;
using namespace dojava::crypto;

namespace dojava::vectors {
namespace {

json::object CaseInput(const CaseFixture& c, const std::string& field, ByteView bytes) {
  json::object in = c.f.RosterInput();
  in["case_id"] = HexOf(c.case_id);
  in["case_key"] = HexOf(c.ck.reveal());
  in["notes_key"] = HexOf(c.nk.reveal());
  in[field] = HexOf(bytes);
  return in;
}

void Genesis(VectorWriter& w) {
  const CaseFixture c;
  const auto& ana = c.f.reviewers[0];
  const auto& driton = c.f.reviewers[1];
  auto make = [&](const SecretBytes& ck, const SecretBytes& nk, const V2Reviewer& creator,
                  uint64_t roster_version, std::vector<Id> recipients) {
    v2::NotesGenesis g{c.case_id, creator.id, roster_version, std::move(recipients)};
    return v2::MakeNotesGenesis(g, ck, nk, creator.ed.secret_key).value();
  };
  const Bytes good = make(c.ck, c.nk, ana, 7, {ana.id, driton.id});
  {
    json::object in = CaseInput(c, "genesis", good);
    json::object mk;
    mk["creator_ed25519_seed"] = HexOf(ana.ed_seed);
    json::object out;
    out["creator"] = HexOf(ana.id);
    out["roster_version"] = 7;
    json::array rs;
    std::vector<Id> sorted{ana.id, driton.id};
    std::sort(sorted.begin(), sorted.end());
    for (const Id& id : sorted) rs.push_back(HexOf(id));
    out["recipients"] = std::move(rs);
    in["make"] = std::move(mk);
    w.Write("notes-genesis-valid", "notes_genesis",
            "Ana creates NK for herself and Driton, proving she holds CK.", std::move(in),
            "success", std::move(out));
  }
  auto bad = [&](const std::string& name, const std::string& what, ByteView bytes,
                 const std::string& expect, json::object in = {}) {
    if (in.empty()) in = CaseInput(c, "genesis", bytes);
    w.Write(name, "notes_genesis", what, std::move(in), expect);
  };
  {
    json::object in = CaseInput(c, "genesis", good);
    in["notes_key"] = HexOf(Det("v2/case/planted-nk", 32));
    bad("notes-genesis-planted-key",
        "The reader was handed another NK (a planted key): it is not the one the genesis names.",
        good, "wrong_key", std::move(in));
  }
  bad("notes-genesis-without-ck",
      "Signed by Driton, who does not hold this case's CK (the proof was made with another key).",
      make(DetSecret("v2/case/other-ck", 32), c.nk, driton, 7, {ana.id, driton.id}), "wrong_key");
  bad("notes-genesis-retired-creator", "Made by Marija under roster 7, after her retirement.",
      make(c.ck, c.nk, c.f.reviewers[2], 7, {c.f.reviewers[2].id}), "retired_author");
  {
    V2Reviewer stranger;
    stranger.id = DetId("g/stranger");
    stranger.ed = Ed25519FromSeed(Det("g/stranger/ed", 32));
    bad("notes-genesis-unknown-creator", "Made by a reviewer id on no roster.",
        make(c.ck, c.nk, stranger, 7, {stranger.id}), "unknown_author");
  }
  Bytes flipped = good;
  flipped[flipped.size() - 10] ^= 0x01;
  bad("notes-genesis-bad-signature", "One signature bit flipped.", flipped, "bad_signature");
  Bytes v1 = good;
  v1[0] = 1;
  bad("notes-genesis-unknown-version", "Version byte 1.", v1, "unsupported_version");
  bad("notes-genesis-truncated", "The last byte missing.", ByteView(good).first(good.size() - 1),
      "malformed");
  {
    // Recipients without the creator, signed by hand.
    Bytes b(good.begin(), good.begin() + 1 + 16 + 16 + 32 + 32 + 8);
    ByteWriter bw(&b);
    bw.U16(1);
    bw.Raw(driton.id);
    const Signature sig = SignLabeled(ana.ed.secret_key, p::kLabelNotesGenesis, b);
    bw.Raw(sig);
    bad("notes-genesis-creator-not-listed", "Ana's genesis lists only Driton.", b, "malformed");
  }
  {
    json::object in = CaseInput(c, "genesis", good);
    in["case_id"] = HexOf(DetId("v2/other-case"));
    bad("notes-genesis-wrong-case", "Read as the genesis of another case.", good, "malformed",
        std::move(in));
  }
}

void Anchors(VectorWriter& w) {
  const CaseFixture c;
  const auto& ana = c.f.reviewers[0];
  const Bytes good = v2::MakeCaseKeyAnchor(c.case_id, ana.id, c.ck, ana.ed.secret_key).value();
  {
    json::object in = CaseInput(c, "anchor", good);
    in["reviewer_ed25519_seed"] = HexOf(ana.ed_seed);
    json::object out;
    out["reviewer_id"] = HexOf(ana.id);
    w.Write("ck-anchor-valid", "ck_anchor", "Ana anchored the case to its CK on first open.",
            std::move(in), "success", std::move(out));
  }
  auto bad = [&](const std::string& name, const std::string& what, ByteView bytes,
                 const std::string& expect, json::object in = {}) {
    if (in.empty()) in = CaseInput(c, "anchor", bytes);
    w.Write(name, "ck_anchor", what, std::move(in), expect);
  };
  {
    json::object in = CaseInput(c, "anchor", good);
    in["case_key"] = HexOf(Det("v2/case/fabricated-ck", 32));
    bad("ck-anchor-fabricated-case",
        "The server sealed another CK to this reader: Ana's anchor names the real one.", good,
        "wrong_key", std::move(in));
  }
  Bytes flipped = good;
  flipped[60] ^= 0x01;
  bad("ck-anchor-altered-commitment", "One bit of the commitment changed after signing.", flipped,
      "bad_signature");
  bad("ck-anchor-truncated", "128 bytes.", ByteView(good).first(good.size() - 1), "malformed");
  Bytes v3 = good;
  v3[0] = 3;
  bad("ck-anchor-unknown-version", "Version byte 3.", v3, "unsupported_version");
  {
    json::object in = CaseInput(c, "anchor", good);
    in["case_id"] = HexOf(DetId("v2/other-case"));
    bad("ck-anchor-wrong-case", "Read as the anchor of another case.", good, "malformed",
        std::move(in));
  }
  {
    const Ed25519KeyPair kp = Ed25519FromSeed(Det("a/stranger/ed", 32));
    bad("ck-anchor-unknown-reviewer", "Signed by a reviewer id on no roster.",
        v2::MakeCaseKeyAnchor(c.case_id, DetId("a/stranger"), c.ck, kp.secret_key).value(),
        "unknown_author");
  }
}

void Rekeys(VectorWriter& w) {
  const CaseFixture c;
  const auto& ana = c.f.reviewers[0];
  const SecretBytes source_sk = DetSecret("v2/case/source-x25519", 32);
  const X25519Public source_pk = X25519Base(source_sk.reveal());
  const SecretBytes ck2 = DetSecret("v2/case/ck2", 32);
  const Bytes seal = SealKeyWithEphemeral(ck2, p::kRoleCaseKey, c.case_id, source_pk,
                                          DetSecret("v2/rekey/ephemeral", 32))
                         .value();
  auto make = [&](const V2Reviewer& r, const SecretBytes& old_key, ByteView source_seal,
                  uint64_t rv) {
    return v2::MakeRekey(c.case_id, r.id, old_key, ck2, source_seal, rv, r.ed.secret_key).value();
  };
  const Bytes good = make(ana, c.ck, seal, 7);
  auto input = [&](ByteView bytes, bool source) {
    json::object in = c.f.RosterInput();
    in["case_id"] = HexOf(c.case_id);
    in["held_key"] = HexOf(c.ck.reveal());
    in["statement"] = HexOf(bytes);
    if (source) {
      in["source_secret"] = HexOf(source_sk.reveal());
    } else {
      in["new_key"] = HexOf(ck2.reveal());
    }
    return in;
  };
  for (bool source : {true, false}) {
    json::object in = input(good, source);
    json::object mk;
    mk["reviewer_ed25519_seed"] = HexOf(ana.ed_seed);
    mk["old_key"] = HexOf(c.ck.reveal());
    mk["new_key"] = HexOf(ck2.reveal());
    in["make"] = std::move(mk);
    json::object out;
    out["reviewer_id"] = HexOf(ana.id);
    out["roster_version"] = 7;
    out["new_commit"] = HexOf(v2::KeyCommitment(ck2));
    out["new_key"] = HexOf(ck2.reveal());
    w.Write(source ? "rekey-valid-source" : "rekey-valid-reviewer", "rekey",
            source ? "The returning source opens CK' from the seal to source_pk, signed by Ana."
                   : "A reviewer checks the CK' sealed to it against the statement.",
            std::move(in), "success", std::move(out));
  }
  auto bad = [&](const std::string& name, const std::string& what, ByteView bytes,
                 const std::string& expect, bool source = true) {
    w.Write(name, "rekey", what, input(bytes, source), expect);
  };
  bad("rekey-wrong-old-key", "The statement starts from another CK than the reader holds.",
      make(ana, DetSecret("v2/case/other-ck", 32), seal, 7), "wrong_key");
  {
    const SecretBytes ck3 = DetSecret("v2/case/ck3", 32);
    const Bytes other_seal = SealKeyWithEphemeral(ck3, p::kRoleCaseKey, c.case_id, source_pk,
                                                  DetSecret("v2/rekey/ephemeral3", 32))
                                 .value();
    bad("rekey-seal-mismatch",
        "The seal to source_pk holds another key than new_commit names (the server swapped it "
        "after signing is impossible, so this one was signed so).",
        make(ana, c.ck, other_seal, 7), "wrong_key");
  }
  bad("rekey-retired-reviewer", "Signed by Marija under roster 7, after her retirement.",
      make(c.f.reviewers[2], c.ck, seal, 7), "retired_author");
  Bytes flipped = good;
  flipped[100] ^= 0x01;
  bad("rekey-altered-seal", "One bit of the seal changed after signing.", flipped, "bad_signature");
  bad("rekey-truncated", "250 bytes.", ByteView(good).first(good.size() - 1), "malformed");
  Bytes v1 = good;
  v1[0] = 1;
  bad("rekey-unknown-version", "Version byte 1.", v1, "unsupported_version");
}

// §8.4: a listing of records, the reader's high-water mark, one outcome.
void CaseOrders(VectorWriter& w) {
  const CaseFixture c;
  const v2::Digest zero{};
  const Written report = WriteRecord(c, "o/report", p::kKindConversation, -1,
                                     R"({"type":"report","text":"r"})", 7, zero);
  const v2::Digest h1 = v2::EventHash(report.record);
  const Written reply =
      WriteRecord(c, "o/reply", p::kKindConversation, 0, R"({"type":"message","text":"a"})", 7, h1);
  const v2::Digest h2 = v2::EventHash(reply.record);
  const Written follow = WriteRecord(c, "o/follow", p::kKindConversation, -1,
                                     R"({"type":"message","text":"b"})", 7, h2);
  const v2::Digest h3 = v2::EventHash(follow.record);
  const Written status =
      WriteRecord(c, "o/status", p::kKindNotes, 1, R"({"type":"status","status":"triage"})", 7, h3);
  auto listing = [&](std::vector<Bytes> records, std::optional<std::pair<int, v2::Digest>> seen) {
    json::object in = c.f.RosterInput();
    in["case_id"] = HexOf(c.case_id);
    in["case_key"] = HexOf(c.ck.reveal());
    in["notes_key"] = HexOf(c.nk.reveal());
    json::array rs;
    for (const Bytes& r : records) rs.push_back(HexOf(r));
    in["records"] = std::move(rs);
    if (seen) {
      json::object s;
      s["count"] = seen->first;
      s["last_hash"] = HexOf(seen->second);
      in["seen"] = std::move(s);
    }
    return in;
  };
  auto next = [](size_t count, const Bytes& last) {
    json::object o;
    o["count"] = count;
    o["last_hash"] = HexOf(v2::EventHash(last));
    return o;
  };
  w.Write("case-order-valid", "case_order",
          "Report, Ana's reply, the source's follow-up, Driton's status event: each names the one "
          "before it.",
          listing({report.record, reply.record, follow.record, status.record}, std::nullopt),
          "success", next(4, status.record));
  const Bytes junk = Det("o/junk", p::kMessageHeaderSizeV2 + 512 + 16);
  w.Write("case-order-junk-record", "case_order",
          "A record that opens under no key sits between the reply and the follow-up: it is "
          "skipped and blocks nothing.",
          listing({report.record, reply.record, junk, follow.record}, std::nullopt), "success",
          next(4, follow.record));
  w.Write("case-order-seen", "case_order",
          "The reader saw the first two records before; the listing still begins with them.",
          listing({report.record, reply.record, follow.record}, std::pair{2, h2}), "success",
          next(3, follow.record));
  w.Write("case-order-first-not-report", "case_order",
          "The listing begins with Ana's reply: message #1 is not the source's report.",
          listing({reply.record, report.record}, std::nullopt), "malformed");
  {
    // §8.4, §11.4: message #1 of the source, signed and first, but its body is not a report.
    const Written message = WriteRecord(c, "o/first-message", p::kKindConversation, -1,
                                        R"({"type":"message","text":"m"})", 7, zero);
    w.Write("case-order-first-not-a-report-body", "case_order",
            "Message #1 is the source's, signed with its key and naming no earlier record, but its "
            "body is of type \"message\": message #1 is not the source's report.",
            listing({message.record, reply.record}, std::nullopt), "malformed");
    // §11.4: a later record of the source whose body is a second report.
    const Written again = WriteRecord(c, "o/second-report", p::kKindConversation, -1,
                                      R"({"type":"report","text":"again"})", 7, h2);
    w.Write("case-order-later-report", "case_order",
            "After the report and Ana's reply, the source's key signs a record of type "
            "\"report\": no later message may be a report.",
            listing({report.record, reply.record, again.record}, std::nullopt), "malformed");
  }
  w.Write("case-order-reordered", "case_order",
          "The follow-up is listed before the reply it names in prev.",
          listing({report.record, follow.record, reply.record}, std::nullopt), "reordered");
  w.Write("case-order-truncated", "case_order",
          "The reader saw 3 records; the server lists 2 (below the high-water mark).",
          listing({report.record, reply.record}, std::pair{3, h3}), "truncated");
  w.Write("case-order-history-rewritten", "case_order",
          "The reader's second record was the reply; the server lists the follow-up there.",
          listing({report.record, follow.record, reply.record}, std::pair{2, h2}), "reordered");
  {
    // A follow-up signed by another source key: a CK holder writing as the source.
    CaseFixture other;
    other.source_seed = Det("o/impostor", 32);
    other.source = Ed25519FromSeed(other.source_seed);
    const Written fake = WriteRecord(other, "o/fake", p::kKindConversation, -1,
                                     R"({"type":"message","text":"I retract"})", 7, h2);
    w.Write("case-order-impersonated-source", "case_order",
            "A follow-up signed with another key than the report's (written by a CK holder "
            "posing as the source).",
            listing({report.record, reply.record, fake.record}, std::nullopt), "unknown_author");
  }
  {
    // Marija (retired at 6) back-dates an event under roster 5 after a record of roster 7.
    const Written old = WriteRecord(c, "o/backdated", p::kKindConversation, 2,
                                    R"({"type":"message","text":"old"})", 5, h2);
    w.Write("case-order-backdated", "case_order",
            "Marija, retired at roster 6, signs under roster 5 after a record of roster 7 was "
            "listed.",
            listing({report.record, reply.record, old.record}, std::nullopt), "retired_author");
  }
}

void CaseDeletes(VectorWriter& w) {
  const CaseFixture c;
  const auto& ana = c.f.reviewers[0];
  const auto& marija = c.f.reviewers[2];
  const uint32_t today = c.f.today;
  auto make = [&](const V2Reviewer& r, uint32_t day) {
    return v2::MakeCaseDelete({c.case_id, r.id, day}, r.ed.secret_key).value();
  };
  auto input = [&](ByteView bytes) {
    json::object in = c.f.RosterInput();
    in["case_id"] = HexOf(c.case_id);
    in["today"] = today;
    in["statement"] = HexOf(bytes);
    return in;
  };
  const Bytes good = make(ana, today);
  {
    json::object in = input(good);
    in["reviewer_ed25519_seed"] = HexOf(ana.ed_seed);
    json::object out;
    out["reviewer_id"] = HexOf(ana.id);
    out["day"] = today;
    w.Write("case-delete-valid", "case_delete", "Ana signs the deletion of the case today.",
            std::move(in), "success", std::move(out));
  }
  {
    json::object in = input(make(ana, today - 1));
    in["reviewer_ed25519_seed"] = HexOf(ana.ed_seed);
    json::object out;
    out["reviewer_id"] = HexOf(ana.id);
    out["day"] = today - 1;
    w.Write("case-delete-yesterday", "case_delete",
            "Signed yesterday (a signer's clock one day behind): still accepted.", std::move(in),
            "success", std::move(out));
  }
  auto bad = [&](const std::string& name, const std::string& what, ByteView bytes,
                 const std::string& expect, json::object in = {}) {
    if (in.empty()) in = input(bytes);
    w.Write(name, "case_delete", what, std::move(in), expect);
  };
  bad("case-delete-stale", "Signed two days before the verifier's day: a replay.",
      make(ana, today - 2), "expired");
  bad("case-delete-future", "Dated two days after the verifier's day.", make(ana, today + 2),
      "expired");
  bad("case-delete-retired", "Signed by Marija, retired at roster 6.", make(marija, today),
      "retired_author");
  {
    const Ed25519KeyPair kp = Ed25519FromSeed(Det("d/stranger/ed", 32));
    bad("case-delete-unknown-reviewer", "Signed by a reviewer id on no roster.",
        v2::MakeCaseDelete({c.case_id, DetId("d/stranger"), today}, kp.secret_key).value(),
        "unknown_author");
  }
  Bytes day_changed = good;
  day_changed[36] ^= 0x01;
  bad("case-delete-altered-day", "The day changed after signing.", day_changed, "bad_signature");
  bad("case-delete-truncated", "100 bytes.", ByteView(good).first(good.size() - 1), "malformed");
  Bytes v3 = good;
  v3[0] = 3;
  bad("case-delete-unknown-version", "Version byte 3.", v3, "unsupported_version");
  {
    json::object in = input(good);
    in["case_id"] = HexOf(DetId("v2/other-case"));
    bad("case-delete-wrong-case", "Read as the deletion of another case.", good, "malformed",
        std::move(in));
  }
}

}  // namespace

std::vector<std::function<void(VectorWriter&)>> V2RecordSections() {
  return {Genesis, Anchors, Rekeys, CaseOrders, CaseDeletes};
}

}  // namespace dojava::vectors
