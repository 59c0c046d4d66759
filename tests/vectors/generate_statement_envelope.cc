// Protocol-2 vectors of the statement envelope (§7.4): the genesis, anchors
// and re-keys as the server stores them, sealed under the case key they are
// about.
#include "crypto/case_key_anchor.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/generate_v2.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;
namespace p = dojava::protocol;
using namespace dojava::crypto;

namespace dojava::vectors {
namespace {

constexpr const char* kKind = "statement_envelope";

struct Statements {
  CaseFixture c;
  SecretBytes ck2 = DetSecret("v2/case/ck2", 32);
  Bytes genesis, anchor, rekey;

  Statements() {
    const auto& ana = c.f.reviewers[0];
    const auto& driton = c.f.reviewers[1];
    genesis = v2::MakeNotesGenesis({c.case_id, ana.id, 7, {ana.id, driton.id}}, c.ck, c.nk,
                                   ana.ed.secret_key)
                  .value();
    anchor = v2::MakeCaseKeyAnchor(c.case_id, ana.id, c.ck, ana.ed.secret_key).value();
    const SecretBytes source_sk = DetSecret("v2/case/source-x25519", 32);
    const Bytes seal =
        SealKeyWithEphemeral(ck2, p::kRoleCaseKey, c.case_id, X25519Base(source_sk.reveal()),
                             DetSecret("v2/rekey/ephemeral", 32))
            .value();
    rekey = v2::MakeRekey(c.case_id, ana.id, c.ck, ck2, seal, 7, ana.ed.secret_key).value();
  }

  Bytes Seal(const SecretBytes& key, uint8_t type, ByteView statement, const std::string& tag,
             const Id* case_id = nullptr) const {
    return v2::SealStatementWithNonce(key, type, case_id ? *case_id : c.case_id, statement,
                                      Det("v2/envelope/nonce/" + tag, 24))
        .value();
  }
};

json::object Input(const Id& case_id, const std::vector<const SecretBytes*>& keys, uint8_t type,
                   ByteView envelope) {
  json::object in;
  in["case_id"] = HexOf(case_id);
  json::array ks;
  for (const SecretBytes* k : keys) ks.push_back(HexOf(k->reveal()));
  in["case_keys"] = std::move(ks);
  in["type"] = type;
  in["envelope"] = HexOf(envelope);
  return in;
}

void Valid(const Statements& s, VectorWriter& w) {
  struct One {
    const char* name;
    const char* what;
    uint8_t type;
    const Bytes* statement;
    const SecretBytes* sealed_under;
    std::vector<const SecretBytes*> held;
    size_t index;
  };
  const One all[] = {
      {"statement-envelope-genesis",
       "Ana's notes-key genesis, sealed under the case's CK.",
       p::kStatementGenesis,
       &s.genesis,
       &s.c.ck,
       {&s.c.ck},
       0},
      {"statement-envelope-anchor",
       "Ana's case-key anchor, sealed under the CK it anchors.",
       p::kStatementAnchor,
       &s.anchor,
       &s.c.ck,
       {&s.c.ck},
       0},
      {"statement-envelope-rekey",
       "Ana's re-key from CK to CK', sealed under CK; the reader holds CK' and CK and picks CK "
       "by the envelope's kc.",
       p::kStatementRekey,
       &s.rekey,
       &s.c.ck,
       {&s.ck2, &s.c.ck},
       1},
  };
  for (const One& o : all) {
    const Bytes env = s.Seal(*o.sealed_under, o.type, *o.statement, o.name);
    json::object in = Input(s.c.case_id, o.held, o.type, env);
    json::object seal;
    seal["case_key"] = HexOf(o.sealed_under->reveal());
    seal["nonce"] = HexOf(Det(std::string("v2/envelope/nonce/") + o.name, 24));
    in["seal"] = std::move(seal);
    json::object out;
    out["statement"] = HexOf(*o.statement);
    out["key_index"] = o.index;
    w.Write(o.name, kKind, o.what, std::move(in), "success", std::move(out));
  }
}

void Refused(const Statements& s, VectorWriter& w) {
  const Id& case_id = s.c.case_id;
  const std::vector<const SecretBytes*> held{&s.c.ck};
  auto bad = [&](const std::string& name, const std::string& what, uint8_t type, ByteView env,
                 const std::string& expect, const Id* read_as = nullptr) {
    w.Write(name, kKind, what, Input(read_as ? *read_as : case_id, held, type, env), expect);
  };
  const uint8_t anchor = p::kStatementAnchor;
  const Bytes good = s.Seal(s.c.ck, anchor, s.anchor, "statement-envelope-anchor");
  const SecretBytes other_ck = DetSecret("v2/case/fabricated-ck", 32);
  bad("statement-envelope-wrong-key",
      "An anchor sealed under another CK (the server's own): its kc is not the reader's.", anchor,
      s.Seal(other_ck, anchor, s.anchor, "wrong-key"), "wrong_key");
  {
    Bytes forged = s.Seal(other_ck, anchor, s.anchor, "kc-mismatch");
    const v2::Digest kc = v2::KeyCommitment(s.c.ck);
    std::copy(kc.begin(), kc.end(), forged.begin() + 2);
    bad("statement-envelope-kc-mismatch",
        "Sealed under another CK with the reader's kc written into the header.", anchor, forged,
        "decrypt_failed");
  }
  const Id other_case = DetId("v2/other-case");
  bad("statement-envelope-other-case", "Ana's anchor envelope read as one of another case.", anchor,
      good, "decrypt_failed", &other_case);
  {
    Bytes changed = s.Seal(s.c.ck, p::kStatementRekey, s.rekey, "type-changed");
    changed[1] = p::kStatementGenesis;  // 251 bytes fit a genesis of 5 recipients
    bad("statement-envelope-type-changed",
        "A re-key envelope whose type byte was changed to genesis, read as a genesis.",
        p::kStatementGenesis, changed, "decrypt_failed");
  }
  bad("statement-envelope-type-unexpected", "An anchor envelope where a genesis is read.",
      p::kStatementGenesis, good, "malformed");
  {
    Bytes unknown = good;
    unknown[1] = 4;
    bad("statement-envelope-unknown-type", "Type byte 4.", anchor, unknown, "malformed");
  }
  bad("statement-envelope-truncated", "The last byte of an anchor envelope missing.", anchor,
      ByteView(good).first(good.size() - 1), "malformed");
  {
    Bytes extended = good;
    extended.push_back(0);
    bad("statement-envelope-extended", "One byte appended to an anchor envelope.", anchor, extended,
        "malformed");
  }
  {
    Bytes v1 = good;
    v1[0] = 1;
    bad("statement-envelope-unknown-version", "Version byte 1.", anchor, v1, "unsupported_version");
  }
  {
    Bytes flipped = good;
    flipped[flipped.size() - 1] ^= 0x01;
    bad("statement-envelope-flipped-tag", "One bit of the tag changed.", anchor, flipped,
        "decrypt_failed");
  }
  bad("statement-envelope-empty", "No bytes.", anchor, ByteView(), "malformed");
}

}  // namespace

void StatementEnvelopeVectors(VectorWriter& w) {
  const Statements s;
  Valid(s, w);
  Refused(s, w);
}

}  // namespace dojava::vectors
