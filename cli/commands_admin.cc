// admin init, keygen, admin onboarding, roster show (roster changes: commands_roster.cc).
#include <sys/stat.h>

#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/encoding.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/local_files.h"
#include "cli/secret_input.h"
#include "cli/session.h"
#include "client/new_key_file.h"
#include "client/onboarding.h"
#include "client/public_key_line.h"
#include "client/server_url.h"
#include "client/state_store.h"
#include "crypto/admin_key.h"
#include "crypto/key_file.h"
#include "crypto/protocol_constants.h"
#include "crypto/reviewer_key.h"

namespace dojava::cli {
namespace json = boost::json;

namespace {

using client::FormatPublicKeyLine;
using client::kPublicKeyLinePrefix;
using client::ParsePublicKeyLine;
using client::ReviewerPublicKeys;

// The Argon2id memory of a new key file, in MiB (default 256, §5.3), and
// whether a short passphrase is accepted.
struct NewKeyOptions {
  uint32_t mib = 256;
  bool allow_short = false;
};

void AddNewKeyOptions(po::options_description* d, NewKeyOptions* k) {
  d->add_options()("kdf-memory-mib", po::value(&k->mib)->default_value(256)->value_name("MIB"),
                   "Argon2id memory for the new key file (8..1024; lower only on small machines "
                   "or in tests)")(
      "allow-short-passphrase", po::bool_switch(&k->allow_short),
      "accept a passphrase shorter than 12 characters (not recommended)");
}

crypto::KeyFileParams KdfParams(uint32_t mib) {
  auto p = client::NewKeyParams(mib);
  if (!p.ok()) Fail(Exit::kUsage, "--kdf-memory-mib must be 8..1024");
  return *p;
}

// Seals `seed` under a new passphrase and writes it (0600, never overwrites).
void WriteNewKeyFile(const std::string& path, const std::string& passphrase_file,
                     crypto::KeyKind kind, const SecretBytes& seed, const NewKeyOptions& k) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    Fail(Exit::kLocalFile, path + " already exists; refusing to overwrite a key file");
  }
  auto pass = ReadNewPassphrase(passphrase_file, k.allow_short);
  if (!pass.ok()) {
    Fail(pass.code() == Code::kInvalidArgument ? Exit::kUsage : Exit::kError,
         "passphrase: " + pass.status().message());
  }
  const Bytes file = Unwrap(crypto::SealKeyFile(kind, seed, *pass, KdfParams(k.mib)), "key file");
  const Status w = crypto::WriteKeyFile(path, file, false);
  if (w.code() == Code::kAlreadyExists) {
    Fail(Exit::kLocalFile, path + " already exists; refusing to overwrite a key file");
  }
  if (!w.ok()) Fail(Exit::kError, path + ": " + w.message());
}

}  // namespace

int RunAdminInit(const Args& args) {
  CommonOptions o;
  NewKeyOptions k;
  po::options_description d("admin init");
  AddCommonOptions(&d, kKeyOpts | kJsonOpt, &o);
  AddNewKeyOptions(&d, &k);
  ParseArgs(args, d, {}, "dojava admin init --key-file FILE [--passphrase-file FILE] [--json]");
  if (o.key_file.empty()) Fail(Exit::kUsage, "--key-file is required");
  crypto::AdminKey admin = crypto::AdminKey::Generate();
  WriteNewKeyFile(o.key_file, o.passphrase_file, crypto::KeyKind::kAdmin, admin.seed(), k);
  const std::string pub = Base64UrlEncode(admin.public_key());
  const std::string fp = crypto::AdminKey::FingerprintText(admin.public_key());
  if (o.json) {
    PrintJson(json::object{{"admin_public_key", pub}, {"fingerprint", fp}});
  } else {
    std::cout << "admin public key: " << pub << "\nfingerprint: " << fp << "\n";
  }
  return 0;
}

