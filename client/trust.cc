#include "client/trust.h"

#include <cctype>

#include "crypto/admin_key.h"
#include "crypto/protocol_constants.h"

namespace dojava::client {
namespace {

std::string NormalizeFingerprint(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c == ' ' || c == ':' || c == '-') continue;
    r.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return r;
}

Status Untrusted(std::string message) { return Status(Code::kBadSignature, std::move(message)); }

// Checks the served admin key against what this machine trusts, pinning it
// on first contact when `o` allows. Sets `*pinned_now`.
Status CheckAdminKey(Connection& conn, const TrustOptions& o, const crypto::Ed25519Public& served,
                     bool* pinned_now) {
  const std::string served_fp = crypto::AdminKey::FingerprintText(served);
  DOJAVA_ASSIGN_OR_RETURN(auto pinned, conn.state().PinnedAdminKey());
  if (o.own_admin != nullptr && *o.own_admin != served) {
    return Untrusted("this server's admin key (fingerprint " + served_fp +
                     ") is not the key in your admin key file");
  }
  if (o.own_admin == nullptr && pinned && *pinned != served) {
    return Untrusted(
        "the server's admin key changed (now fingerprint " + served_fp + ", pinned " +
        crypto::AdminKey::FingerprintText(*pinned) +
        "). Refusing: this may be an impostor. If the organisation really changed its key, "
        "remove " +
        conn.state().dir() + " and check the new fingerprint on paper.");
  }
  // A fingerprint given is checked whatever else is pinned.
  if (!o.admin_fingerprint.empty() && !SameFingerprint(o.admin_fingerprint, served_fp)) {
    return Untrusted("the server's admin key fingerprint " + served_fp +
                     " does not match --admin-fingerprint (or the onboarding file)");
  }
  if (pinned) return Status::Ok();
  if (o.own_admin == nullptr && o.admin_fingerprint.empty()) {
    if (o.first_contact == FirstContact::kConfirm) {
      if (!o.confirm || !o.confirm(served_fp)) {
        return Untrusted(
            "first contact with this server: its admin key fingerprint is\n  " + served_fp +
            "\nCompare it with the fingerprint your organisation published (on paper, from a "
            "trusted source) and run the command again with --admin-fingerprint \"" +
            served_fp + "\"");
      }
    } else if (o.first_contact == FirstContact::kRequireFingerprint) {
      return Untrusted(
          "first contact with this server: its admin key fingerprint is\n  " + served_fp +
          "\nAsk your admin for the fingerprint (or an onboarding file) and run the command "
          "again with --admin-fingerprint \"FINGERPRINT\" (or --onboarding FILE)");
    }
  }
  DOJAVA_RETURN_IF_ERROR(conn.state().PinAdminKey(served));
  *pinned_now = true;
  return Status::Ok();
}

}  // namespace

bool SameFingerprint(std::string_view a, std::string_view b) {
  return NormalizeFingerprint(a) == NormalizeFingerprint(b);
}

namespace {

// What a roster verification failure means to a person.
Status RosterRefused(const Status& st, uint64_t seen_version) {
  switch (st.code()) {
    case Code::kBadSignature:
      return Untrusted(
          "bad roster signature: the server's roster is not signed by the pinned "
          "admin key (" +
          st.message() + ")");
    case Code::kRollback:
      return Status(Code::kRollback,
                    "roster rollback refused: the server offers an older or different roster "
                    "than version " +
                        std::to_string(seen_version) + " accepted before (" + st.message() + ")");
    case Code::kExpired:
      return Status(Code::kExpired,
                    "the server's roster has expired: the admin must renew it (dojava roster "
                    "renew); nothing is sealed or signed against an expired roster");
    case Code::kUnsupportedVersion:
      return Status(Code::kUnsupportedVersion,
                    "the server's roster is not version 2 (" + st.message() +
                        "): a version-1 roster of Dojava 0.1.0 is not read; the admin installs "
                        "a version-2 roster (ops/README.md \"Upgrade\")");
    case Code::kBrokenChain:
      return Status(Code::kBrokenChain,
                    "the server's roster does not continue version " +
                        std::to_string(seen_version) + " accepted before (" + st.message() +
                        "): it may have been forged or the history rewritten. Refusing.");
    default:
      return Untrusted("the server's roster is invalid: " + st.message());
  }
}

// §6: a roster below the floor of the published address (`rv`).
Status BelowFloor(uint64_t version, uint64_t floor) {
  return Status(Code::kRollback, "roster rollback refused: the server offers roster version " +
                                     std::to_string(version) + ", older than version " +
                                     std::to_string(floor) +
                                     " of the published address (--roster-floor)");
}

// The verified v2 rosters strictly between `from` and `to` as the server
// keeps them, or none if it has no such route, wants a token this machine
// does not hold yet, or the list has a gap (the chain rule then checks
// continuity alone). One that does not verify is an error.
Result<std::vector<RosterView>> Intermediates(Connection& conn, const crypto::Ed25519Public& admin,
                                              const crypto::Id& instance_id, uint64_t from,
                                              uint64_t to) {
  std::vector<RosterView> out;
  // The reviewer listener wants a token: the saved one, before any login.
  DOJAVA_ASSIGN_OR_RETURN(auto token, conn.state().Token());
  if (token && !token->empty()) conn.api().SetToken(*token);
  auto fetched = conn.api().GetRosters(from, to);
  if (fetched.code() == Code::kNotFound || fetched.code() == Code::kPermissionDenied) return out;
  if (!fetched.ok()) return fetched.status();
  for (const auto& bytes : *fetched) {
    auto r = VerifyAnyRoster(bytes, admin, instance_id, std::nullopt);
    if (!r.ok()) return Status(r.code(), "an intermediate roster: " + r.status().message());
    if (r->version() > from && r->version() < to && r->version() == from + 1 + out.size()) {
      out.push_back(std::move(r).value());
    }
  }
  if (out.size() != to - from - 1) out.clear();
  return out;
}

// The chain rule of §6 against what was accepted before.
Status CheckAdvance(Connection& conn, const crypto::Ed25519Public& admin,
                    const crypto::Id& instance_id, const RosterState& seen,
                    const std::optional<RosterView>& seen_view, const RosterView& next) {
  if (seen.version == 0) return Status::Ok();
  if (!seen_view) {
    // What was seen is a number only (a version-1 roster kept by 0.1.0):
    // the chain starts here, only forward.
    if (next.version() > seen.version) return Status::Ok();
    return Status(Code::kRollback, "a roster not newer than the version-1 one seen");
  }
  std::vector<RosterView> between;
  if (next.version() > seen.version + 1) {
    DOJAVA_ASSIGN_OR_RETURN(between,
                            Intermediates(conn, admin, instance_id, seen.version, next.version()));
  }
  std::vector<const crypto::v2::VerifiedRoster*> links;
  for (const auto& r : between) links.push_back(r.v2());
  return crypto::v2::CheckRosterChain(*seen_view->v2(), *next.v2(), links);
}

}  // namespace

