#include "cli/reviewer_session.h"

namespace dojava::cli {

ReviewerSession StartReviewerSession(const CommonOptions& options) {
  ReviewerSession s;
  s.options = options;
  s.conn = Connection::Open(options);
  s.inst = FetchTrustedInstance(*s.conn, options, nullptr);
  const crypto::VerifiedRoster& roster = RequireRoster(s.inst);
  s.me.emplace(LoadReviewer(options, roster));
  EnsureSession(*s.conn, s.inst, *s.me);
  // A cheap authenticated probe: an unknown upload is not_found with a valid
  // token, unauthorized without one (expired, server restarted).
  auto probe = s.api().GetUpload(crypto::RandomId());
  if (probe.code() == Code::kPermissionDenied) {
    LoginAndSave(*s.conn, s.inst, *s.me);
  } else if (!probe.ok() && probe.code() != Code::kNotFound) {
    Check(probe.status(), "");
  }
  return s;
}

crypto::Id ResolveCaseArg(ReviewerSession& s, const std::string& arg) {
  if (arg.size() == 22) return ParseIdArg(arg, "CASE");
  if (arg.size() < 4 || arg.size() > 22) {
    Fail(Exit::kUsage, "CASE must be a case id or a prefix of at least 4 characters");
  }
  auto cases = Unwrap(s.api().ListCases(0), "listing cases");
  std::optional<crypto::Id> found;
  for (const auto& c : cases) {
    if (IdText(c.case_id).rfind(arg, 0) == 0) {
      if (found) Fail(Exit::kUsage, "'" + arg + "' matches more than one case; give more of it");
      found = c.case_id;
    }
  }
  if (!found) Fail(Exit::kNotFound, "case not found: " + arg);
  return *found;
}

}  // namespace dojava::cli
