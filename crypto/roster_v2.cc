#include "crypto/roster_v2.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "crypto/protocol_constants.h"

namespace dojava::crypto::v2 {
namespace {

namespace p = protocol;

constexpr size_t kHeaderSize = 1 + p::kIdSize + 8 + 4 + p::kDigestSize + 2;
constexpr size_t kEntryFixedSize = p::kIdSize + 8 + 4 + 32 + 32 + 1;

bool IsZero(ByteView b) {
  return std::all_of(b.begin(), b.end(), [](uint8_t c) { return c == 0; });
}

Status CheckName(const std::string& name) {
  if (name.empty() || name.size() > p::kReviewerNameMaxBytes) {
    return Status(Code::kMalformed, "reviewer name length out of range");
  }
  if (!IsPrintableUtf8(AsBytes(name))) {
    return Status(Code::kMalformed, "reviewer name is not printable UTF-8");
  }
  if (name.front() == ' ' || name.back() == ' ') {
    return Status(Code::kMalformed, "reviewer name begins or ends with a space");
  }
  if (name.find("  ") != std::string::npos) {
    return Status(Code::kMalformed, "two spaces in a row in a reviewer name");
  }
  return Status::Ok();
}

// Rule 3 of §6, a to h, in that order.
Status CheckRules(const Roster& r) {
  if (r.version == 0) return Status(Code::kMalformed, "roster version must be at least 1");
  if ((r.version == 1) != IsZero(r.prev_digest)) {
    return Status(Code::kMalformed, "prev_digest must be zero exactly for roster version 1");
  }
  if (r.entries.size() > p::kRosterMaxReviewers)
    return Status(Code::kMalformed, "too many reviewers");
  for (size_t i = 1; i < r.entries.size(); ++i) {
    if (!(r.entries[i - 1].reviewer_id < r.entries[i].reviewer_id)) {
      return Status(Code::kMalformed, "reviewer ids not strictly ascending");
    }
  }
  for (const RosterEntry& e : r.entries) {
    if (e.retired_at > r.version) return Status(Code::kMalformed, "retired after this roster");
    if (e.key_epoch == 0) return Status(Code::kMalformed, "key epoch 0");
  }
  for (const RosterEntry& e : r.entries) {
    if (crypto_core_ed25519_is_valid_point(e.ed25519.data()) != 1) {
      return Status(Code::kMalformed, "invalid reviewer Ed25519 key");
    }
  }
  for (const RosterEntry& e : r.entries) {
    if (IsLowOrderX25519(e.x25519))
      return Status(Code::kMalformed, "low-order reviewer X25519 key");
  }
  std::set<Ed25519Public> eds;
  std::set<X25519Public> xs;
  std::set<std::string> names;
  for (const RosterEntry& e : r.entries) {
    if (!eds.insert(e.ed25519).second) return Status(Code::kMalformed, "duplicate Ed25519 key");
    if (!xs.insert(e.x25519).second) return Status(Code::kMalformed, "duplicate X25519 key");
    if (!names.insert(e.name).second) return Status(Code::kMalformed, "duplicate reviewer name");
  }
  for (const RosterEntry& e : r.entries) DOJAVA_RETURN_IF_ERROR(CheckName(e.name));
  return Status::Ok();
}

Bytes EncodeBody(const Roster& r) {
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.Raw(r.instance_id);
  w.U64(r.version);
  w.U32(r.expires_day);
  w.Raw(r.prev_digest);
  w.U16(uint16_t(r.entries.size()));
  for (const RosterEntry& e : r.entries) {
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

// §6 step 1: the structure; fills `roster` and the signed body.
Status Parse(ByteView signed_roster, Roster* roster) {
  if (signed_roster.empty()) return Status(Code::kMalformed, "empty roster");
  if (signed_roster[0] != p::kVersion2)
    return Status(Code::kUnsupportedVersion, "unknown roster version");
  if (signed_roster.size() < kHeaderSize + p::kSignatureSize)
    return Status(Code::kMalformed, "roster too short");
  ByteReader r(signed_roster.first(signed_roster.size() - p::kSignatureSize));
  r.U8();
  roster->instance_id = r.Array<p::kIdSize>();
  roster->version = r.U64();
  roster->expires_day = r.U32();
  roster->prev_digest = r.Array<p::kDigestSize>();
  const uint16_t n = r.U16();
  if (n > p::kRosterMaxReviewers) return Status(Code::kMalformed, "too many reviewers");
  roster->entries.reserve(n);
  for (uint16_t i = 0; i < n; ++i) {
    if (r.remaining() < kEntryFixedSize) return Status(Code::kMalformed, "roster entry truncated");
    RosterEntry e;
    e.reviewer_id = r.Array<p::kIdSize>();
    e.retired_at = r.U64();
    e.key_epoch = r.U32();
    e.ed25519 = r.Array<32>();
    e.x25519 = r.Array<32>();
    const uint8_t len = r.U8();
    if (len == 0 || len > p::kReviewerNameMaxBytes)
      return Status(Code::kMalformed, "reviewer name length out of range");
    const ByteView name = r.Take(len);
    if (!r.ok()) return Status(Code::kMalformed, "roster entry truncated");
    e.name.assign(AsChars(name));
    roster->entries.push_back(std::move(e));
  }
  if (!r.AtEnd()) return Status(Code::kMalformed, "trailing bytes in roster");
  return Status::Ok();
}

// Continuity of §6's chain rule from `old` (version v0) to `next`.
Status CheckContinuity(const Roster& old, const Roster& next) {
  for (const RosterEntry& o : old.entries) {
    const RosterEntry* n = next.Find(o.reviewer_id);
    if (n == nullptr) return Status(Code::kBrokenChain, "a reviewer entry was dropped");
    if (n->ed25519 != o.ed25519)
      return Status(Code::kBrokenChain, "a reviewer id was given another key");
    if (!o.active() && n->retired_at != o.retired_at)
      return Status(Code::kBrokenChain, "a retired reviewer was reactivated or re-dated");
    if (o.active() && !n->active() && n->retired_at <= old.version)
      return Status(Code::kBrokenChain, "a retirement dated before the roster already seen");
    if (n->key_epoch < o.key_epoch) return Status(Code::kBrokenChain, "a key epoch went back");
    if ((n->key_epoch > o.key_epoch) != (n->x25519 != o.x25519))
      return Status(Code::kBrokenChain, "an encryption key changed without a new epoch");
  }
  for (const RosterEntry& n : next.entries) {
    if (old.Find(n.reviewer_id) == nullptr && !n.active() && n.retired_at <= old.version)
      return Status(Code::kBrokenChain, "a new entry retired before the roster already seen");
  }
  return Status::Ok();
}

}  // namespace

const RosterEntry* Roster::Find(const Id& reviewer_id) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), reviewer_id,
                             [](const RosterEntry& e, const Id& id) { return e.reviewer_id < id; });
  return it != entries.end() && it->reviewer_id == reviewer_id ? &*it : nullptr;
}

