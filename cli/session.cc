#include "cli/session.h"

#include <sodium.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdio>
#include <iostream>

#include "cli/progress.h"
#include "cli/secret_input.h"
#include "client/key_rotation.h"
#include "client/keys.h"
#include "client/onboarding.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace {

// `o` with the server and fingerprint of its onboarding file, if any; a
// --server or --admin-fingerprint that contradicts the file is kUsage.
CommonOptions WithOnboarding(const CommonOptions& given) {
  CommonOptions o = given;
  if (o.onboarding.empty()) return o;
  const client::Onboarding file = Unwrap(client::ReadOnboardingFile(o.onboarding), "--onboarding");
  if (!o.server.empty() && o.server != file.server) {
    Fail(Exit::kUsage, "--server " + o.server + " differs from the onboarding file's " +
                           file.server + "; give one of them");
  }
  if (!o.admin_fingerprint.empty() &&
      !client::SameFingerprint(o.admin_fingerprint, file.admin_fingerprint)) {
    Fail(Exit::kUsage, "--admin-fingerprint differs from the onboarding file's");
  }
  o.server = file.server;
  o.admin_fingerprint = file.admin_fingerprint;
  return o;
}

}  // namespace

client::ConnectionOptions ConnectionOptionsFor(const CommonOptions& given) {
  const CommonOptions o = WithOnboarding(given);
  client::ConnectionOptions c;
  c.server = o.server;
  c.socks5 = o.socks5;
  c.state_dir = o.state_dir;
  c.timeout_seconds = o.timeout_seconds;
  c.source = o.source;
  return c;
}

