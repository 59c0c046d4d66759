// admin init, keygen, roster add / remove / show.
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
  if (mib < 8 || mib > 1024) Fail(Exit::kUsage, "--kdf-memory-mib must be 8..1024");
  crypto::KeyFileParams p;
  p.mem_kib = mib * 1024;
  return p;
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

crypto::AdminKey OpenAdmin(const std::string& key_file, const std::string& pass_file) {
  SecretBytes seed = OpenKeySeed(key_file, pass_file, protocol::kKeyKindAdmin);
  return Unwrap(crypto::AdminKey::FromSeed(seed), "admin key");
}

// Signs `roster`, installs it, and remembers it as accepted.
void SignAndInstall(Connection& conn, const crypto::AdminKey& admin, const crypto::Id& instance_id,
                    crypto::Roster roster) {
  const Bytes signed_roster = Unwrap(admin.SignRoster(std::move(roster)), "signing the roster");
  const crypto::RosterState seen = Unwrap(conn.state().LastRoster(), "local state");
  auto verified = crypto::VerifyRosterAdvance(signed_roster, admin.public_key(), instance_id, seen);
  Check(verified.status(), "the new roster");
  auto put = conn.api().PutRoster(signed_roster);
  if (put.code() == Code::kRollback) {
    Fail(Exit::kTrust,
         "the server refused the roster as a rollback (another admin session "
         "installed a newer one?): run the command again");
  }
  Check(put, "installing the roster");
  Check(conn.state().SaveRoster({verified->version(), verified->digest()}, signed_roster),
        "saving the roster state");
}

crypto::Roster CurrentRoster(const TrustedInstance& inst) {
  if (inst.roster) return inst.roster->roster();
  crypto::Roster r;
  r.instance_id = inst.info.instance_id;
  r.version = 0;
  return r;
}

ReviewerPublicKeys ReadReviewerPublic(const std::string& file_or_line) {
  if (file_or_line.rfind(kPublicKeyLinePrefix, 0) == 0) {
    return Unwrap(ParsePublicKeyLine(file_or_line), "--reviewer-public");
  }
  std::ifstream in(file_or_line);
  if (!in) Fail(Exit::kError, file_or_line + ": cannot read");
  std::string line;
  std::getline(in, line);
  return Unwrap(ParsePublicKeyLine(line), file_or_line);
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
  if (::lstat(pub_path.c_str(), &st) == 0) {
    Fail(Exit::kLocalFile, pub_path + " already exists; refusing to overwrite");
  }
  crypto::ReviewerKey key = crypto::ReviewerKey::Generate();
  WriteNewKeyFile(o.key_file, o.passphrase_file, crypto::KeyKind::kReviewer, key.seed(), k);
  const std::string line = FormatPublicKeyLine({key.ed25519_public(), key.x25519_public()});
  const std::string text = line + "\n";
  WriteNewFile(pub_path, AsBytes(text), "--key-file");
  ::chmod(pub_path.c_str(), 0644);  // public: meant to be handed over
  if (o.json) {
    PrintJson(json::object{{"public_key_line", line}, {"public_key_file", pub_path}});
  } else {
    std::cout << line << "\n";
    std::cerr << "dojava: give the line above (also in " << pub_path << ") to your admin; keep "
              << o.key_file << " and its passphrase to yourself.\n";
  }
  return 0;
}

