// The start of every reviewer command: connect, verify the instance and its
// roster, open the reviewer's key, find its roster entry and make sure a
// session token works (logging in again if the saved one expired).
#ifndef DOJAVA_CLI_REVIEWER_SESSION_H_
#define DOJAVA_CLI_REVIEWER_SESSION_H_

#include <memory>
#include <optional>

#include "cli/cli_common.h"

namespace dojava::cli {

struct ReviewerSession {
  CommonOptions options;
  std::unique_ptr<Connection> conn;
  TrustedInstance inst;
  std::optional<ReviewerIdentity> me;

  const crypto::VerifiedRoster& roster() const { return *inst.roster; }
  ApiClient& api() { return conn->api(); }
};

// Fails with the exit codes of cli_common.h.
ReviewerSession StartReviewerSession(const CommonOptions& options);

// A case id from an argument: the full 22-character id, or a unique prefix
// of at least 4 characters among the cases listed by the server.
crypto::Id ResolveCaseArg(ReviewerSession& s, const std::string& arg);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_REVIEWER_SESSION_H_