namespace {

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

client::TrustOptions TrustOptionsFor(const CommonOptions& given, const crypto::Ed25519Public* own) {
  const CommonOptions o = WithOnboarding(given);
  client::TrustOptions t;
  t.admin_fingerprint = o.admin_fingerprint;
  t.roster_floor = o.roster_floor;
  t.own_admin = own;
  t.accept_expired_roster = own != nullptr;  // the admin reads it to renew it
  if (o.source) {
    t.first_contact = client::FirstContact::kConfirm;
    t.confirm = ConfirmFingerprintOnTerminal;
  } else {
    // Reviewers, like sources, never trust a served admin key blindly (F11).
    t.first_contact = client::FirstContact::kRequireFingerprint;
  }
  return t;
}

namespace {

// The reviewer key kept by EnableKeyCache (one thread: commands run in turn).
struct KeyCache {
  bool enabled = false;
  std::chrono::seconds idle{0};
  std::string path;
  SecretBytes seed;
  std::chrono::steady_clock::time_point last_use;
};

KeyCache& Cache() {
  static KeyCache* cache = new KeyCache();  // never destroyed: no exit-time order issues
  return *cache;
}

}  // namespace

void EnableKeyCache(std::chrono::seconds idle) {
  Cache().enabled = true;
  Cache().idle = idle;
}

void LockKeyCache() {
  Cache().seed = SecretBytes();
  Cache().path.clear();
}

std::unique_ptr<Connection> OpenConnection(const CommonOptions& o) {
  return Unwrap(Connection::Open(ConnectionOptionsFor(o)), "");
}

TrustedInstance FetchTrusted(Connection& conn, const CommonOptions& options,
                             const crypto::Ed25519Public* own_admin) {
  return Unwrap(client::FetchTrustedInstance(conn, TrustOptionsFor(options, own_admin)), "");
}

SecretBytes OpenKeySeed(const std::string& key_file, const std::string& passphrase_file,
                        uint8_t kind) {
  KeyCache& cache = Cache();
  const auto now = std::chrono::steady_clock::now();
  const bool cacheable = cache.enabled && kind == protocol::kKeyKindReviewer;
  if (cacheable && !cache.seed.empty()) {
    if (cache.path == key_file && now - cache.last_use < cache.idle) {
      cache.last_use = now;
      return SecretBytes::Copy(cache.seed.reveal());
    }
    if (cache.path == key_file) std::cerr << "dojava: locked after idle time\n";
    LockKeyCache();
  }
  SecretBytes seed = OpenKeySeedNow(key_file, passphrase_file, kind);
  if (cacheable) {
    cache.seed = SecretBytes::Copy(seed.reveal());
    cache.path = key_file;
    cache.last_use = now;
    std::cerr << "dojava: key unlocked; it locks after "
              << std::chrono::duration_cast<std::chrono::minutes>(cache.idle).count()
              << " min without use, or now with `lock`\n";
  }
  return seed;
}

SecretBytes OpenKeySeedNow(const std::string& key_file, const std::string& passphrase_file,
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

crypto::AdminKey OpenAdminKey(const std::string& key_file, const std::string& passphrase_file) {
  SecretBytes seed = OpenKeySeed(key_file, passphrase_file, protocol::kKeyKindAdmin);
  return Unwrap(crypto::AdminKey::FromSeed(seed), "admin key");
}

const client::RosterView& RequireRoster(const TrustedInstance& inst) {
  if (!inst.roster) {
    Fail(Exit::kRefused,
         "the server has no roster yet: the admin must run `dojava roster add` first");
  }
  return *inst.roster;
}

namespace {

// §5.1: the encryption key the roster names, among the seed's and the epoch
// files beside the key file (opened with the same passphrase, asked again
// only when there are such files).
crypto::ReviewerKey SelectEpochKey(const CommonOptions& options, crypto::ReviewerKey key,
                                   const client::RosterView& roster,
                                   std::vector<client::EpochKey>* older) {
  if (client::EpochFiles(options.key_file).empty()) return key;
  auto pass = ReadPassphrase(options.passphrase_file, false);
  if (!pass.ok()) Fail(Exit::kUsage, "passphrase: " + pass.status().message());
  auto epochs = client::OpenEpochKeys(options.key_file, *pass);
  if (!epochs.ok()) {
    Fail(epochs.code() == Code::kWrongPassphrase ? Exit::kPassphrase : Exit::kError,
         epochs.status().message());
  }
  return Unwrap(
      client::SelectEncryptionKey(std::move(key), std::move(epochs).value(), roster, older), "");
}

// §12.4: once the roster names the new encryption key, the keys held are
// sealed to it and the older epoch's file destroyed.
void ResealAfterRotation(ReviewerSession& s) {
  if (s.me->older.empty()) return;
  const client::ResealReport r = Unwrap(client::ResealToCurrentKey(s), "re-sealing your keys");
  if (r.keys == 0 && r.removed.empty() && r.refused.empty()) return;
  std::cerr << "dojava: your new encryption key is on the roster: sealed " << r.keys
            << " key(s) of " << r.cases << " case(s) to it\n";
  for (const auto& p : r.removed) std::cerr << "dojava: destroyed the old key file " << p << "\n";
  for (const auto& m : r.refused) {
    std::cerr << "dojava: not re-sealed (the old key is kept until it is): " << m << "\n";
  }
}

}  // namespace

ReviewerSession OpenReviewer(const CommonOptions& options) {
  ReviewerSession s;
  s.conn = OpenConnection(options);
  s.inst = FetchTrusted(*s.conn, options, nullptr);
  const client::RosterView& roster = RequireRoster(s.inst);
  SecretBytes seed =
      OpenKeySeed(options.key_file, options.passphrase_file, protocol::kKeyKindReviewer);
  crypto::ReviewerKey key = Unwrap(crypto::ReviewerKey::FromSeed(seed), "reviewer key");
  std::vector<client::EpochKey> older;
  key = SelectEpochKey(options, std::move(key), roster, &older);
  s.me.emplace(Unwrap(client::IdentifyReviewer(std::move(key), roster), ""));
  s.me->older = std::move(older);
  return s;
}

ReviewerSession StartReviewerSession(const CommonOptions& options) {
  ReviewerSession s = OpenReviewer(options);
  Check(client::EnsureLoggedIn(s), "");
  ResealAfterRotation(s);
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
