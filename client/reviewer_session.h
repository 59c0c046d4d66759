// A reviewer's working session with one server: the connection, the
// instance and roster verified against the pinned admin key, the reviewer's
// key and roster entry, and a bearer token that works (logging in again if
// the saved one expired).
//
// Not thread-safe: one session per thread.
#ifndef DOJAVA_CLIENT_REVIEWER_SESSION_H_
#define DOJAVA_CLIENT_REVIEWER_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "client/connection.h"
#include "client/keys.h"
#include "client/trust.h"

namespace dojava::client {

struct ReviewerSession {
  std::unique_ptr<Connection> conn;
  TrustedInstance inst;
  std::optional<ReviewerIdentity> me;

  const RosterView& roster() const { return *inst.roster; }
  ApiClient& api() { return conn->api(); }
};

// Opens the reviewer's key; called once the server and its roster are
// trusted (a front end asks for the passphrase, or takes the key from its
// unlocked memory).
using ReviewerKeySource = std::function<Result<crypto::ReviewerKey>()>;

// The encryption keys of later epochs held beside the key file (§5.1; a
// front end opens them with client/key_rotation.h's OpenEpochKeys and the
// key file's passphrase), called once the roster is trusted.
using EpochKeySource = std::function<Result<std::vector<EpochKey>>()>;

// Connects, fetches the trusted instance (kNotFound if it has no roster
// yet), opens the key with `key_source`, identifies the reviewer and makes
// sure the session token works. With `epoch_source`, the encryption key is
// the one the roster names among the seed's and the epochs' (key_rotation.h
// SelectEncryptionKey; me->older gets the older epochs, for
// ResealToCurrentKey). Errors as Connection::Open, FetchTrustedInstance,
// `key_source`, `epoch_source`, SelectEncryptionKey, IdentifyReviewer and
// EnsureLoggedIn.
Result<ReviewerSession> StartReviewerSession(const ConnectionOptions& connection,
                                             const TrustOptions& trust,
                                             const ReviewerKeySource& key_source,
                                             const EpochKeySource& epoch_source = {});

// `key` with the encryption key the roster names (SelectEncryptionKey over
// what `epoch_source` opens; `key` as it is without one), then identified
// on the roster (IdentifyReviewer) with the older epochs in `older`.
Result<ReviewerIdentity> IdentifyWithEpochs(crypto::ReviewerKey key, const RosterView& roster,
                                            const EpochKeySource& epoch_source);

// Logs in (challenge, signature, token) and saves the token (0600).
// kPermissionDenied if the server does not accept the signature;
// kInvalidArgument if the address is the source listener (no reviewer API).
Status LoginAndSave(ReviewerSession& s);

// One cheap request that needs the session's token: kPermissionDenied if the
// server refuses the token (expired, server restarted), kNotFound on the
// source listener, OK if it is accepted.
Status ProbeToken(ReviewerSession& s);

// Uses the saved token, logging in first if there is none or if the server
// no longer accepts it (expired, server restarted). kInvalidArgument for
// the source listener, as LoginAndSave.
Status EnsureLoggedIn(ReviewerSession& s);

// A case id from what a person typed: the full 22-character id, or a unique
// prefix of at least kMinCasePrefix characters among the cases listed by the
// server. kInvalidArgument (too short, ambiguous), kNotFound.
inline constexpr size_t kMinCasePrefix = 4;
Result<crypto::Id> ResolveCaseId(ApiClient& api, const std::string& arg);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_REVIEWER_SESSION_H_
