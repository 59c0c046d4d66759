#include "crypto/roster.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "crypto/protocol_constants.h"
#include "base/utf8.h"

namespace dojava::crypto {
namespace {

namespace p = protocol;

constexpr size_t kHeaderSize = 1 + p::kIdSize + 8 + 2;
constexpr size_t kEntryFixedSize = p::kIdSize + 32 + 32 + 1;

// Rule 3 of §6 (everything but the signature and the instance).
Status CheckRules(const Roster& r) {
  if (r.version == 0) return Status(Code::kMalformed, "roster version must be at least 1");
  if (r.entries.size() > p::kRosterMaxReviewers)
    return Status(Code::kMalformed, "too many reviewers");
  std::set<Ed25519Public> eds;
  std::set<X25519Public> xs;
  std::set<std::string> names;
  for (size_t i = 0; i < r.entries.size(); ++i) {
    const RosterEntry& e = r.entries[i];
    if (i > 0 && !(r.entries[i - 1].reviewer_id < e.reviewer_id)) {
      return Status(Code::kMalformed, "reviewer ids not strictly ascending");
    }
    if (e.name.empty() || e.name.size() > p::kReviewerNameMaxBytes) {
      return Status(Code::kMalformed, "reviewer name length out of range");
    }
    if (!IsPrintableUtf8(AsBytes(e.name))) {
      return Status(Code::kMalformed, "reviewer name is not printable UTF-8");
    }
    if (e.name.front() == ' ' || e.name.back() == ' ') {
      return Status(Code::kMalformed, "reviewer name begins or ends with a space");
    }
    if (e.name.find("  ") != std::string::npos) {
      return Status(Code::kMalformed, "two spaces in a row in a reviewer name");
    }
    // Keys must be usable: an Ed25519 key that is not a canonical point of
    // the main subgroup verifies nothing; a low-order X25519 key makes every
    // sealing to that reviewer fail (or, with a lax peer, leak).
    if (crypto_core_ed25519_is_valid_point(e.ed25519.data()) != 1) {
      return Status(Code::kMalformed, "invalid reviewer Ed25519 key");
    }
    if (IsLowOrderX25519(e.x25519))
      return Status(Code::kMalformed, "low-order reviewer X25519 key");
    if (!eds.insert(e.ed25519).second) return Status(Code::kMalformed, "duplicate Ed25519 key");
    if (!xs.insert(e.x25519).second) return Status(Code::kMalformed, "duplicate X25519 key");
    if (!names.insert(e.name).second) return Status(Code::kMalformed, "duplicate reviewer name");
  }
  return Status::Ok();
}

Bytes EncodeBody(const Roster& r) {
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion);
  w.Raw(r.instance_id);
  w.U64(r.version);
  w.U16(uint16_t(r.entries.size()));
  for (const RosterEntry& e : r.entries) {
    w.Raw(e.reviewer_id);
    w.Raw(e.ed25519);
    w.Raw(e.x25519);
    w.U8(uint8_t(e.name.size()));
    w.Raw(e.name);
  }
  return out;
}

}  // namespace

const RosterEntry* Roster::Find(const Id& reviewer_id) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), reviewer_id,
                             [](const RosterEntry& e, const Id& id) { return e.reviewer_id < id; });
  return it != entries.end() && it->reviewer_id == reviewer_id ? &*it : nullptr;
}

