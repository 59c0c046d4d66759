// Writes the protocol's test vectors (crypto/PROTOCOL.md §13) into the
// directory given as the only argument, one JSON file per scenario.
//
// Every "random" value comes from libsodium's randombytes_buf_deterministic
// seeded by a label, so the output is identical on every run and machine
// (checked by the ctest `vectors_are_reproducible`).
#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crypto/login.h"
#include "crypto/message.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster.h"
#include "crypto/sealed_key.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace json = boost::json;
using namespace dojava;
using namespace dojava::crypto;
using namespace dojava::vectors;
namespace p = dojava::protocol;

namespace dojava::vectors {

Bytes Det(std::string_view label, size_t n) {
  const Bytes seed = LabeledHash(32, "dojava/test-vectors", AsBytes(label));
  Bytes out(n);
  randombytes_buf_deterministic(out.data(), n, seed.data());
  return out;
}
SecretBytes DetSecret(std::string_view label, size_t n) { return SecretBytes::Copy(Det(label, n)); }
Id DetId(std::string_view label) {
  Id id{};
  const Bytes b = Det(label, id.size());
  std::copy(b.begin(), b.end(), id.begin());
  return id;
}

VectorWriter::VectorWriter(std::string dir) : dir_(std::move(dir)) {}

void VectorWriter::Write(const std::string& scenario, const std::string& kind,
                         const std::string& description, json::object input,
                         const std::string& expect, json::object output) {
  json::object v;
  v["scenario"] = scenario;
  v["kind"] = kind;
  v["description"] = description;
  v["input"] = std::move(input);
  v["expect"] = expect;
  v["output"] = std::move(output);
  if (!names_.insert(scenario).second) {
    std::fprintf(stderr, "duplicate scenario %s\n", scenario.c_str());
    std::exit(1);
  }
  std::ofstream f(dir_ + "/" + scenario + ".json", std::ios::binary);
  f << Pretty(v);
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", scenario.c_str());
    std::exit(1);
  }
}

}  // namespace dojava::vectors

