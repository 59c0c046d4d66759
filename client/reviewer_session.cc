#include "client/reviewer_session.h"

#include "client/format.h"
#include "client/key_rotation.h"

namespace dojava::client {

constexpr int64_t kProbeDaysAhead = 365 * 100;

Result<ReviewerSession> StartReviewerSession(const ConnectionOptions& connection,
                                             const TrustOptions& trust,
                                             const ReviewerKeySource& key_source,
                                             const EpochKeySource& epoch_source) {
  ReviewerSession s;
  DOJAVA_ASSIGN_OR_RETURN(s.conn, Connection::Open(connection));
  DOJAVA_ASSIGN_OR_RETURN(s.inst, FetchTrustedInstance(*s.conn, trust));
  if (!s.inst.roster) {
    return Status(Code::kNotFound,
                  "the server has no roster yet: the admin must run `dojava roster add` first");
  }
  DOJAVA_ASSIGN_OR_RETURN(crypto::ReviewerKey key, key_source());
  DOJAVA_ASSIGN_OR_RETURN(ReviewerIdentity me,
                          IdentifyWithEpochs(std::move(key), s.roster(), epoch_source));
  s.me.emplace(std::move(me));
  DOJAVA_RETURN_IF_ERROR(EnsureLoggedIn(s));
  return s;
}

Result<ReviewerIdentity> IdentifyWithEpochs(crypto::ReviewerKey key, const RosterView& roster,
                                            const EpochKeySource& epoch_source) {
  std::vector<EpochKey> older;
  if (epoch_source) {
    DOJAVA_ASSIGN_OR_RETURN(std::vector<EpochKey> epochs, epoch_source());
    DOJAVA_ASSIGN_OR_RETURN(key,
                            SelectEncryptionKey(std::move(key), std::move(epochs), roster, &older));
  }
  DOJAVA_ASSIGN_OR_RETURN(ReviewerIdentity me, IdentifyReviewer(std::move(key), roster));
  me.older = std::move(older);
  return me;
}

namespace {

// The reviewer API answers not_found for no route on the source listener.
Status WrongListener(const ReviewerSession& s) {
  return Status(Code::kInvalidArgument,
                s.conn->url().canonical +
                    " answers as the source listener, not the reviewer listener: use the "
                    "reviewer address your operator gave you (the onion address with client "
                    "authorization)");
}

}  // namespace

Status LoginAndSave(ReviewerSession& s) {
  const ReviewerIdentity& me = *s.me;
  auto challenge = s.api().LoginChallenge(me.id);
  if (!challenge.ok()) {
    if (challenge.code() == Code::kNotFound) return WrongListener(s);
    return Status(challenge.code(), "login: " + challenge.status().message());
  }
  DOJAVA_ASSIGN_OR_RETURN(crypto::Signature sig,
                          me.key.SignLogin(s.inst.info.instance_id, me.id, *challenge));
  auto token = s.api().Login(me.id, *challenge, sig);
  if (!token.ok()) {
    if (token.code() == Code::kPermissionDenied) {
      return Status(Code::kPermissionDenied,
                    "login failed: the server did not accept your signature (is its roster the "
                    "one this machine verified?)");
    }
    return Status(token.code(), "login: " + token.status().message());
  }
  Status saved = s.conn->state().SaveToken(*token);
  if (!saved.ok()) return Status(saved.code(), "saving the session token: " + saved.message());
  s.api().SetToken(*token);
  return Status::Ok();
}

Status ProbeToken(ReviewerSession& s) {
  // A cheap authenticated probe of a reviewer-only route: no case is active
  // after a day this far ahead, so a valid token gets an empty list; without
  // one (expired, server restarted) it is unauthorized; the source listener
  // has no such route.
  return s.api().ListCases(TodayDay() + kProbeDaysAhead).status();
}

Status EnsureLoggedIn(ReviewerSession& s) {
  DOJAVA_ASSIGN_OR_RETURN(auto token, s.conn->state().Token());
  if (!token || token->empty()) return LoginAndSave(s);
  s.api().SetToken(*token);
  Status probe = ProbeToken(s);
  if (probe.code() == Code::kPermissionDenied) return LoginAndSave(s);
  if (probe.code() == Code::kNotFound) return WrongListener(s);
  return probe;
}

Result<crypto::Id> ResolveCaseId(ApiClient& api, const std::string& arg) {
  if (arg.size() == kIdTextSize) return ParseId(arg, "CASE");
  if (arg.size() < kMinCasePrefix || arg.size() > kIdTextSize) {
    return Status(Code::kInvalidArgument, "CASE must be a case id or a prefix of at least " +
                                              std::to_string(kMinCasePrefix) + " characters");
  }
  auto cases = api.ListCases(0);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  std::optional<crypto::Id> found;
  for (const auto& c : *cases) {
    if (IdText(c.case_id).rfind(arg, 0) == 0) {
      if (found) {
        return Status(Code::kInvalidArgument,
                      "'" + arg + "' matches more than one case; give more of it");
      }
      found = c.case_id;
    }
  }
  if (!found) return Status(Code::kNotFound, "case not found: " + arg);
  return *found;
}

}  // namespace dojava::client
