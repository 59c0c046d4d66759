#include "client/trust.h"

#include <cctype>

#include "crypto/admin_key.h"

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

Result<TrustedInstance> FetchTrustedInstance(Connection& conn, const TrustOptions& options) {
  TrustedInstance t;
  auto info = conn.api().GetInstance();
  if (!info.ok()) {
    return Status(info.code(), "cannot read the instance: " + info.status().message());
  }
  t.info = std::move(info).value();
  const crypto::Ed25519Public& served = t.info.admin_public;
  DOJAVA_RETURN_IF_ERROR(CheckAdminKey(conn, options, served, &t.pinned_now));

  DOJAVA_ASSIGN_OR_RETURN(const crypto::RosterState seen, conn.state().LastRoster());
  if (!t.info.roster) {
    if (seen.version > 0) {
      return Status(Code::kRollback,
                    "roster rollback: the server has no roster, but this machine accepted "
                    "version " +
                        std::to_string(seen.version) + " before");
    }
    return t;
  }
  auto verified = crypto::VerifyRosterAdvance(*t.info.roster, served, t.info.instance_id, seen);
  if (!verified.ok()) {
    switch (verified.code()) {
      case Code::kBadSignature:
        return Untrusted(
            "bad roster signature: the server's roster is not signed by the pinned admin key");
      case Code::kRollback:
        return Status(Code::kRollback,
                      "roster rollback refused: the server offers an older or different roster "
                      "than version " +
                          std::to_string(seen.version) + " accepted before");
      default:
        return Untrusted("the server's roster is invalid: " + verified.status().message());
    }
  }
  if (verified->version() != seen.version || verified->digest() != seen.digest) {
    DOJAVA_RETURN_IF_ERROR(
        conn.state().SaveRoster({verified->version(), verified->digest()}, *t.info.roster));
  }
  t.roster = std::move(verified).value();
  return t;
}

}  // namespace dojava::client
