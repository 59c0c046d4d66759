// The start of every `dojava` command that talks to a server, over client/:
// the options all commands share, the connection, the trust checks (with the
// first-contact confirmation typed on the terminal), the key opened with a
// passphrase read from a file or the terminal, and the reviewer session.
// Every failure is a Failure with the exit code of cli/exit.h.
//
// Commands run on one thread.
#ifndef DOJAVA_CLI_SESSION_H_
#define DOJAVA_CLI_SESSION_H_

#include <boost/json/fwd.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "base/secret_bytes.h"
#include "cli/exit.h"
#include "client/connection.h"
#include "client/format.h"
#include "client/reviewer_session.h"
#include "client/transfer.h"
#include "client/trust.h"
#include "crypto/admin_key.h"
#include "crypto/primitives.h"

namespace dojava::cli {

using client::Connection;
using client::DayText;
using client::IdText;
using client::ReviewerSession;
using client::TrustedInstance;

struct CommonOptions {
  std::string server;
  std::string socks5;
  std::string state_dir;
  std::string admin_fingerprint;
  // --roster-floor N: the `rv` of the published address (PROTOCOL §12.1); an
  // older roster is refused even with no remembered one. 0: none.
  uint64_t roster_floor = 0;
  // --onboarding FILE: the server and admin fingerprint from the admin's
  // onboarding file (client/onboarding.h).
  std::string onboarding;
  std::string key_file;
  std::string passphrase_file;
  bool json = false;
  int timeout_seconds = 120;
  // Chunk PUTs in flight when uploading attachments (--upload-streams;
  // client/transfer.h kDefaultUploadStreams, checked there).
  int upload_streams = 3;
  // Chunk GETs in flight when downloading attachments (--download-streams;
  // client/transfer.h kDefaultDownloadStreams, checked there).
  int download_streams = 3;
  // Set by source commands (submit, inbox): no state on disk unless
  // --state-dir is given, never the `server` marker file, and no blind trust
  // on first contact (--admin-fingerprint, a key pinned in --state-dir, or a
  // confirmation typed on the terminal).
  bool source = false;
};

// The client's options from the command line's (--onboarding resolved:
// kUsage if it contradicts --server or --admin-fingerprint). Reviewers and
// admins must give the fingerprint on first contact; sources may confirm it
// on the terminal instead.
client::ConnectionOptions ConnectionOptionsFor(const CommonOptions& options);
client::TrustOptions TrustOptionsFor(const CommonOptions& options,
                                     const crypto::Ed25519Public* own_admin);

// Connection::Open with kUsage for bad options.
std::unique_ptr<Connection> OpenConnection(const CommonOptions& options);

// FetchTrustedInstance (client/trust.h). Sources confirm a first contact on
// the terminal; reviewers and admins pin it with a notice on stderr.
// `own_admin`: admin commands, the key of the admin's key file (may be null).
TrustedInstance FetchTrusted(Connection& conn, const CommonOptions& options,
                             const crypto::Ed25519Public* own_admin);

// Reads a passphrase (file or terminal) and opens a key file of `kind`.
// kPassphrase for a wrong passphrase; kUsage for a public key line or a key
// of the other kind; kError for a missing or unsafe file.
SecretBytes OpenKeySeed(const std::string& key_file, const std::string& passphrase_file,
                        uint8_t kind);
// The same, never from the key cache below.
SecretBytes OpenKeySeedNow(const std::string& key_file, const std::string& passphrase_file,
                           uint8_t kind);

// Unlock once (`dojava shell`, `dojava watch`): from now on OpenKeySeed
// keeps the reviewer key's seed of the file it opened in this process's
// guarded memory and hands out copies, asking again only after `idle`
// without use, or after LockKeyCache. Announces each unlock on stderr.
void EnableKeyCache(std::chrono::seconds idle);
// Wipes the kept seed; the next OpenKeySeed asks for the passphrase.
void LockKeyCache();

// Opens the admin key file (passphrase from the file or the terminal).
crypto::AdminKey OpenAdminKey(const std::string& key_file, const std::string& passphrase_file);

// The roster, or Fail(kRefused, "no roster yet").
const client::RosterView& RequireRoster(const TrustedInstance& inst);

// Connect, trust, open the reviewer's key and find it on the roster.
ReviewerSession OpenReviewer(const CommonOptions& options);
// OpenReviewer, then log in unless the saved token still works.
ReviewerSession StartReviewerSession(const CommonOptions& options);

// A case id from an argument (client::ResolveCaseId).
crypto::Id ResolveCaseArg(ReviewerSession& s, const std::string& arg);
// A full id from an argument; kUsage naming `what` otherwise.
crypto::Id ParseIdArg(const std::string& text, const std::string& what);

// Encrypts and uploads the file at `path` (client::UploadFile) with progress
// on the terminal; failures name the path.
client::UploadedFile UploadOrFail(client::ApiClient& api, const std::string& path,
                                  const client::InstanceInfo& info, const CommonOptions& options);

// Prints `v` as one line of JSON (--json output); the serialised copy is
// wiped afterwards, since it may hold decrypted text.
void PrintJson(const boost::json::value& v);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_SESSION_H_