const RosterEntry* Roster::FindByName(std::string_view name) const {
  for (const RosterEntry& e : entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const RosterEntry* Roster::FindByEd25519(const Ed25519Public& key) const {
  for (const RosterEntry& e : entries) {
    if (e.ed25519 == key) return &e;
  }
  return nullptr;
}

Result<Bytes> SignRoster(Roster roster, const SecretBytes& admin_secret64,
                         const Ed25519Public& admin_public) {
  std::sort(
      roster.entries.begin(), roster.entries.end(),
      [](const RosterEntry& a, const RosterEntry& b) { return a.reviewer_id < b.reviewer_id; });
  if (Status s = CheckRules(roster); !s.ok()) return Status(Code::kInvalidArgument, s.message());
  if (admin_secret64.size() != 64)
    return Status(Code::kInvalidArgument, "admin secret key must be 64 bytes");
  Bytes out = EncodeBody(roster);
  const Signature sig = SignLabeled(admin_secret64, p::kLabelRoster, out);
  out.insert(out.end(), sig.begin(), sig.end());
  // Verify what we produced before anyone publishes it.
  auto check = VerifyRoster(out, admin_public, roster.instance_id);
  if (!check.ok())
    return Status(Code::kInternal, "signed roster does not verify: " + check.status().message());
  return out;
}

Result<VerifiedRoster> VerifyRoster(ByteView signed_roster, const Ed25519Public& admin_public,
                                    const Id& instance_id) {
  // 1. Structure.
  if (signed_roster.empty()) return Status(Code::kMalformed, "empty roster");
  if (signed_roster[0] != p::kVersion)
    return Status(Code::kUnsupportedVersion, "unknown roster version");
  if (signed_roster.size() < kHeaderSize + p::kSignatureSize)
    return Status(Code::kMalformed, "roster too short");
  const ByteView body = signed_roster.first(signed_roster.size() - p::kSignatureSize);
  const ByteView sig = signed_roster.last(p::kSignatureSize);
  ByteReader r(body);
  Roster roster;
  r.U8();
  roster.instance_id = r.Array<p::kIdSize>();
  roster.version = r.U64();
  const uint16_t n = r.U16();
  if (n > p::kRosterMaxReviewers) return Status(Code::kMalformed, "too many reviewers");
  roster.entries.reserve(n);
  for (uint16_t i = 0; i < n; ++i) {
    if (r.remaining() < kEntryFixedSize) return Status(Code::kMalformed, "roster entry truncated");
    RosterEntry e;
    e.reviewer_id = r.Array<p::kIdSize>();
    e.ed25519 = r.Array<32>();
    e.x25519 = r.Array<32>();
    const uint8_t len = r.U8();
    if (len == 0 || len > p::kReviewerNameMaxBytes)
      return Status(Code::kMalformed, "reviewer name length out of range");
    ByteView name = r.Take(len);
    if (!r.ok()) return Status(Code::kMalformed, "roster entry truncated");
    e.name.assign(AsChars(name));
    roster.entries.push_back(std::move(e));
  }
  if (!r.AtEnd()) return Status(Code::kMalformed, "trailing bytes in roster");
  // 2. Signature against the pinned admin key.
  DOJAVA_RETURN_IF_ERROR(VerifyLabeled(admin_public, p::kLabelRoster, body, sig));
  // 3. Rules.
  DOJAVA_RETURN_IF_ERROR(CheckRules(roster));
  // 4. Instance.
  if (roster.instance_id != instance_id)
    return Status(Code::kMalformed, "roster belongs to another instance");
  return VerifiedRoster(std::move(roster), RosterDigest(signed_roster));
}

Result<VerifiedRoster> VerifyRosterAdvance(ByteView signed_roster,
                                           const Ed25519Public& admin_public, const Id& instance_id,
                                           const RosterState& seen) {
  DOJAVA_ASSIGN_OR_RETURN(VerifiedRoster r, VerifyRoster(signed_roster, admin_public, instance_id));
  DOJAVA_RETURN_IF_ERROR(CheckRosterAdvance(seen.version, seen.digest, r.version(), r.digest()));
  return r;
}

std::function<std::optional<Ed25519Public>(const Id&)> AuthorsOf(
    std::vector<const VerifiedRoster*> rosters) {
  return [rosters = std::move(rosters)](const Id& id) -> std::optional<Ed25519Public> {
    for (const VerifiedRoster* r : rosters) {
      if (const RosterEntry* e = r->Find(id)) return e->ed25519;
    }
    return std::nullopt;
  };
}

Bytes RosterDigest(ByteView signed_roster) {
  return LabeledHash(32, p::kLabelRoster, signed_roster);
}

Status CheckRosterAdvance(uint64_t seen_version, ByteView seen_digest, uint64_t new_version,
                          ByteView new_digest) {
  if (new_version > seen_version) return Status::Ok();
  if (new_version == seen_version && seen_digest.size() == new_digest.size() &&
      !seen_digest.empty() &&
      sodium_memcmp(seen_digest.data(), new_digest.data(), seen_digest.size()) == 0) {
    return Status::Ok();
  }
  if (new_version == seen_version) {
    return Status(Code::kRollback, "a different roster under an already seen version (fork)");
  }
  return Status(Code::kRollback, "roster version " + std::to_string(new_version) +
                                     " is older than version " + std::to_string(seen_version) +
                                     " already seen");
}

}  // namespace dojava::crypto
