#include "cli/session.h"

#include <sodium.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdio>
#include <iostream>

#include "cli/progress.h"
#include "cli/secret_input.h"
#include "client/keys.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace {

client::ConnectionOptions ConnectionOptionsOf(const CommonOptions& o) {
  client::ConnectionOptions c;
  c.server = o.server;
  c.socks5 = o.socks5;
  c.state_dir = o.state_dir;
  c.timeout_seconds = o.timeout_seconds;
  c.source = o.source;
  return c;
}

// Shows the fingerprint on the terminal and asks the person to confirm it.
// False unless stdin is a terminal and "yes" is typed on /dev/tty.
bool ConfirmFingerprintOnTerminal(const std::string& fp) {
  if (!::isatty(STDIN_FILENO)) return false;
  FILE* tty = std::fopen("/dev/tty", "r+e");
  if (tty == nullptr) return false;
  std::fprintf(tty,
               "First contact with this server. Its admin key fingerprint is\n  %s\n"
               "Does it match the fingerprint your organisation published? Type yes to "
               "continue: ",
               fp.c_str());
  std::fflush(tty);
  char line[64] = {};
  const bool got = std::fgets(line, sizeof(line), tty) != nullptr;
  std::fclose(tty);
  if (!got) return false;
  std::string answer(line);
  while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r')) answer.pop_back();
  return answer == "yes";
}

client::TrustOptions TrustOptionsOf(const CommonOptions& o, const crypto::Ed25519Public* own) {
  client::TrustOptions t;
  t.admin_fingerprint = o.admin_fingerprint;
  t.own_admin = own;
  if (o.source) {
    t.first_contact = client::FirstContact::kConfirm;
    t.confirm = ConfirmFingerprintOnTerminal;
  } else {
    t.first_contact = client::FirstContact::kTrustOnFirstUse;
  }
  return t;
}

void NoticeFirstContact(const Connection& conn, const TrustedInstance& inst) {
  if (!inst.pinned_now) return;
  std::cerr << "dojava: first contact with " << conn.url().canonical
            << ": pinned its admin key, fingerprint\n  " << inst.info.admin_fingerprint
            << "\n  Compare it with the fingerprint your organisation published.\n";
}

}  // namespace

std::unique_ptr<Connection> OpenConnection(const CommonOptions& o) {
  return Unwrap(Connection::Open(ConnectionOptionsOf(o)), "");
}

TrustedInstance FetchTrusted(Connection& conn, const CommonOptions& options,
                             const crypto::Ed25519Public* own_admin) {
  TrustedInstance t =
      Unwrap(client::FetchTrustedInstance(conn, TrustOptionsOf(options, own_admin)), "");
  if (own_admin == nullptr && !options.source && options.admin_fingerprint.empty()) {
    NoticeFirstContact(conn, t);
  }
  return t;
}

SecretBytes OpenKeySeed(const std::string& key_file, const std::string& passphrase_file,
                        uint8_t kind) {
  auto bytes = client::ReadKeyFileAt(key_file);
  if (!bytes.ok()) {
    Fail(bytes.code() == Code::kInvalidArgument ? Exit::kUsage : Exit::kError,
         bytes.status().message());
  }
  auto pass = ReadPassphrase(passphrase_file, false);
  if (!pass.ok()) {
    Fail(pass.code() == Code::kInvalidArgument ? Exit::kUsage : Exit::kError,
         "passphrase: " + pass.status().message());
  }
  auto seed = client::OpenKeySeed(*bytes, *pass, kind, key_file);
  if (!seed.ok()) {
    switch (seed.code()) {
      case Code::kWrongPassphrase:
        Fail(Exit::kPassphrase, seed.status().message());
      case Code::kInvalidArgument:
        Fail(Exit::kUsage, seed.status().message());
      default:
        Fail(Exit::kError, seed.status().message());
    }
  }
  return std::move(seed).value();
}

const crypto::VerifiedRoster& RequireRoster(const TrustedInstance& inst) {
  if (!inst.roster) {
    Fail(Exit::kRefused,
         "the server has no roster yet: the admin must run `dojava roster add` first");
  }
  return *inst.roster;
}

ReviewerSession OpenReviewer(const CommonOptions& options) {
  ReviewerSession s;
  s.conn = OpenConnection(options);
  s.inst = FetchTrusted(*s.conn, options, nullptr);
  const crypto::VerifiedRoster& roster = RequireRoster(s.inst);
  SecretBytes seed =
      OpenKeySeed(options.key_file, options.passphrase_file, protocol::kKeyKindReviewer);
  crypto::ReviewerKey key = Unwrap(crypto::ReviewerKey::FromSeed(seed), "reviewer key");
  s.me.emplace(Unwrap(client::IdentifyReviewer(std::move(key), roster), ""));
  return s;
}

ReviewerSession StartReviewerSession(const CommonOptions& options) {
  ReviewerSession s = OpenReviewer(options);
  Check(client::EnsureLoggedIn(s), "");
  return s;
}

crypto::Id ResolveCaseArg(ReviewerSession& s, const std::string& arg) {
  return Unwrap(client::ResolveCaseId(s.api(), arg), "");
}

crypto::Id ParseIdArg(const std::string& text, const std::string& what) {
  return Unwrap(client::ParseId(text, what), "");
}

client::UploadedFile UploadOrFail(client::ApiClient& api, const std::string& path,
                                  const client::InstanceInfo& info, const CommonOptions& options) {
  Progress progress("upload " + path.substr(path.rfind('/') + 1));
  return Unwrap(client::UploadFile(api, path, info.limits.max_chunks_per_file,
                                   options.upload_streams, progress.Control()),
                "uploading " + path);
}

void PrintJson(const boost::json::value& v) {
  std::string s = boost::json::serialize(v);
  std::cout << s << "\n";
  if (!s.empty()) sodium_memzero(s.data(), s.size());
}

}  // namespace dojava::cli