Result<RosterView> AcceptRoster(Connection& conn, const crypto::Ed25519Public& admin,
                                const crypto::Id& instance_id, ByteView signed_roster,
                                bool accept_expired, uint64_t floor) {
  DOJAVA_ASSIGN_OR_RETURN(const RosterState seen, conn.state().LastRoster());
  DOJAVA_ASSIGN_OR_RETURN(auto seen_bytes, conn.state().LastRosterBytes());
  std::optional<RosterView> seen_view;
  // A version-1 roster kept by 0.1.0 is not read (§16): its version number
  // alone stays the floor.
  if (seen.version > 0 && seen_bytes && !seen_bytes->empty() &&
      (*seen_bytes)[0] != protocol::kVersion) {
    auto v = VerifyAnyRoster(*seen_bytes, admin, instance_id, std::nullopt);
    if (!v.ok()) {
      return Status(Code::kMalformed, conn.state().dir() +
                                          "/roster does not verify against the pinned admin "
                                          "key (damaged?): " +
                                          v.status().message());
    }
    seen_view = std::move(v).value();
  }
  auto next = VerifyAnyRoster(signed_roster, admin, instance_id,
                              accept_expired ? std::nullopt : std::optional<uint32_t>(TodayU32()));
  if (!next.ok()) return RosterRefused(next.status(), seen.version);
  if (next->version() < floor) return BelowFloor(next->version(), floor);
  Status advance = CheckAdvance(conn, admin, instance_id, seen, seen_view, *next);
  if (!advance.ok()) return RosterRefused(advance, seen.version);
  const Bytes digest = next->digest();
  if (next->version() != seen.version || digest != seen.digest) {
    DOJAVA_RETURN_IF_ERROR(conn.state().SaveRoster({next->version(), digest}, signed_roster));
  }
  return next;
}

Result<TrustedInstance> FetchTrustedInstance(Connection& conn, const TrustOptions& options) {
  TrustedInstance t;
  auto info = conn.api().GetInstance();
  if (!info.ok()) {
    return Status(info.code(), "cannot read the instance: " + info.status().message());
  }
  t.info = std::move(info).value();
  const crypto::Ed25519Public& served = t.info.admin_public;
  DOJAVA_RETURN_IF_ERROR(CheckAdminKey(conn, options, served, &t.pinned_now));

  if (!t.info.roster) {
    DOJAVA_ASSIGN_OR_RETURN(const RosterState seen, conn.state().LastRoster());
    if (options.roster_floor > 0) return BelowFloor(0, options.roster_floor);
    if (seen.version > 0) {
      return Status(Code::kRollback,
                    "roster rollback: the server has no roster, but this machine accepted "
                    "version " +
                        std::to_string(seen.version) + " before");
    }
    return t;
  }
  if (options.own_admin != nullptr && !t.info.roster->empty() &&
      (*t.info.roster)[0] == protocol::kVersion) {
    // The admin replaces a version-1 roster of 0.1.0 (ChooseRosterBase):
    // nothing in it is read.
    return t;
  }
  DOJAVA_ASSIGN_OR_RETURN(RosterView roster,
                          AcceptRoster(conn, served, t.info.instance_id, *t.info.roster,
                                       options.accept_expired_roster, options.roster_floor));
  t.roster = std::move(roster);
  return t;
}

}  // namespace dojava::client