namespace {

// ---------------------------------------------------------------- rosters

struct RosterFixture {
  Ed25519KeyPair admin = Ed25519FromSeed(Det("roster/admin", 32));
  Id instance = DetId("roster/instance");
  Roster roster;
  RosterFixture() {
    roster.instance_id = instance;
    roster.version = 7;
    const char* names[] = {"Ana Petrović", "Driton Krasniqi", "Марија Стојановска"};
    for (int i = 0; i < 3; ++i) {
      const std::string tag = "roster/reviewer" + std::to_string(i);
      RosterEntry e;
      e.reviewer_id = DetId(tag + "/id");
      e.ed25519 = Ed25519FromSeed(Det(tag + "/ed", 32)).public_key;
      e.x25519 = X25519Base(Det(tag + "/x", 32));
      e.name = names[i];
      roster.entries.push_back(e);
    }
  }
  json::object Input(ByteView bytes) const {
    json::object in;
    in["admin_public"] = HexOf(admin.public_key);
    in["instance_id"] = HexOf(instance);
    in["roster"] = HexOf(bytes);
    return in;
  }
  // Body bytes built by hand (no rule checks), signed by the admin.
  Bytes HandSigned(const Bytes& body) const {
    Bytes out = body;
    const Signature sig = SignLabeled(admin.secret_key, p::kLabelRoster, body);
    out.insert(out.end(), sig.begin(), sig.end());
    return out;
  }
};

json::object RosterOutput(const Roster& r, ByteView bytes) {
  json::object out;
  out["version"] = r.version;
  out["digest"] = HexOf(RosterDigest(bytes));
  json::array entries;
  for (const auto& e : r.entries) {
    json::object o;
    o["reviewer_id"] = HexOf(e.reviewer_id);
    o["ed25519"] = HexOf(e.ed25519);
    o["x25519"] = HexOf(e.x25519);
    o["name"] = e.name;
    entries.push_back(std::move(o));
  }
  out["entries"] = std::move(entries);
  return out;
}

void Rosters(VectorWriter& w) {
  RosterFixture f;
  const Bytes good = SignRoster(f.roster, f.admin.secret_key, f.admin.public_key).value();
  const Roster parsed = VerifyRoster(good, f.admin.public_key, f.instance).value().roster();
  w.Write("roster-valid", "roster",
          "A roster of three reviewers, names in Latin and Cyrillic script.", f.Input(good),
          "success", RosterOutput(parsed, good));

  Roster empty;
  empty.instance_id = f.instance;
  empty.version = 1;
  const Bytes empty_bytes = SignRoster(empty, f.admin.secret_key, f.admin.public_key).value();
  w.Write("roster-empty", "roster", "A valid roster with no reviewers (a new instance).",
          f.Input(empty_bytes), "success", RosterOutput(empty, empty_bytes));

  Bytes bad_sig = good;
  bad_sig[bad_sig.size() - 40] ^= 0x01;
  w.Write("roster-bad-signature", "roster", "One bit of the signature flipped.", f.Input(bad_sig),
          "bad_signature");

  Bytes renamed = good;
  renamed[1 + 16 + 8 + 2 + 16 + 64 + 1] ^= 0x20;  // first letter of the first name
  w.Write("roster-tampered-name", "roster", "A reviewer's name changed after signing.",
          f.Input(renamed), "bad_signature");

  {
    auto in = f.Input(good);
    in["admin_public"] = HexOf(Ed25519FromSeed(Det("roster/other-admin", 32)).public_key);
    w.Write("roster-wrong-admin-key", "roster",
            "Signed by the instance's admin, checked against another key.", std::move(in),
            "bad_signature");
  }

  Bytes version2 = good;
  version2[0] = 2;
  w.Write("roster-unknown-version", "roster", "Format version byte 2.", f.Input(version2),
          "unsupported_version");

  Bytes trailing = good;
  trailing.push_back(0);
  w.Write("roster-trailing-byte", "roster", "One byte after the signature.", f.Input(trailing),
          "malformed");

  w.Write("roster-truncated", "roster", "The last byte of the signature missing.",
          f.Input(ByteView(good.data(), good.size() - 1)), "malformed");

  {
    // Properly signed, but the entries are not in ascending id order.
    Bytes body(good.begin(), good.end() - 64);
    const size_t hdr = 1 + 16 + 8 + 2;
    std::vector<Bytes> entries;
    size_t pos = hdr;
    while (pos < body.size()) {
      const size_t len = 16 + 32 + 32 + 1 + body[pos + 80];
      entries.emplace_back(body.begin() + long(pos), body.begin() + long(pos + len));
      pos += len;
    }
    std::swap(entries[0], entries[2]);
    Bytes unsorted(body.begin(), body.begin() + hdr);
    for (const auto& e : entries) unsorted.insert(unsorted.end(), e.begin(), e.end());
    w.Write("roster-unsorted-ids", "roster",
            "Validly signed by the admin, but reviewer ids not strictly ascending (rule 3 of "
            "section 6).",
            f.Input(f.HandSigned(unsorted)), "malformed");
  }
  {
    Roster dup = f.roster;
    Bytes body;
    ByteWriter bw(&body);
    bw.U8(1);
    bw.Raw(dup.instance_id);
    bw.U64(dup.version);
    bw.U16(2);
    std::sort(
        dup.entries.begin(), dup.entries.end(),
        [](const RosterEntry& a, const RosterEntry& b) { return a.reviewer_id < b.reviewer_id; });
    for (int i = 0; i < 2; ++i) {
      bw.Raw(dup.entries[size_t(i)].reviewer_id);
      bw.Raw(dup.entries[0].ed25519);  // the same Ed25519 key twice
      bw.Raw(dup.entries[size_t(i)].x25519);
      bw.U8(uint8_t(dup.entries[size_t(i)].name.size()));
      bw.Raw(dup.entries[size_t(i)].name);
    }
    w.Write("roster-duplicate-key", "roster",
            "Validly signed, but two reviewers share an Ed25519 key.", f.Input(f.HandSigned(body)),
            "malformed");
  }
  auto hand_roster = [&](const std::string& name, const X25519Public& x) {
    Bytes body;
    ByteWriter bw(&body);
    bw.U8(1);
    bw.Raw(f.instance);
    bw.U64(9);
    bw.U16(1);
    bw.Raw(f.roster.entries[0].reviewer_id);
    bw.Raw(f.roster.entries[0].ed25519);
    bw.Raw(x);
    bw.U8(uint8_t(name.size()));
    bw.Raw(name);
    return f.HandSigned(body);
  };
  w.Write("roster-bidi-name", "roster",
          "Validly signed, but the name contains U+202E (right-to-left override): two such names "
          "can look alike.",
          f.Input(hand_roster("Ana \xe2\x80\xae\xc4\x87ivotep", f.roster.entries[0].x25519)),
          "malformed");
  {
    X25519Public low{};
    low[0] = 1;  // u = 1 has order 4: every shared secret with it is zero
    w.Write("roster-low-order-x25519", "roster",
            "Validly signed, but a reviewer's X25519 key is a low-order point (nothing can be "
            "sealed to it).",
            f.Input(hand_roster("Ana", low)), "malformed");
  }
  {
    auto in = f.Input(good);
    in["instance_id"] = HexOf(DetId("roster/other-instance"));
    w.Write("roster-other-instance", "roster",
            "A valid roster of another instance of the same admin.", std::move(in), "malformed");
  }
  {
    Bytes noncanon = good;
    // S + l: accepted by lax (ZIP-215) verifiers, refused by strict ones.
    const uint8_t l[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                           0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                           0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
    unsigned carry = 0;
    uint8_t* s = noncanon.data() + noncanon.size() - 32;
    for (int i = 0; i < 32; ++i) {
      const unsigned v = s[i] + l[i] + carry;
      s[i] = uint8_t(v);
      carry = v >> 8;
    }
    w.Write("roster-noncanonical-signature", "roster",
            "The signature's S replaced by S + l (the group order): strict verification must "
            "refuse it.",
            f.Input(noncanon), "bad_signature");
  }
  {
    Roster older = f.roster;
    older.version = 6;
    const Bytes older_bytes = SignRoster(older, f.admin.secret_key, f.admin.public_key).value();
    auto in = f.Input(older_bytes);
    in["seen_version"] = 7;
    in["seen_digest"] = HexOf(RosterDigest(good));
    w.Write("roster-rollback", "roster",
            "A validly signed roster older than the one the client has seen.", std::move(in),
            "rollback");
  }
  {
    Roster fork = f.roster;
    fork.entries.pop_back();
    const Bytes fork_bytes = SignRoster(fork, f.admin.secret_key, f.admin.public_key).value();
    auto in = f.Input(fork_bytes);
    in["seen_version"] = 7;
    in["seen_digest"] = HexOf(RosterDigest(good));
    w.Write("roster-fork", "roster",
            "A different roster under the version the client has already seen.", std::move(in),
            "rollback");
  }
  {
    Roster newer = f.roster;
    newer.version = 8;
    const Bytes newer_bytes = SignRoster(newer, f.admin.secret_key, f.admin.public_key).value();
    auto in = f.Input(newer_bytes);
    in["seen_version"] = 7;
    in["seen_digest"] = HexOf(RosterDigest(good));
    w.Write("roster-advance", "roster", "A newer roster after version 7: accepted.", std::move(in),
            "success",
            RosterOutput(VerifyRoster(newer_bytes, f.admin.public_key, f.instance).value().roster(),
                         newer_bytes));
  }
}

// ------------------------------------------------------------ sealed keys

void SealedKeys(VectorWriter& w) {
  const SecretBytes recipient_secret = DetSecret("sealed/recipient", 32);
  const X25519Public recipient_public = X25519Base(recipient_secret.reveal());
  const Id case_id = DetId("sealed/case");
  auto input = [&](ByteView record, uint8_t role) {
    json::object in;
    in["recipient_secret"] = HexOf(recipient_secret.reveal());
    in["recipient_public"] = HexOf(recipient_public);
    in["case_id"] = HexOf(case_id);
    in["role"] = role;
    in["record"] = HexOf(record);
    return in;
  };
  auto seal = [&](std::string_view tag, uint8_t role, json::object* in, SecretBytes* key) {
    *key = DetSecret(std::string(tag) + "/key", 32);
    const SecretBytes eph = DetSecret(std::string(tag) + "/ephemeral", 32);
    Bytes rec = SealKeyWithEphemeral(*key, role, case_id, recipient_public, eph).value();
    *in = input(rec, role);
    (*in)["key"] = HexOf(key->reveal());
    (*in)["ephemeral_secret"] = HexOf(eph.reveal());
    return rec;
  };
  for (uint8_t role : {p::kRoleCaseKey, p::kRoleNotesKey}) {
    json::object in;
    SecretBytes key;
    const std::string name = role == p::kRoleCaseKey ? "ck" : "nk";
    seal("sealed/" + name, role, &in, &key);
    json::object out;
    out["key"] = HexOf(key.reveal());
    w.Write("sealed-key-" + name + "-valid", "sealed_key",
            "A " + std::string(role == 1 ? "case key (CK)" : "notes key (NK)") +
                " sealed to one recipient.",
            std::move(in), "success", std::move(out));
  }
  json::object base_in;
  SecretBytes key;
  const Bytes rec = seal("sealed/base", p::kRoleCaseKey, &base_in, &key);
  {
    auto in = input(rec, p::kRoleCaseKey);
    const SecretBytes other = DetSecret("sealed/other-recipient", 32);
    in["recipient_secret"] = HexOf(other.reveal());
    in["recipient_public"] = HexOf(X25519Base(other.reveal()));
    w.Write("sealed-key-wrong-recipient", "sealed_key",
            "Opened by a recipient it was not sealed to.", std::move(in), "decrypt_failed");
  }
  {
    auto in = input(rec, p::kRoleCaseKey);
    in["case_id"] = HexOf(DetId("sealed/other-case"));
    w.Write("sealed-key-wrong-case", "sealed_key",
            "A sealed key moved to another case by the server.", std::move(in), "decrypt_failed");
  }
  w.Write("sealed-key-wrong-role", "sealed_key", "A CK record presented where an NK is expected.",
          input(rec, p::kRoleNotesKey), "malformed");
  {
    Bytes relabelled = rec;
    relabelled[1] = p::kRoleNotesKey;
    w.Write("sealed-key-relabelled", "sealed_key",
            "A CK record whose role byte was rewritten to NK.", input(relabelled, p::kRoleNotesKey),
            "decrypt_failed");
  }
  {
    Bytes v2 = rec;
    v2[0] = 2;
    w.Write("sealed-key-unknown-version", "sealed_key", "Version byte 2.",
            input(v2, p::kRoleCaseKey), "unsupported_version");
  }
  w.Write("sealed-key-short-unknown-version", "sealed_key",
          "Two bytes, version 2: the version is checked before the length.", input(Bytes{2, 1}, 1),
          "unsupported_version");
  w.Write("sealed-key-truncated", "sealed_key", "81 of the 82 bytes.",
          input(ByteView(rec.data(), 81), 1), "malformed");
  {
    Bytes flipped = rec;
    flipped[50] ^= 0x10;
    w.Write("sealed-key-flipped-bit", "sealed_key", "One bit of the ciphertext flipped.",
            input(flipped, p::kRoleCaseKey), "decrypt_failed");
  }
  {
    Bytes zero_epk = rec;
    std::fill(zero_epk.begin() + 2, zero_epk.begin() + 34, 0);
    w.Write("sealed-key-low-order-ephemeral", "sealed_key",
            "The ephemeral public key replaced by the all-zero (low-order) point: X25519 output is "
            "zero.",
            input(zero_epk, p::kRoleCaseKey), "decrypt_failed");
  }
}

// --------------------------------------------------------------- messages

struct MessageFixture {
  Id case_id = DetId("message/case");
  SecretBytes ck = DetSecret("message/ck", 32);
  SecretBytes nk = DetSecret("message/nk", 32);
  Id reviewer_id = DetId("message/reviewer");
  Bytes reviewer_seed = Det("message/reviewer-ed25519-seed", 32);
  Ed25519KeyPair reviewer = Ed25519FromSeed(reviewer_seed);

  json::object Input(ByteView record) const {
    json::object in;
    in["case_id"] = HexOf(case_id);
    in["case_key"] = HexOf(ck.reveal());
    in["notes_key"] = HexOf(nk.reveal());
    json::array reviewers;
    json::object r;
    r["reviewer_id"] = HexOf(reviewer_id);
    r["ed25519"] = HexOf(reviewer.public_key);
    reviewers.push_back(std::move(r));
    in["reviewers"] = std::move(reviewers);
    in["record"] = HexOf(record);
    return in;
  }
};

void Messages(VectorWriter& w) {
  MessageFixture f;
  ReviewerSigner signer{f.reviewer_id, &f.reviewer.secret_key};
  struct Ok {
    std::string scenario, description, body;
    uint8_t kind;
    bool signed_by_reviewer;
  };
  const std::vector<Ok> oks = {
      {"message-source-report", "The source's first report (author 0, under CK).",
       R"({"type":"report","form":{"country":"RS","incident":"spyware","when":"2026-10","responsible":"state"},"text":"Dobio sam SMS s linkom; telefon se od tada pregrijava.","files":[]})",
       p::kKindConversation, false},
      {"message-reviewer-reply", "A reviewer's signed reply in the conversation.",
       R"({"type":"message","text":"Hvala. Molimo ne koristite taj telefon za kontakt s nama.","files":[]})",
       p::kKindConversation, true},
      {"message-notes-event", "A signed status event under NK.",
       R"({"type":"status","status":"triage"})", p::kKindNotes, true},
      {"message-bucket-1024",
       "A body too long for the 512-byte bucket lands in the 1024-byte bucket.",
       std::string(R"({"type":"message","text":")") + std::string(600, 'a') + R"(","files":[]})",
       p::kKindConversation, false},
      {"message-empty-body", "An empty body: the inner plaintext is the author byte alone.", "",
       p::kKindConversation, false},
  };
  for (const Ok& ok : oks) {
    const Id mid = DetId(ok.scenario + "/id");
    const Bytes nonce = Det(ok.scenario + "/nonce", 24);
    const SecretBytes& key = ok.kind == p::kKindConversation ? f.ck : f.nk;
    const Bytes rec = EncryptMessageWithNonce(key, ok.kind, f.case_id, mid, AsBytes(ok.body),
                                              ok.signed_by_reviewer ? &signer : nullptr, nonce)
                          .value();
    auto in = f.Input(rec);
    json::object enc;
    enc["kind"] = ok.kind;
    enc["message_id"] = HexOf(mid);
    enc["nonce"] = HexOf(nonce);
    enc["body"] = HexOf(AsBytes(ok.body));
    if (ok.signed_by_reviewer) enc["signer_ed25519_seed"] = HexOf(f.reviewer_seed);
    in["encrypt"] = std::move(enc);
    json::object out;
    out["kind"] = ok.kind;
    out["message_id"] = HexOf(mid);
    out["author"] = ok.signed_by_reviewer ? 1 : 0;
    out["reviewer_id"] = HexOf(ok.signed_by_reviewer ? ByteView(f.reviewer_id) : ByteView(Id{}));
    out["body"] = HexOf(AsBytes(ok.body));
    out["padded_size"] = rec.size() - p::kMessageHeaderSize - p::kAeadTagSize;
    w.Write(ok.scenario, "message", ok.description, std::move(in), "success", std::move(out));
  }

  const Bytes base =
      EncryptMessageWithNonce(f.ck, p::kKindConversation, f.case_id, DetId("message/base/id"),
                              AsBytes(R"({"type":"message","text":"base"})"), &signer,
                              Det("message/base/nonce", 24))
          .value();
  {
    Bytes b = base;
    b[100] ^= 0x01;
    w.Write("message-flipped-ciphertext", "message", "One bit of the ciphertext flipped.",
            f.Input(b), "decrypt_failed");
  }
  {
    Bytes b = base;
    b[b.size() - 1] ^= 0x80;
    w.Write("message-flipped-tag", "message", "One bit of the tag flipped.", f.Input(b),
            "decrypt_failed");
  }
  {
    Bytes b = base;
    b[2 + 16 + 3] ^= 0x04;
    w.Write("message-rewritten-id", "message", "The server changed the message id in the header.",
            f.Input(b), "decrypt_failed");
  }
  {
    auto in = f.Input(base);
    in["case_id"] = HexOf(DetId("message/other-case"));
    w.Write("message-wrong-case", "message", "A record of another case served as this case's.",
            std::move(in), "malformed");
  }
  {
    auto in = f.Input(base);
    in["case_key"] = HexOf(Det("message/wrong-ck", 32));
    w.Write("message-wrong-key", "message", "Decrypted with another case's CK.", std::move(in),
            "decrypt_failed");
  }
  {
    Bytes b = base;
    b[0] = 2;
    w.Write("message-unknown-version", "message", "Version byte 2.", f.Input(b),
            "unsupported_version");
  }
  {
    Bytes b = base;
    b[1] = 3;
    w.Write("message-unknown-kind", "message", "Kind byte 3.", f.Input(b), "malformed");
  }
  {
    Bytes b = base;
    b.pop_back();
    w.Write("message-not-a-bucket", "message",
            "Ciphertext one byte short of a bucket size plus tag.", f.Input(b), "malformed");
  }
  {
    auto in = f.Input(base);
    in["reviewers"] = json::array();
    w.Write("message-unknown-author", "message",
            "Signed by a reviewer the reader knows of on no roster.", std::move(in),
            "unknown_author");
  }
  {
    const Ed25519KeyPair insider = Ed25519FromSeed(Det("message/insider", 32));
    ReviewerSigner forged{f.reviewer_id, &insider.secret_key};
    const Bytes b =
        EncryptMessageWithNonce(f.nk, p::kKindNotes, f.case_id, DetId("message/forged/id"),
                                AsBytes(R"({"type":"assign","reviewer":null})"), &forged,
                                Det("message/forged/nonce", 24))
            .value();
    w.Write("message-forged-event", "message",
            "An NK holder signs an event with their own key but names another reviewer as author.",
            f.Input(b), "bad_signature");
  }
  // Hand-made records that authenticate but break §8.2/§8.3.
  auto hand_made = [&](const SecretBytes& key, uint8_t kind, const std::string& tag,
                       const Bytes& padded) {
    Bytes rec;
    ByteWriter bw(&rec);
    bw.U8(1);
    bw.U8(kind);
    bw.Raw(f.case_id);
    bw.Raw(DetId(tag + "/id"));
    const Bytes nonce = Det(tag + "/nonce", 24);
    bw.Raw(nonce);
    Bytes ad = Label(p::kLabelMessage);
    ad.insert(ad.end(), rec.begin(), rec.end());
    const Bytes ct = AeadSeal(key.reveal(), nonce, ad, padded);
    rec.insert(rec.end(), ct.begin(), ct.end());
    return rec;
  };
  auto padded = [](uint32_t inner_len, Bytes inner) {
    Bytes b(512, 0);
    b[0] = uint8_t(inner_len >> 24);
    b[1] = uint8_t(inner_len >> 16);
    b[2] = uint8_t(inner_len >> 8);
    b[3] = uint8_t(inner_len);
    std::copy(inner.begin(), inner.end(), b.begin() + 4);
    return b;
  };
  w.Write(
      "message-unsigned-notes", "message",
      "An NK record written as the source (author 0): notes must be signed.",
      f.Input(hand_made(f.nk, p::kKindNotes, "message/unsigned-notes", padded(3, {0, '{', '}'}))),
      "malformed");
  {
    Bytes pad = padded(3, {0, '{', '}'});
    pad[300] = 0x01;
    w.Write("message-nonzero-padding", "message", "Authenticates, but a padding byte is not zero.",
            f.Input(hand_made(f.ck, p::kKindConversation, "message/nonzero-padding", pad)),
            "malformed");
  }
  w.Write("message-short-unknown-version", "message",
          "Ten bytes, version 2: the version is checked before the length.",
          f.Input(Bytes{2, 1, 0, 0, 0, 0, 0, 0, 0, 0}), "unsupported_version");
  {
    Bytes big(1024, 0);
    big[3] = 3;
    big[4] = 0;
    big[5] = '{';
    big[6] = '}';
    w.Write("message-oversized-bucket", "message",
            "Authenticates, but a 3-byte inner plaintext is padded to 1024 bytes instead of the "
            "smallest bucket.",
            f.Input(hand_made(f.ck, p::kKindConversation, "message/oversized", big)), "malformed");
  }
  w.Write("message-inner-length-overflow", "message",
          "Authenticates, but the inner length exceeds the padded plaintext.",
          f.Input(hand_made(f.ck, p::kKindConversation, "message/overflow", padded(509, {0}))),
          "malformed");
  w.Write("message-unknown-author-kind", "message", "Authenticates, but the author byte is 2.",
          f.Input(hand_made(f.ck, p::kKindConversation, "message/author2", padded(2, {2, 'x'}))),
          "malformed");
}

// ------------------------------------------------------------------ login

void Logins(VectorWriter& w) {
  const Bytes seed = Det("login/reviewer-ed25519-seed", 32);
  const Ed25519KeyPair kp = Ed25519FromSeed(seed);
  const Id instance = DetId("login/instance"), reviewer = DetId("login/reviewer");
  const Bytes challenge = Det("login/challenge", 32);
  const Signature sig = SignLogin(kp.secret_key, instance, reviewer, challenge).value();
  json::object in;
  in["ed25519_seed"] = HexOf(seed);
  in["ed25519_public"] = HexOf(kp.public_key);
  in["instance_id"] = HexOf(instance);
  in["reviewer_id"] = HexOf(reviewer);
  in["challenge"] = HexOf(challenge);
  in["signature"] = HexOf(sig);
  w.Write("login-valid", "login", "A reviewer's answer to a login challenge.", in, "success");
  in["challenge"] = HexOf(Det("login/other-challenge", 32));
  w.Write("login-replayed", "login", "A valid answer replayed against a new challenge.", in,
          "bad_signature");
  in["challenge"] = HexOf(challenge);

  // The signed message of §10 with its label, for hand-made signatures.
  Bytes m = Label(p::kLabelLogin);
  m.insert(m.end(), instance.begin(), instance.end());
  m.insert(m.end(), reviewer.begin(), reviewer.end());
  m.insert(m.end(), challenge.begin(), challenge.end());
  Bytes identity(32, 0);
  identity[0] = 1;  // the neutral element: a small-order point
  {
    // R = identity, S = k·a: the cofactorless equation holds ([S]B = R + [k]A),
    // so lax verifiers accept; strict ones refuse a small-order R.
    uint8_t h[64];
    crypto_hash_sha512(h, seed.data(), seed.size());
    h[0] &= 248;
    h[31] &= 127;
    h[31] |= 64;
    uint8_t wide[64] = {}, a[32], k[32], sc[32];
    std::copy(h, h + 32, wide);
    crypto_core_ed25519_scalar_reduce(a, wide);
    crypto_hash_sha512_state st;
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, identity.data(), 32);
    crypto_hash_sha512_update(&st, kp.public_key.data(), 32);
    crypto_hash_sha512_update(&st, m.data(), m.size());
    uint8_t hk[64];
    crypto_hash_sha512_final(&st, hk);
    crypto_core_ed25519_scalar_reduce(k, hk);
    crypto_core_ed25519_scalar_mul(sc, k, a);
    Bytes forged = identity;
    forged.insert(forged.end(), sc, sc + 32);
    in["signature"] = HexOf(forged);
    w.Write("login-small-order-r", "login",
            "R is the identity (small order) and S = k*a, so [S]B = R + [k]A holds: lax (ZIP-215, "
            "noble "
            "zip215:false) verifiers accept, strict verification (section 3) refuses.",
            in, "bad_signature");
  }
  {
    json::object o;
    o["ed25519_public"] = HexOf(identity);
    o["instance_id"] = HexOf(instance);
    o["reviewer_id"] = HexOf(reviewer);
    o["challenge"] = HexOf(challenge);
    Bytes forged = identity;
    forged.resize(64, 0);
    o["signature"] = HexOf(forged);
    w.Write(
        "login-small-order-key", "login",
        "Public key and R are the identity and S = 0: the equation holds for every message; strict "
        "verification refuses the small-order key.",
        std::move(o), "bad_signature");
  }
  {
    // A small-order key with a valid (prime-order) R: R = [r]B and S = r satisfy the equation for
    // every message because [k]A is the identity. Only the small-order-A check refuses it (the
    // vector above also has a small-order R, which a verifier refuses for that reason alone).
    const Bytes wide = Det("login/valid-r", 64);
    uint8_t r[32], big_r[32];
    crypto_core_ed25519_scalar_reduce(r, wide.data());
    if (crypto_scalarmult_ed25519_base_noclamp(big_r, r) != 0) std::abort();
    Bytes forged(big_r, big_r + 32);
    forged.insert(forged.end(), r, r + 32);
    json::object o;
    o["ed25519_public"] = HexOf(identity);
    o["instance_id"] = HexOf(instance);
    o["reviewer_id"] = HexOf(reviewer);
    o["challenge"] = HexOf(challenge);
    o["signature"] = HexOf(forged);
    w.Write("login-small-order-key-valid-r", "login",
            "The public key is the identity (small order), R = [r]B is a valid point and S = r: "
            "the equation holds for every message; only the small-order check on A refuses it.",
            o, "bad_signature");
    // The same with the identity's non-canonical encoding y = p + 1.
    Bytes noncanonical(32, 0xff);
    noncanonical[0] = 0xee;
    noncanonical[31] = 0x7f;
    o["ed25519_public"] = HexOf(noncanonical);
    w.Write("login-noncanonical-key", "login",
            "The public key is the non-canonical encoding y = p + 1 of the identity, R = [r]B and "
            "S = r. A verifier that reduces y modulo p and compares small-order points by their "
            "canonical bytes accepts; the canonical-A check refuses it. (A non-canonical key whose "
            "point has large order cannot sign anything: nobody knows its discrete logarithm.)",
            std::move(o), "bad_signature");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: generate_vectors DIR\n");
    return 2;
  }
  EnsureSodium();
  VectorWriter w(argv[1]);
  Rosters(w);
  SealedKeys(w);
  Messages(w);
  Logins(w);
  for (const auto& section : ExtraSections()) section(w);
  for (const auto& section : V2Sections()) section(w);
  std::printf("%zu vector files written to %s\n", w.count(), argv[1]);
  return 0;
}
