#include "cli/cli_common.h"

#include <sodium.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "cli/secret_input.h"
#include "crypto/admin_key.h"
#include "base/encoding.h"
#include "crypto/key_file.h"
#include "crypto/login.h"

namespace dojava::cli {

void Fail(Exit exit, std::string message) { throw Failure{exit, std::move(message)}; }

Exit ExitFor(const Status& s) {
  switch (s.code()) {
    case Code::kOk:
      return Exit::kOk;
    case Code::kIoError:
      return Exit::kUnreachable;
    case Code::kWrongPassphrase:
      return Exit::kPassphrase;
    case Code::kBadSignature:
    case Code::kRollback:
      return Exit::kTrust;
    case Code::kNotFound:
      return Exit::kNotFound;
    case Code::kDecryptFailed:
    case Code::kMalformed:
    case Code::kUnsupportedVersion:
    case Code::kTruncated:
    case Code::kExtended:
    case Code::kUnknownAuthor:
      return Exit::kIntegrity;
    case Code::kPermissionDenied:
      return Exit::kAuth;
    case Code::kAlreadyExists:
    case Code::kResourceExhausted:
    case Code::kLimitReached:
    case Code::kInternal:
      return Exit::kRefused;
    case Code::kInvalidArgument:
    case Code::kBadChecksum:
      return Exit::kUsage;
  }
  return Exit::kError;
}

void Check(const Status& s, const std::string& context) {
  if (s.ok()) return;
  Fail(ExitFor(s), context.empty() ? s.message() : context + ": " + s.message());
}

std::unique_ptr<Connection> Connection::Open(const CommonOptions& o) {
  if (o.server.empty()) Fail(Exit::kUsage, "--server is required");
  HttpOptions http;
  auto url = ParseServerUrl(o.server);
  if (!url.ok()) Fail(Exit::kUsage, "--server: " + url.status().message());
  http.server = *url;
  if (!o.socks5.empty()) {
    auto hp = ParseHostPort(o.socks5);
    if (!hp.ok()) Fail(Exit::kUsage, "--socks5: " + hp.status().message());
    if (url->kind == ServerUrl::Kind::kUnix) Fail(Exit::kUsage, "--socks5 with a unix: server");
    http.socks5 = *hp;
  }
  if (url->kind == ServerUrl::Kind::kTcp && !url->is_onion() && !url->is_loopback() &&
      o.socks5.empty()) {
    Fail(Exit::kUsage, "--server " + url->canonical +
                           ": refusing a direct (clearnet) connection, it would reveal your "
                           "address; use the .onion address with --socks5 127.0.0.1:9050 (only "
                           "loopback servers are reached without --socks5)");
  }
  if (o.timeout_seconds < 1 || o.timeout_seconds > 3600) {
    Fail(Exit::kUsage, "--timeout must be 1..3600 seconds");
  }
  http.io_timeout = std::chrono::seconds(o.timeout_seconds);
  http.connect_timeout = std::chrono::seconds(std::min(o.timeout_seconds, 60));
  // Sources: nothing on disk unless they ask for it, and never the address.
  if (o.source && o.state_dir.empty()) {
    return std::unique_ptr<Connection>(new Connection(std::move(http), StateStore::InMemory()));
  }
  const std::string base = Unwrap(DefaultStateDir(o.state_dir), "state directory");
  StateStore state = StateStore::ForServer(base, url->canonical, /*write_marker=*/!o.source);
  return std::unique_ptr<Connection>(new Connection(std::move(http), std::move(state)));
}

namespace {

std::string NormalizeFingerprint(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c == ' ' || c == ':' || c == '-') continue;
    r.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return r;
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

}  // namespace

TrustedInstance FetchTrustedInstance(Connection& conn, const CommonOptions& options,
                                     const crypto::Ed25519Public* own_admin) {
  TrustedInstance t;
  t.info = Unwrap(conn.api().GetInstance(), "cannot read the instance");
  const crypto::Ed25519Public& served = t.info.admin_public;
  const std::string served_fp = crypto::AdminKey::FingerprintText(served);
  auto pinned = Unwrap(conn.state().PinnedAdminKey(), "local state");
  if (own_admin != nullptr) {
    if (*own_admin != served) {
      Fail(Exit::kTrust, "this server's admin key (fingerprint " + served_fp +
                             ") is not the key in your admin key file");
    }
    if (!pinned) Check(conn.state().PinAdminKey(served), "saving the pinned admin key");
  } else if (pinned) {
    if (*pinned != served) {
      Fail(Exit::kTrust,
           "the server's admin key changed (now fingerprint " + served_fp + ", pinned " +
               crypto::AdminKey::FingerprintText(*pinned) +
               "). Refusing: this may be an impostor. If the organisation really changed its key, "
               "remove " +
               conn.state().dir() + " and check the new fingerprint on paper.");
    }
  } else if (!options.admin_fingerprint.empty()) {
    if (NormalizeFingerprint(options.admin_fingerprint) != NormalizeFingerprint(served_fp)) {
      Fail(Exit::kTrust, "the server's admin key fingerprint " + served_fp +
                             " does not match --admin-fingerprint");
    }
    Check(conn.state().PinAdminKey(served), "saving the pinned admin key");
  } else if (options.source) {
    if (!ConfirmFingerprintOnTerminal(served_fp)) {
      Fail(Exit::kTrust,
           "first contact with this server: its admin key fingerprint is\n  " + served_fp +
               "\nCompare it with the fingerprint your organisation published (on paper, from a "
               "trusted source) and run the command again with --admin-fingerprint \"" +
               served_fp + "\"");
    }
    Check(conn.state().PinAdminKey(served), "saving the pinned admin key");
  } else {
    std::cerr << "dojava: first contact with " << conn.url().canonical
              << ": pinned its admin key, fingerprint\n  " << served_fp
              << "\n  Compare it with the fingerprint your organisation published.\n";
    Check(conn.state().PinAdminKey(served), "saving the pinned admin key");
  }

  const crypto::RosterState seen = Unwrap(conn.state().LastRoster(), "local state");
  if (!t.info.roster) {
    if (seen.version > 0) {
      Fail(Exit::kTrust,
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
        Fail(Exit::kTrust,
             "bad roster signature: the server's roster is not signed by the "
             "pinned admin key");
      case Code::kRollback:
        Fail(Exit::kTrust,
             "roster rollback refused: the server offers an older or different "
             "roster than version " +
                 std::to_string(seen.version) + " accepted before");
      default:
        Fail(Exit::kTrust, "the server's roster is invalid: " + verified.status().message());
    }
  }
  if (verified->version() != seen.version || verified->digest() != seen.digest) {
    Check(conn.state().SaveRoster({verified->version(), verified->digest()}, *t.info.roster),
          "saving the roster state");
  }
  t.roster = std::move(verified).value();
  return t;
}

SecretBytes OpenKeySeed(const std::string& key_file, const std::string& passphrase_file,
                        uint8_t kind) {
  if (key_file.empty()) Fail(Exit::kUsage, "--key-file is required");
  auto bytes = crypto::ReadKeyFile(key_file);
  if (!bytes.ok()) Fail(Exit::kError, key_file + ": " + bytes.status().message());
  auto pass = ReadPassphrase(passphrase_file, false);
  if (!pass.ok()) {
    Fail(pass.code() == Code::kInvalidArgument ? Exit::kUsage : Exit::kError,
         "passphrase: " + pass.status().message());
  }
  auto opened = crypto::OpenKeyFile(*bytes, *pass);
  if (!opened.ok()) {
    if (opened.code() == Code::kWrongPassphrase) {
      Fail(Exit::kPassphrase, "wrong passphrase, or the key file " + key_file + " is damaged");
    }
    Fail(Exit::kError, key_file + ": not a usable key file (" + opened.status().message() + ")");
  }
  if (static_cast<uint8_t>(opened->kind) != kind) {
    Fail(Exit::kUsage, key_file + (kind == protocol::kKeyKindAdmin
                                       ? " is a reviewer key file, not an admin key file"
                                       : " is an admin key file, not a reviewer key file"));
  }
  return std::move(opened->seed);
}

ReviewerIdentity LoadReviewer(const CommonOptions& options, const crypto::VerifiedRoster& roster) {
  SecretBytes seed =
      OpenKeySeed(options.key_file, options.passphrase_file, protocol::kKeyKindReviewer);
  auto key = Unwrap(crypto::ReviewerKey::FromSeed(seed), "reviewer key");
  const crypto::RosterEntry* e = roster.roster().FindByEd25519(key.ed25519_public());
  if (e == nullptr) {
    Fail(Exit::kAuth, "your key is not on this server's roster (version " +
                          std::to_string(roster.version()) +
                          "); give your public key line to the admin");
  }
  if (e->x25519 != key.x25519_public()) {
    Fail(Exit::kTrust, "the roster lists your signing key with another encryption key");
  }
  ReviewerIdentity id{std::move(key), e->reviewer_id, e->name};
  return id;
}

void LoginAndSave(Connection& conn, const TrustedInstance& inst, const ReviewerIdentity& me) {
  const Bytes challenge = Unwrap(conn.api().LoginChallenge(me.id), "login");
  const crypto::Signature sig =
      Unwrap(me.key.SignLogin(inst.info.instance_id, me.id, challenge), "login");
  auto token = conn.api().Login(me.id, challenge, sig);
  if (!token.ok()) {
    if (token.code() == Code::kPermissionDenied) {
      Fail(Exit::kAuth,
           "login failed: the server did not accept your signature (is its roster "
           "the one this machine verified?)");
    }
    Check(token.status(), "login");
  }
  Check(conn.state().SaveToken(*token), "saving the session token");
  conn.api().SetToken(*token);
}

void EnsureSession(Connection& conn, const TrustedInstance& inst, const ReviewerIdentity& me) {
  auto token = Unwrap(conn.state().Token(), "local state");
  if (token && !token->empty()) {
    conn.api().SetToken(*token);
    return;
  }
  LoginAndSave(conn, inst, me);
}

std::string IdText(const crypto::Id& id) { return Base64UrlEncode(id); }

crypto::Id ParseIdArg(const std::string& text, const std::string& what) {
  auto id = Base64UrlDecodeFixed<16>(text);
  if (!id.ok()) Fail(Exit::kUsage, what + " must be a 22-character id (base64url): " + text);
  return *id;
}

const crypto::VerifiedRoster& RequireRoster(const TrustedInstance& inst) {
  if (!inst.roster)
    Fail(Exit::kRefused,
         "the server has no roster yet: the admin must run "
         "`dojava roster add` first");
  return *inst.roster;
}

void PrintJson(const boost::json::value& v) {
  std::string s = boost::json::serialize(v);
  std::cout << s << "\n";
  if (!s.empty()) sodium_memzero(s.data(), s.size());
}

int64_t TodayDay() {
  return std::chrono::duration_cast<std::chrono::hours>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() /
         24;
}

std::string DayText(int64_t day) {
  const std::time_t t = static_cast<std::time_t>(day) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace dojava::cli