int RunRosterAdd(const Args& args) {
  CommonOptions o;
  std::string name, pub_arg;
  po::options_description d("roster add");
  AddCommonOptions(&d, kServerOpts | kJsonOpt, &o);
  d.add_options()("admin-key", po::value(&o.key_file)->value_name("FILE"), "the admin key file")(
      "passphrase-file", po::value(&o.passphrase_file)->value_name("FILE"),
      "read the passphrase from FILE (mode 0600)")(
      "name", po::value(&name)->value_name("NAME"),
      "the reviewer's name on the roster: PUBLIC. Every visitor of the onion sees it and sources "
      "see it on replies, so give a role (\"Editor\", \"Legal team\"), not a person's name")(
      "reviewer-public", po::value(&pub_arg)->value_name("FILE_OR_LINE"),
      "the reviewer's public key line, or the .pub file holding it");
  ParseArgs(args, d, {},
            "dojava roster add --server URL --admin-key FILE --name NAME --reviewer-public "
            "FILE_OR_LINE");
  if (o.key_file.empty() || name.empty() || pub_arg.empty()) {
    Fail(Exit::kUsage, "--admin-key, --name and --reviewer-public are required");
  }
  const ReviewerPublicKeys pub = ReadReviewerPublic(pub_arg);
  crypto::AdminKey admin = OpenAdmin(o.key_file, o.passphrase_file);
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, &admin.public_key());
  crypto::Roster roster = CurrentRoster(inst);
  if (roster.FindByEd25519(pub.ed25519) != nullptr) {
    Fail(Exit::kUsage, "this reviewer key is already on the roster");
  }
  if (roster.FindByName(name) != nullptr) Fail(Exit::kUsage, "the name '" + name + "' is taken");
  crypto::RosterEntry entry;
  do {
    entry.reviewer_id = crypto::RandomId();
  } while (roster.Find(entry.reviewer_id) != nullptr);
  entry.ed25519 = pub.ed25519;
  entry.x25519 = pub.x25519;
  entry.name = name;
  const crypto::Id new_id = entry.reviewer_id;
  roster.entries.push_back(std::move(entry));
  roster.version += 1;
  const uint64_t version = roster.version;
  SignAndInstall(*conn, admin, inst.info.instance_id, std::move(roster));
  if (o.json) {
    PrintJson(
        json::object{{"reviewer_id", IdText(new_id)}, {"name", name}, {"roster_version", version}});
  } else {
    std::cout << "added " << name << " (reviewer id " << IdText(new_id) << "); roster version "
              << version << "\n"
              << "note: '" << name << "' is public: every visitor of the onion sees it and sources "
              << "see it on replies. Use a role (\"Editor\"), not a person's name; to change it, "
              << "roster remove and add the key again.\n";
  }
  return 0;
}

int RunRosterRemove(const Args& args) {
  CommonOptions o;
  std::string name, id_text;
  po::options_description d("roster remove");
  AddCommonOptions(&d, kServerOpts | kJsonOpt, &o);
  d.add_options()("admin-key", po::value(&o.key_file)->value_name("FILE"), "the admin key file")(
      "passphrase-file", po::value(&o.passphrase_file)->value_name("FILE"),
      "read the passphrase from FILE (mode 0600)")("name", po::value(&name)->value_name("NAME"),
                                                   "the reviewer to remove, by name")(
      "reviewer-id", po::value(&id_text)->value_name("ID"), "or by reviewer id");
  ParseArgs(args, d, {},
            "dojava roster remove --server URL --admin-key FILE (--name NAME | --reviewer-id ID)");
  if (o.key_file.empty() || (name.empty() == id_text.empty())) {
    Fail(Exit::kUsage, "--admin-key and one of --name / --reviewer-id are required");
  }
  crypto::AdminKey admin = OpenAdmin(o.key_file, o.passphrase_file);
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, &admin.public_key());
  crypto::Roster roster = CurrentRoster(inst);
  const crypto::RosterEntry* e =
      name.empty() ? roster.Find(ParseIdArg(id_text, "--reviewer-id")) : roster.FindByName(name);
  if (e == nullptr) Fail(Exit::kNotFound, "no such reviewer on the roster");
  const std::string removed = e->name;
  const crypto::Id removed_id = e->reviewer_id;
  std::erase_if(roster.entries,
                [&](const crypto::RosterEntry& x) { return x.reviewer_id == removed_id; });
  roster.version += 1;
  const uint64_t version = roster.version;
  SignAndInstall(*conn, admin, inst.info.instance_id, std::move(roster));
  if (o.json) {
    PrintJson(json::object{{"removed", IdText(removed_id)}, {"roster_version", version}});
  } else {
    std::cout << "removed " << removed << " (reviewer id " << IdText(removed_id)
              << "); roster version " << version
              << "\nnote: keys of cases they already opened cannot be taken back.\n";
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
  crypto::AdminKey admin = OpenAdmin(o.key_file, o.passphrase_file);
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
                         {"public_key_line", FormatPublicKeyLine({e.ed25519, e.x25519})}});
      }
    }
    PrintJson(json::object{{"instance", inst.info.name},
                           {"admin_fingerprint", fp},
                           {"roster_version", inst.roster ? inst.roster->version() : 0},
                           {"reviewers", entries}});
    return 0;
  }
  std::cout << "instance: " << inst.info.name << "\nadmin fingerprint: " << fp << "\n";
  if (!inst.roster) {
    std::cout << "no roster yet\n";
    return 0;
  }
  std::cout << "roster version " << inst.roster->version() << " (verified), "
            << inst.roster->entries().size() << " reviewer(s):\n";
  for (const auto& e : inst.roster->entries()) {
    std::cout << "  " << IdText(e.reviewer_id) << "  " << e.name << "\n";
  }
  return 0;
}

}  // namespace dojava::cli
