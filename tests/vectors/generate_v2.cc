// Protocol-2 vectors: rosters (§6) and messages (§8.1-8.3).
#include "tests/vectors/generate_v2.h"

#include <sodium.h>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;
namespace p = dojava::protocol;
using namespace dojava::crypto;

namespace dojava::vectors {

V2Fixture::V2Fixture()
    : admin(Ed25519FromSeed(Det("v2/admin", 32))), instance(DetId("v2/instance")) {
  const char* names[] = {"Ana Petrović", "Driton Krasniqi", "Марија Стојановска"};
  roster.instance_id = instance;
  roster.version = 7;
  roster.expires_day = today + 30;
  const Bytes prev = Det("v2/roster6-digest", 32);
  std::copy(prev.begin(), prev.end(), roster.prev_digest.begin());
  for (int i = 0; i < 3; ++i) {
    const std::string tag = "v2/reviewer" + std::to_string(i);
    V2Reviewer r;
    r.id = DetId(tag + "/id");
    r.ed_seed = Det(tag + "/ed", 32);
    r.ed = Ed25519FromSeed(r.ed_seed);
    r.x = X25519Base(Det(tag + "/x", 32));
    r.name = names[i];
    v2::RosterEntry e;
    e.reviewer_id = r.id;
    e.ed25519 = r.ed.public_key;
    e.x25519 = r.x;
    e.name = r.name;
    e.retired_at = i == 2 ? 6 : 0;
    e.key_epoch = i == 1 ? 2 : 1;
    roster.entries.push_back(e);
    reviewers.push_back(std::move(r));
  }
  signed_roster = v2::SignRoster(roster, admin.secret_key, admin.public_key).value();
  roster = v2::VerifyRoster(signed_roster, admin.public_key, instance, today).value().roster();
}

Bytes EncodeRosterV2Body(const v2::Roster& r) {
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(r.instance_id);
  w.U64(r.version);
  w.U32(r.expires_day);
  w.Raw(r.prev_digest);
  w.U16(uint16_t(r.entries.size()));
  for (const auto& e : r.entries) {
    w.Raw(e.reviewer_id);
    w.U64(e.retired_at);
    w.U32(e.key_epoch);
    w.Raw(e.ed25519);
    w.Raw(e.x25519);
    w.U8(uint8_t(e.name.size()));
    w.Raw(e.name);
  }
  return out;
}

Bytes V2Fixture::HandSigned(const v2::Roster& r) const {
  Bytes out = EncodeRosterV2Body(r);
  const Signature sig = SignLabeled(admin.secret_key, p::kLabelRosterV2, out);
  out.insert(out.end(), sig.begin(), sig.end());
  return out;
}

json::object V2Fixture::RosterInput(ByteView roster_bytes) const {
  json::object in;
  in["admin_public"] = HexOf(admin.public_key);
  in["instance_id"] = HexOf(instance);
  in["roster"] = HexOf(roster_bytes);
  return in;
}

Bytes SealInnerV2(const SecretBytes& key, uint8_t kind, const Id& case_id, const Id& message_id,
                  const v2::Digest& commit, ByteView nonce, ByteView inner, size_t padded_size,
                  uint8_t last_pad_byte) {
  Bytes header;
  ByteWriter w(&header);
  w.U8(p::kVersion2);
  w.U8(kind);
  w.Raw(case_id);
  w.Raw(message_id);
  w.Raw(commit);
  w.Raw(nonce);
  if (padded_size == 0) {
    padded_size = p::kMinPaddedSize;
    while (padded_size < inner.size() + 4) padded_size <<= 1;
  }
  Bytes padded;
  ByteWriter pw(&padded);
  pw.U32(uint32_t(inner.size()));
  pw.Raw(inner);
  padded.resize(padded_size, 0);
  padded.back() = last_pad_byte;
  Bytes ad = Label(p::kLabelMessageV2);
  ad.insert(ad.end(), header.begin(), header.end());
  const SecretBytes mk = Kdf(key.reveal(), p::kLabelMessageKeyV2);
  const Bytes ct = AeadSeal(mk.reveal(), nonce, ad, padded);
  header.insert(header.end(), ct.begin(), ct.end());
  return header;
}

namespace {

json::object RosterOutput(const v2::Roster& r, ByteView bytes) {
  json::object out;
  out["version"] = r.version;
  out["expires_day"] = r.expires_day;
  out["prev_digest"] = HexOf(r.prev_digest);
  out["digest"] = HexOf(v2::RosterDigest(bytes));
  json::array entries;
  for (const auto& e : r.entries) {
    json::object o;
    o["reviewer_id"] = HexOf(e.reviewer_id);
    o["retired_at"] = e.retired_at;
    o["key_epoch"] = e.key_epoch;
    o["ed25519"] = HexOf(e.ed25519);
    o["x25519"] = HexOf(e.x25519);
    o["name"] = e.name;
    entries.push_back(std::move(o));
  }
  out["entries"] = std::move(entries);
  return out;
}

// The roster a reader sees next, derived from the fixture's version 7.
v2::Roster Successor(const V2Fixture& f, uint64_t version) {
  v2::Roster r = f.roster;
  r.version = version;
  r.prev_digest = v2::RosterDigest(f.signed_roster);
  return r;
}

void RosterRules(const V2Fixture& f, VectorWriter& w) {
  auto input = [&](ByteView bytes) {
    json::object in = f.RosterInput(bytes);
    in["today"] = f.today;
    return in;
  };
  auto bad = [&](const std::string& name, const std::string& what,
                 const std::function<void(v2::Roster&)>& edit, const std::string& expect) {
    v2::Roster r = f.roster;
    edit(r);
    w.Write(name, "roster_v2", what, input(f.HandSigned(r)), expect);
  };
  w.Write("roster-v2-valid", "roster_v2",
          "Version 7: two active reviewers (one at key epoch 2) and one retired at version 6.",
          input(f.signed_roster), "success", RosterOutput(f.roster, f.signed_roster));
  {
    v2::Roster first = f.roster;
    first.version = 1;
    first.prev_digest = {};
    for (auto& e : first.entries) e.retired_at = 0;
    const Bytes b = v2::SignRoster(first, f.admin.secret_key, f.admin.public_key).value();
    w.Write("roster-v2-first", "roster_v2",
            "Version 1: prev_digest is 32 zero bytes, nobody retired yet.", input(b), "success",
            RosterOutput(first, b));
  }
  {
    json::object in = input(f.signed_roster);
    in["today"] = f.roster.expires_day;
    w.Write("roster-v2-expires-today", "roster_v2", "today equals expires_day: still valid.",
            std::move(in), "success", RosterOutput(f.roster, f.signed_roster));
    json::object late = input(f.signed_roster);
    late["today"] = f.roster.expires_day + 1;
    w.Write("roster-v2-expired", "roster_v2", "today is the day after expires_day (step 5).",
            std::move(late), "expired");
  }
  Bytes flipped = f.signed_roster;
  flipped[flipped.size() - 30] ^= 0x04;
  w.Write("roster-v2-bad-signature", "roster_v2", "One bit of the signature flipped.",
          input(flipped), "bad_signature");
  Bytes v3 = f.signed_roster;
  v3[0] = 3;
  w.Write("roster-v2-unknown-version", "roster_v2", "Version byte 3.", input(v3),
          "unsupported_version");
  {
    Bytes v1 = f.signed_roster;
    v1[0] = 1;
    w.Write("roster-v2-given-v1", "roster_v2",
            "A version-1 roster byte: a protocol-2 reader refuses it before anything else.",
            input(v1), "unsupported_version");
  }
  {
    Bytes expired_and_bad = f.HandSigned([&] {
      v2::Roster r = f.roster;
      r.version = 0;
      r.expires_day = f.today - 1;
      return r;
    }());
    w.Write("roster-v2-version-zero", "roster_v2",
            "Validly signed, roster_version 0 (rule 3a), and also expired: the rules (step 3) come "
            "before the expiry (step 5).",
            input(expired_and_bad), "malformed");
  }
  bad(
      "roster-v2-prev-at-first", "roster_version 1 with a non-zero prev_digest (rule 3b).",
      [](v2::Roster& r) { r.version = 1, r.entries[2].retired_at = 1; }, "malformed");
  bad(
      "roster-v2-no-prev", "roster_version 7 with an all-zero prev_digest (rule 3b).",
      [](v2::Roster& r) { r.prev_digest = {}; }, "malformed");
  bad(
      "roster-v2-retired-later", "An entry retired at version 8 in roster 7 (rule 3d).",
      [](v2::Roster& r) { r.entries[0].retired_at = 8; }, "malformed");
  bad(
      "roster-v2-epoch-zero", "key_epoch 0 (rule 3d).",
      [](v2::Roster& r) { r.entries[0].key_epoch = 0; }, "malformed");
  bad(
      "roster-v2-unsorted-ids", "Entries swapped: ids not ascending (rule 3c).",
      [](v2::Roster& r) { std::swap(r.entries[0], r.entries[2]); }, "malformed");
}

void RosterKeys(const V2Fixture& f, VectorWriter& w) {
  auto input = [&](ByteView bytes) {
    json::object in = f.RosterInput(bytes);
    in["today"] = f.today;
    return in;
  };
  auto bad = [&](const std::string& name, const std::string& what,
                 const std::function<void(v2::Roster&)>& edit) {
    v2::Roster r = f.roster;
    edit(r);
    w.Write(name, "roster_v2", what, input(f.HandSigned(r)), "malformed");
  };
  {
    // A canonical point of mixed order: [a]B plus a point of order 8. It is
    // on the curve and not of small order, so only the prime-order-subgroup
    // check of rule 3e refuses it.
    const Bytes order8 =
        HexDecode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a").value();
    Ed25519Public mixed{};
    if (crypto_core_ed25519_add(mixed.data(), f.reviewers[0].ed.public_key.data(), order8.data()) !=
        0) {
      std::abort();
    }
    bad("roster-v2-ed25519-torsion",
        "An Ed25519 key with a torsion component: canonical, on the curve, not of small order, "
        "but outside the prime-order subgroup (rule 3e).",
        [&](v2::Roster& r) { r.entries[0].ed25519 = mixed; });
  }
  bad("roster-v2-ed25519-not-on-curve",
      "An Ed25519 key that decodes to no point (y = 2 has no x on the curve) (rule 3e).",
      [](v2::Roster& r) {
        r.entries[0].ed25519 = {};
        r.entries[0].ed25519[0] = 2;
      });
  bad("roster-v2-low-order-x25519", "An X25519 key of order 8 (rule 3f).", [](v2::Roster& r) {
    const Bytes lo =
        HexDecode("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800").value();
    std::copy(lo.begin(), lo.end(), r.entries[0].x25519.begin());
  });
  bad("roster-v2-duplicate-x25519", "Two entries share an X25519 key (rule 3g).",
      [](v2::Roster& r) { r.entries[1].x25519 = r.entries[0].x25519; });
  bad("roster-v2-duplicate-ed25519-retired",
      "An active entry shares the Ed25519 key of a retired one (rule 3g covers retired entries).",
      [](v2::Roster& r) { r.entries[0].ed25519 = r.entries[2].ed25519; });
  bad("roster-v2-duplicate-name", "Two entries share a name, bytewise (rule 3g).",
      [](v2::Roster& r) { r.entries[1].name = r.entries[0].name; });
  bad("roster-v2-name-nbsp", "A name with U+00A0 (no-break space) (rule 3h).",
      [](v2::Roster& r) { r.entries[0].name = "Ana\xc2\xa0Petrovi\xc4\x87"; });
  {
    json::object in = input(f.signed_roster);
    in["instance_id"] = HexOf(DetId("v2/other-instance"));
    w.Write("roster-v2-other-instance", "roster_v2",
            "Signed for another instance of the same admin (step 4).", std::move(in), "malformed");
  }
}

void RosterChain(const V2Fixture& f, VectorWriter& w) {
  auto chained = [&](const v2::Roster& next, const Bytes* seen) {
    json::object in = f.RosterInput(f.HandSigned(next));
    in["today"] = f.today;
    in["seen"] = HexOf(seen ? *seen : f.signed_roster);
    return in;
  };
  auto write = [&](const std::string& name, const std::string& what, const v2::Roster& next,
                   const std::string& expect, const Bytes* seen = nullptr) {
    json::object out;
    if (expect == "success") out = RosterOutput(next, f.HandSigned(next));
    w.Write(name, "roster_v2", what, chained(next, seen), expect, std::move(out));
  };
  {
    v2::Roster next = Successor(f, 8);
    next.entries[0].retired_at = 8;
    write("roster-v2-successor", "Version 8 names version 7's digest and retires Ana.", next,
          "success");
  }
  {
    v2::Roster next = Successor(f, 8);
    next.entries[0].x25519 = X25519Base(Det("v2/reviewer0/x-epoch2", 32));
    next.entries[0].key_epoch = 2;
    write("roster-v2-rotation", "Version 8: Ana's X25519 key rotated at epoch 2.", next, "success");
    next.entries[0].key_epoch = 1;
    write("roster-v2-key-without-epoch",
          "Version 8 changes Ana's X25519 key but not her key epoch (continuity).", next,
          "broken_chain");
  }
  {
    v2::Roster next = Successor(f, 8);
    next.prev_digest = {};
    next.prev_digest[0] = 1;
    write("roster-v2-wrong-prev", "Version 8 names another predecessor: a fork of history.", next,
          "broken_chain");
  }
  {
    v2::Roster next = Successor(f, 8);
    next.entries.erase(next.entries.begin() + 2);
    write("roster-v2-dropped-entry", "Version 8 drops the retired entry (it must stay).", next,
          "broken_chain");
  }
  {
    v2::Roster next = Successor(f, 8);
    next.entries[2].retired_at = 0;
    write("roster-v2-reactivated", "Version 8 makes the retired Marija active again.", next,
          "broken_chain");
  }
  {
    v2::Roster next = Successor(f, 8);
    next.entries[1].ed25519 = Ed25519FromSeed(Det("v2/someone-else", 32)).public_key;
    write("roster-v2-id-reused", "Version 8 gives Driton's id to another Ed25519 key.", next,
          "broken_chain");
  }
  {
    v2::Roster next = Successor(f, 10);
    next.prev_digest[0] ^= 1;  // the digest of a version 9 the reader never saw
    next.entries[0].retired_at = 9;
    write("roster-v2-gap", "Version 10 after 7 without 8 and 9: continuity alone holds.", next,
          "success");
    next.entries.pop_back();
    write("roster-v2-gap-dropped", "Version 10 after 7 drops an entry the reader saw.", next,
          "broken_chain");
  }
  {
    v2::Roster older = f.roster;
    older.version = 6;
    const Bytes seen = f.signed_roster;
    older.entries[2].retired_at = 0;
    write("roster-v2-rollback", "The reader accepted version 7; the server serves version 6.",
          older, "rollback", &seen);
    v2::Roster fork = f.roster;
    fork.entries[0].name = "Ana P.";
    write("roster-v2-fork", "Another list under version 7, which the reader already accepted.",
          fork, "rollback");
  }
  {
    json::object in = f.RosterInput(f.signed_roster);
    in["today"] = f.today;
    in["floor"] = 8;
    w.Write("roster-v2-below-floor", "roster_v2",
            "The address says rv=8; the server serves version 7.", std::move(in), "rollback");
  }
}

}  // namespace

std::vector<std::function<void(VectorWriter&)>> V2CaseSections();
std::vector<std::function<void(VectorWriter&)>> V2RecordSections();
void StatementEnvelopeVectors(VectorWriter& w);

std::vector<std::function<void(VectorWriter&)>> V2Sections() {
  std::vector<std::function<void(VectorWriter&)>> out = {
      [](VectorWriter& w) {
        const V2Fixture f;
        RosterRules(f, w);
        RosterKeys(f, w);
        RosterChain(f, w);
      },
  };
  for (auto& s : V2CaseSections()) out.push_back(std::move(s));
  for (auto& s : V2RecordSections()) out.push_back(std::move(s));
  out.push_back(StatementEnvelopeVectors);
  return out;
}

}  // namespace dojava::vectors