int RunKeygen(const Args& args) {
  CommonOptions o;
  NewKeyOptions k;
  po::options_description d("keygen");
  AddCommonOptions(&d, kKeyOpts | kJsonOpt, &o);
  AddNewKeyOptions(&d, &k);
  ParseArgs(args, d, {}, "dojava keygen --key-file FILE [--passphrase-file FILE] [--json]");
  if (o.key_file.empty()) Fail(Exit::kUsage, "--key-file is required");
  const std::string pub_path = o.key_file + ".pub";
  struct stat st {};
  if (::lstat(o.key_file.c_str(), &st) == 0) {
    Fail(Exit::kLocalFile, o.key_file + " already exists; refusing to overwrite a key file");
  }
  if (::lstat(pub_path.c_str(), &st) == 0) {
    Fail(Exit::kLocalFile, pub_path + " already exists; refusing to overwrite");
  }
  auto pass = ReadNewPassphrase(o.passphrase_file, k.allow_short);
  if (!pass.ok()) {
    Fail(pass.code() == Code::kInvalidArgument ? Exit::kUsage : Exit::kError,
         "passphrase: " + pass.status().message());
  }
  auto made = client::CreateReviewerKeyFile(o.key_file, *pass, KdfParams(k.mib));
  if (made.code() == Code::kAlreadyExists) {
    Fail(Exit::kLocalFile, made.status().message() + "; refusing to overwrite a key file");
  }
  if (!made.ok()) Fail(Exit::kError, made.status().message());
  const std::string& line = made->public_line;
  if (o.json) {
    PrintJson(json::object{{"public_key_line", line}, {"public_key_file", pub_path}});
  } else {
    std::cout << line << "\n";
    std::cerr << "dojava: give the line above (also in " << pub_path << ") to your admin; keep "
              << o.key_file << " and its passphrase to yourself.\n";
  }
  return 0;
}

int RunAdminOnboarding(const Args& args) {
  CommonOptions o;
  std::string name, output;
  po::options_description d("admin onboarding");
  AddCommonOptions(&d, kJsonOpt, &o);
  d.add_options()("admin-key", po::value(&o.key_file)->value_name("FILE"), "the admin key file")(
      "passphrase-file", po::value(&o.passphrase_file)->value_name("FILE"),
      "read the passphrase from FILE (mode 0600)")(
      "server", po::value(&o.server)->value_name("URL"), "the reviewer listener's address")(
      "name", po::value(&name)->value_name("NAME"), "the organisation's name (optional)")(
      "output,o", po::value(&output)->value_name("FILE"), "the file to write (never overwritten)");
  ParseArgs(args, d, {},
            "dojava admin onboarding --admin-key FILE --server REVIEWER_URL [--name NAME] -o FILE");
  if (o.key_file.empty() || o.server.empty() || output.empty()) {
    Fail(Exit::kUsage, "--admin-key, --server and -o are required");
  }
  Unwrap(client::ParseServerUrl(o.server), "--server");
  crypto::AdminKey admin = OpenAdminKey(o.key_file, o.passphrase_file);
  client::Onboarding file{name, o.server, crypto::AdminKey::FingerprintText(admin.public_key())};
  const std::string text = client::FormatOnboarding(file);
  Unwrap(client::ParseOnboarding(text), "the onboarding file");  // what readers will accept
  WriteNewFile(output, AsBytes(text), "-o");
  if (o.json) {
    PrintJson(json::object{{"path", output}, {"admin_fingerprint", file.admin_fingerprint}});
  } else {
    std::cout << "wrote " << output << ": give it to the new reviewer (dojava ... --onboarding "
              << output << ")\n";
  }
  return 0;
}

int RunRosterShow(const Args& args) {
  CommonOptions o;
  po::options_description d("roster show");
  AddCommonOptions(&d, kServerOpts | kJsonOpt, &o);
  ParseArgs(args, d, {}, "dojava roster show --server URL [--json]");
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, nullptr);
  const std::string fp = crypto::AdminKey::FingerprintText(inst.info.admin_public);
  if (o.json) {
    json::array entries;
    if (inst.roster) {
      for (const auto& e : inst.roster->entries()) {
        entries.emplace_back(
            json::object{{"reviewer_id", IdText(e.reviewer_id)},
                         {"name", e.name},
                         {"retired_at", e.retired_at},
                         {"key_epoch", e.key_epoch},
                         {"public_key_line", FormatPublicKeyLine({e.ed25519, e.x25519})}});
      }
    }
    json::object out{{"instance", inst.info.name},
                     {"admin_fingerprint", fp},
                     {"roster_version", inst.roster ? inst.roster->version() : 0},
                     {"roster_format", inst.roster ? inst.roster->format() : 0},
                     {"reviewers", entries}};
    if (inst.roster && inst.roster->expires_day()) {
      out["expires"] = DayText(*inst.roster->expires_day());
    }
    PrintJson(out);
    return 0;
  }
  std::cout << "instance: " << inst.info.name << "\nadmin fingerprint: " << fp << "\n";
  if (!inst.roster) {
    std::cout << "no roster yet\n";
    return 0;
  }
  std::cout << "roster version " << inst.roster->version() << " (format "
            << int{inst.roster->format()} << ", verified";
  if (auto day = inst.roster->expires_day()) std::cout << ", expires " << DayText(*day);
  std::cout << "), " << inst.roster->Active().size() << " reviewer(s):\n";
  for (const auto& e : inst.roster->entries()) {
    std::cout << "  " << IdText(e.reviewer_id) << "  " << e.name;
    if (!e.active()) std::cout << "  (removed as of version " << e.retired_at << ")";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace dojava::cli