const RosterEntry* Roster::FindByEd25519(const Ed25519Public& key) const {
  for (const RosterEntry& e : entries) {
    if (e.ed25519 == key) return &e;
  }
  return nullptr;
}

Digest RosterDigest(ByteView signed_roster) {
  const Bytes h = LabeledHash(p::kDigestSize, p::kLabelRosterDigestV2, signed_roster);
  Digest d{};
  std::copy(h.begin(), h.end(), d.begin());
  return d;
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
  const Signature sig = SignLabeled(admin_secret64, p::kLabelRosterV2, out);
  out.insert(out.end(), sig.begin(), sig.end());
  // Verify what we produced before anyone publishes it.
  auto check = VerifyRoster(out, admin_public, roster.instance_id, std::nullopt);
  if (!check.ok())
    return Status(Code::kInternal, "signed roster does not verify: " + check.status().message());
  return out;
}

Result<VerifiedRoster> VerifyRoster(ByteView signed_roster, const Ed25519Public& admin_public,
                                    const Id& instance_id, std::optional<uint32_t> today) {
  Roster roster;
  DOJAVA_RETURN_IF_ERROR(Parse(signed_roster, &roster));
  const ByteView body = signed_roster.first(signed_roster.size() - p::kSignatureSize);
  DOJAVA_RETURN_IF_ERROR(
      VerifyLabeled(admin_public, p::kLabelRosterV2, body, signed_roster.last(p::kSignatureSize)));
  DOJAVA_RETURN_IF_ERROR(CheckRules(roster));
  if (roster.instance_id != instance_id)
    return Status(Code::kMalformed, "roster belongs to another instance");
  if (today && *today > roster.expires_day)
    return Status(Code::kExpired, "the roster expired; the admin must renew it");
  return VerifiedRoster(std::move(roster), RosterDigest(signed_roster));
}

Status CheckRosterChain(const VerifiedRoster& seen, const VerifiedRoster& next,
                        const std::vector<const VerifiedRoster*>& between) {
  const uint64_t v0 = seen.version();
  const uint64_t v = next.version();
  const bool same_digest =
      sodium_memcmp(seen.digest().data(), next.digest().data(), p::kDigestSize) == 0;
  if (v < v0) {
    return Status(Code::kRollback, "roster version " + std::to_string(v) +
                                       " is older than version " + std::to_string(v0) +
                                       " already seen");
  }
  if (v == v0) {
    if (same_digest) return Status::Ok();
    return Status(Code::kRollback, "a different roster under an already seen version (fork)");
  }
  // Each link whose both ends the client holds.
  std::vector<const VerifiedRoster*> chain{&seen};
  if (!between.empty() && between.size() != v - v0 - 1)
    return Status(Code::kInvalidArgument, "intermediate rosters incomplete");
  chain.insert(chain.end(), between.begin(), between.end());
  chain.push_back(&next);
  for (size_t i = 1; i < chain.size(); ++i) {
    const bool adjacent = chain[i]->version() == chain[i - 1]->version() + 1;
    if (!adjacent && !between.empty())
      return Status(Code::kInvalidArgument, "intermediate rosters out of order");
    if (!adjacent) continue;  // a gap the client cannot check link by link
    if (sodium_memcmp(chain[i]->roster().prev_digest.data(), chain[i - 1]->digest().data(),
                      p::kDigestSize) != 0) {
      return Status(Code::kBrokenChain, "the roster does not name its predecessor's digest");
    }
    DOJAVA_RETURN_IF_ERROR(CheckContinuity(chain[i - 1]->roster(), chain[i]->roster()));
  }
  return CheckContinuity(seen.roster(), next.roster());
}

Status CheckRosterFloor(const VerifiedRoster& roster, uint64_t floor) {
  if (roster.version() < floor) {
    return Status(Code::kRollback, "the roster is older than the version in the address");
  }
  return Status::Ok();
}

}  // namespace dojava::crypto::v2
