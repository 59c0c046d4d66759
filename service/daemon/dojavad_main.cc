// dojavad: the Dojava server and its operator subcommands.
//
//   dojavad <subcommand> [options]      dojavad <subcommand> --help
//
// Subcommands live in one table (kSubcommands). Exit status: 0 success
// (also after a clean stop on SIGTERM/SIGINT), 1 failure, 2 usage error.
// Output never contains keys or stored data.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "service/daemon/instance_config.h"
#include "service/daemon/instance_init.h"
#include "service/daemon/serve_command.h"
#include "service/store/clock.h"
#include "service/store/database_key.h"
#include "service/store/instance_lock.h"
#include "service/store/schema_migrations.h"
#include "service/store/sqlcipher_store.h"
#include "service/store/store_maintenance.h"

namespace {

namespace po = boost::program_options;
using dojava::Code;
using dojava::Result;
using dojava::SecretBytes;
using dojava::Status;
using namespace dojava::service;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct Subcommand {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

int Fail(const Status& s) {
  std::cerr << "dojavad: " << s.message() << "\n";
  return kExitFailure;
}

// Options every subcommand that opens the database shares.
void AddKeyOptions(po::options_description& desc) {
  desc.add_options()("key-file", po::value<std::string>(),
                     "database key file: 64 lower-case hex characters, mode 0600 (default: "
                     "<data-dir>/database.key)")(
      "credential", po::value<std::string>(),
      "read the key from systemd credential NAME ($CREDENTIALS_DIRECTORY/NAME) instead");
}

Result<SecretBytes> LoadKey(const po::variables_map& vm, const std::string& data_dir) {
  if (vm.count("key-file") && vm.count("credential")) {
    return Status(Code::kInvalidArgument, "give --key-file or --credential, not both");
  }
  if (vm.count("credential")) {
    DOJAVA_ASSIGN_OR_RETURN(std::string path,
                            DatabaseKey::CredentialPath(vm["credential"].as<std::string>()));
    return DatabaseKey::LoadFile(path);
  }
  if (vm.count("key-file")) return DatabaseKey::LoadFile(vm["key-file"].as<std::string>());
  if (data_dir.empty()) return Status(Code::kInvalidArgument, "give --key-file or --credential");
  return DatabaseKey::LoadFile((std::filesystem::path(data_dir) / "database.key").string());
}

std::string DatabasePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / kDatabaseFileName).string();
}

// --help and the required --data-dir, which the subcommands on an existing
// instance start with.
po::options_description InstanceOptions() {
  po::options_description desc("Options");
  desc.add_options()("help", "show this help")("data-dir", po::value<std::string>()->required(),
                                               "the instance's data directory");
  return desc;
}

// The shared instance lock on a data directory (`dojavad rekey` refuses to
// run while it is held) and the database key, for the subcommands that open
// the database beside a running server.
struct OpenedInstance {
  InstanceLock lock;
  SecretBytes key;
};

Result<OpenedInstance> LockAndLoadKey(const po::variables_map& vm, const std::string& dir) {
  DOJAVA_ASSIGN_OR_RETURN(InstanceLock lock,
                          InstanceLock::Acquire(dir, InstanceLock::Mode::kShared));
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes key, LoadKey(vm, dir));
  return OpenedInstance{std::move(lock), std::move(key)};
}

// Parses argv (argv[0] is the subcommand). Returns kExitOk to continue,
// anything else to exit with it (after --help or a usage error).
int Parse(int argc, char** argv, const po::options_description& desc, std::string_view usage,
          po::variables_map* vm) {
  try {
    po::store(po::command_line_parser(argc, argv).options(desc).run(), *vm);
    if (vm->count("help")) {  // before notify(): --help needs no required option
      std::cout << usage << "\n" << desc << "\n";
      return -1;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    std::cerr << "dojavad: " << e.what() << "\n" << usage << "\n" << desc;
    return kExitUsage;
  }
  return kExitOk;
}

int RunInit(int argc, char** argv) {
  po::options_description desc("Options");
  desc.add_options()("help", "show this help")(
      "data-dir", po::value<std::string>()->required(),
      "the new instance's data directory (created mode 0700; must be missing or empty)")(
      "admin-public-key", po::value<std::string>()->required(),
      "the admin's Ed25519 public key, 43 characters of base64url (from 'dojava admin init')")(
      "name", po::value<std::string>()->required(),
      "the organisation's name shown to sources (1..100 printable UTF-8 bytes)");
  po::variables_map vm;
  const int p =
      Parse(argc, argv, desc,
            "Usage: dojavad init --data-dir DIR --admin-public-key KEY --name NAME\n\n"
            "Creates a new instance in DIR:\n"
            "  DIR/database.key  a random 32-byte database key (mode 0600; back it up apart\n"
            "                    from the database, or move it into a systemd credential)\n"
            "  DIR/dojava.db     the encrypted database, with a random instance id and salt\n"
            "                    and the admin public key (the instance's trust anchor)\n"
            "  DIR/dojavad.conf  every configuration key with its default; edit it, then\n"
            "                    run 'dojavad serve --data-dir DIR'\n"
            "Never overwrites anything: DIR must be missing or empty. An interrupted init\n"
            "leaves nothing usable and a second run starts over.\n"
            "Prints the admin key fingerprint (publish it: on paper, on the organisation's\n"
            "website) and the instance id.\n",
            &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  InitOptions options;
  options.data_dir = vm["data-dir"].as<std::string>();
  options.admin_public_key_b64 = vm["admin-public-key"].as<std::string>();
  options.instance_name = vm["name"].as<std::string>();
  auto result = InstanceInit::Create(options);
  if (!result.ok()) return Fail(result.status());
  std::cout << "instance created in " << options.data_dir << "\n"
            << "admin key fingerprint: " << result->fingerprint << "\n"
            << "instance id: " << result->instance_id << "\n"
            << "next: edit " << options.data_dir << "/" << kConfigFileName
            << " if needed, then: dojavad serve --data-dir " << options.data_dir << "\n";
  return kExitOk;
}

int RunServe(int argc, char** argv) {
  po::options_description desc = InstanceOptions();
  desc.add_options()("config", po::value<std::string>(),
                     "config file (default: <data-dir>/dojavad.conf)");
  AddKeyOptions(desc);
  po::options_description hidden;
  hidden.add_options()("set", po::value<std::vector<std::string>>(), "key=value overrides");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("set", -1);
  const std::string usage =
      "Usage: dojavad serve --data-dir DIR [--config FILE] [key=value ...]\n\n"
      "Serves the instance: the source listener (the submission page and the source\n"
      "API, published as the public onion service) and the reviewer listener (the\n"
      "reviewer API, a second onion service with client authorization). Prints one\n"
      "line per listener once it listens. Purges expired cases and uploads at start\n"
      "and every purge_interval_seconds. SIGTERM or SIGINT: stop accepting, let\n"
      "requests in flight finish (shutdown_grace_ms), commit, close the database,\n"
      "exit 0. No access log: nothing about requests is ever written.\n\n"
      "Configuration: the config file, then each key=value argument (same keys, they\n"
      "win). Every key with its default (service/CONFIG.md explains them):\n\n" +
      InstanceConfigText(InstanceConfig());
  // Before any thread exists: SIGTERM/SIGINT then reach only the sigwait in
  // ServeCommand::Run.
  if (Status s = ServeCommand::PrepareProcess(); !s.ok()) return Fail(s);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n" << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "dojavad: " << e.what() << "\n"
              << "Usage: dojavad serve --data-dir DIR [--config FILE] [key=value ...]\n";
    return kExitUsage;
  }
  const std::string dir = vm["data-dir"].as<std::string>();
  InstanceConfig config;
  const std::string config_path = vm.count("config")
                                      ? vm["config"].as<std::string>()
                                      : (std::filesystem::path(dir) / kConfigFileName).string();
  if (Status s = InstanceInit::CheckInstanceDir(dir); !s.ok()) return Fail(s);
  if (Status s = LoadInstanceConfigFile(config_path, &config); !s.ok()) return Fail(s);
  if (vm.count("set")) {
    if (Status s = ApplyInstanceOverrides(vm["set"].as<std::vector<std::string>>(), &config);
        !s.ok()) {
      return Fail(s);
    }
  }
  if (Status s = ValidateInstanceConfig(config); !s.ok()) return Fail(s);
  // The lock is held until serve returns: `dojavad rekey` refuses to run meanwhile.
  auto instance = LockAndLoadKey(vm, dir);
  if (!instance.ok()) return Fail(instance.status());
  Status s = ServeCommand::Run(dir, config, instance->key);
  if (!s.ok()) return Fail(s);
  return kExitOk;
}

int RunBackup(int argc, char** argv) {
  po::options_description desc = InstanceOptions();
  desc.add_options()("out", po::value<std::string>()->required(),
                     "backup file to write (must not exist)");
  AddKeyOptions(desc);
  po::variables_map vm;
  const int p = Parse(argc, argv, desc,
                      "Usage: dojavad backup --data-dir DIR --out FILE\n\n"
                      "Writes an online, consistent snapshot of the database, encrypted under the\n"
                      "same key, while the server keeps running; then checks it. Keep the key\n"
                      "file apart from the backup.\n",
                      &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  const std::string dir = vm["data-dir"].as<std::string>();
  auto instance = LockAndLoadKey(vm, dir);
  if (!instance.ok()) return Fail(instance.status());
  Status s =
      StoreMaintenance::Backup(DatabasePath(dir), instance->key, vm["out"].as<std::string>());
  if (!s.ok()) return Fail(s);
  std::cout << "backup written and checked: " << vm["out"].as<std::string>() << "\n";
  return kExitOk;
}

int RunRestore(int argc, char** argv) {
  po::options_description desc("Options");
  desc.add_options()("help", "show this help")("from", po::value<std::string>()->required(),
                                               "backup file written by dojavad backup")(
      "data-dir", po::value<std::string>()->required(),
      "new data directory (must not exist or be empty)");
  AddKeyOptions(desc);
  po::variables_map vm;
  const int p = Parse(argc, argv, desc,
                      "Usage: dojavad restore --from FILE --data-dir NEWDIR --key-file KEY\n\n"
                      "Checks the backup, then writes it as the database of a new data\n"
                      "directory and checks the result. Never writes over an existing database.\n",
                      &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  if (!vm.count("key-file") && !vm.count("credential")) {
    return Fail(Status(Code::kInvalidArgument, "restore needs --key-file or --credential"));
  }
  auto key = LoadKey(vm, "");
  if (!key.ok()) return Fail(key.status());
  const std::string dir = vm["data-dir"].as<std::string>();
  Status s = StoreMaintenance::Restore(vm["from"].as<std::string>(), *key, dir);
  if (!s.ok()) return Fail(s);
  std::cout << "restored into " << dir
            << "; it opens with the key given here: database.key in the data directory,\n"
               "or the systemd credential (ops/README.md, \"Restore onto a new machine\")\n"
               "IMPORTANT: the backup holds the roster of its day. Before this instance serves\n"
               "reviewers or sources again, re-install the newest roster (the admin tool keeps\n"
               "it beside the admin key): clients that know a newer one refuse the older one\n"
               "(PROTOCOL.md §12.4).\n";
  return kExitOk;
}

int RunPurge(int argc, char** argv) {
  po::options_description desc = InstanceOptions();
  AddKeyOptions(desc);
  po::variables_map vm;
  const int p = Parse(argc, argv, desc,
                      "Usage: dojavad purge --data-dir DIR\n\n"
                      "Deletes expired cases (retention since last activity, with a random\n"
                      "spread) and unfinished uploads past their time, then reclaims the space.\n"
                      "Safe while the server runs.\n",
                      &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  const std::string dir = vm["data-dir"].as<std::string>();
  auto instance = LockAndLoadKey(vm, dir);
  if (!instance.ok()) return Fail(instance.status());
  auto store =
      SqlcipherStore::Open(DatabasePath(dir), instance->key, std::make_shared<SystemClock>());
  if (!store.ok()) return Fail(store.status());
  auto report = (*store)->Purge();
  if (!report.ok()) return Fail(report.status());
  std::cout << "purged " << report->cases_deleted << " expired case(s) and "
            << report->uploads_deleted << " unfinished upload(s)\n";
  return kExitOk;
}

// The installed roster's version and expiry (dojavad check): a roster past
// its expiry day is refused by every v2 client until the admin installs a
// renewed one.
void PrintRosterSummary(const CheckReport& report) {
  if (!report.roster_version) {
    std::cout << "roster: none installed\n";
    return;
  }
  std::cout << "roster: version " << *report.roster_version;
  if (!report.roster_expires_day) {
    std::cout << " (version 1, from 0.1.0: not read by this release; clients refuse it until "
                 "the admin installs a version-2 roster, ops/README.md \"Upgrade\")\n";
    return;
  }
  const int64_t today = SystemClock().Today();
  std::cout << ", expires on day " << *report.roster_expires_day
            << (today > *report.roster_expires_day
                    ? " (EXPIRED: clients refuse it; install a renewed roster)"
                    : "")
            << "\n";
}

int RunCheck(int argc, char** argv) {
  po::options_description desc("Options");
  desc.add_options()("help", "show this help")("data-dir", po::value<std::string>(),
                                               "the instance's data directory")(
      "file", po::value<std::string>(), "check this database or backup file instead");
  AddKeyOptions(desc);
  po::variables_map vm;
  const int p = Parse(argc, argv, desc,
                      "Usage: dojavad check (--data-dir DIR | --file FILE --key-file KEY)\n\n"
                      "Verifies every page: SQLite integrity, SQLCipher HMACs and foreign keys.\n"
                      "Read-only; safe while the server runs.\n",
                      &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  if (vm.count("data-dir") == vm.count("file")) {
    return Fail(Status(Code::kInvalidArgument, "give --data-dir or --file"));
  }
  const std::string dir = vm.count("data-dir") ? vm["data-dir"].as<std::string>() : "";
  auto key = LoadKey(vm, dir);
  if (!key.ok()) return Fail(key.status());
  const std::string path = dir.empty() ? vm["file"].as<std::string>() : DatabasePath(dir);
  auto report = StoreMaintenance::Check(path, *key);
  if (!report.ok()) return Fail(report.status());
  for (const auto& problem : report->problems) std::cout << "problem: " << problem << "\n";
  PrintRosterSummary(*report);
  std::cout << "schema version " << report->schema_version << "; "
            << (report->ok() ? "ok" : "DAMAGED") << "\n";
  return report->ok() ? kExitOk : kExitFailure;
}

int RunRekey(int argc, char** argv) {
  po::options_description desc = InstanceOptions();
  desc.add_options()(
      "key-file", po::value<std::string>(),
      "the current key file, replaced by the new key (default: <data-dir>/database.key; "
      "with systemd: the file LoadCredential= points at, e.g. /etc/dojava/database.key)")(
      "new-key-file", po::value<std::string>(),
      "take the new key from this key file (64 lower-case hex, mode 0600) instead of "
      "generating one")("keep-old-key", po::value<std::string>(),
                        "also write the old key to this new file (mode 0600); without it no "
                        "copy of the old key is kept");
  po::variables_map vm;
  const int p =
      Parse(argc, argv, desc,
            "Usage: dojavad rekey --data-dir DIR [--key-file KEY] [--new-key-file NEW]\n"
            "                     [--keep-old-key OLDCOPY]\n\n"
            "Changes the database key. Stop the server first (systemctl stop dojavad): rekey\n"
            "refuses to run while serve, backup or purge has the instance open.\n\n"
            "  1. generates a new random key (or reads NEW) and writes it, fsynced, to\n"
            "     KEY.rekey-new beside the key file (mode 0600, owner of KEY)\n"
            "  2. re-encrypts every page of the database under the new key (SQLCipher\n"
            "     rekey, one transaction)\n"
            "  3. checks that the database opens with the new key, refuses the old one and\n"
            "     passes 'dojavad check'\n"
            "  4. renames KEY.rekey-new over KEY (atomic)\n"
            "Anything failing before step 4 leaves the database under the old key and KEY\n"
            "unchanged. If the machine stops between 2 and 4, run rekey again: it finds\n"
            "KEY.rekey-new and finishes (or discards it if the database never changed).\n"
            "Keys are read from files only, never from the command line or the environment.\n"
            "Backups written before the rekey still need the old key (keep it with them, or\n"
            "take a new backup and destroy the old ones).\n",
            &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  RekeyOptions options;
  options.data_dir = vm["data-dir"].as<std::string>();
  options.key_file = vm.count("key-file")
                         ? vm["key-file"].as<std::string>()
                         : (std::filesystem::path(options.data_dir) / "database.key").string();
  if (vm.count("new-key-file")) options.new_key_file = vm["new-key-file"].as<std::string>();
  if (vm.count("keep-old-key")) options.keep_old_key_file = vm["keep-old-key"].as<std::string>();
  auto report = StoreMaintenance::Rekey(options);
  if (!report.ok()) return Fail(report.status());
  if (report->finished_interrupted) {
    std::cout << "finished an interrupted rekey: " << options.key_file
              << " now holds the key the database is encrypted with\n";
  } else {
    std::cout << "rekeyed and checked; " << options.key_file << " holds the new key\n";
  }
  std::cout << "backups taken before this need the old key; take a new backup now\n";
  return kExitOk;
}

int RunAlert(int argc, char** argv) {
  po::options_description desc("Options");
  desc.add_options()("help", "show this help")("data-dir", po::value<std::string>()->required(),
                                               "the instance whose notify.* settings are used")(
      "config", po::value<std::string>(), "config file (default: <data-dir>/dojavad.conf)")(
      "message", po::value<std::string>()->required(), "one line: the subject and the text")(
      "to", po::value<std::string>(), "recipients, separated by commas (default: notify.to)")(
      "password-file", po::value<std::string>(),
      "the relay password file (default: notify.smtp_password_file)");
  po::variables_map vm;
  const int p = Parse(argc, argv, desc,
                      "Usage: dojavad alert --data-dir DIR --message TEXT [--to ADDRS]\n\n"
                      "Sends one message now through the instance's notification relay (the\n"
                      "notify.* keys of its config): the monitoring checks' alerts (ops/monitor).\n"
                      "Reads no database. Exit 0 once the relay accepted the message.\n",
                      &vm);
  if (p != kExitOk) return p < 0 ? kExitOk : p;
  const std::string dir = vm["data-dir"].as<std::string>();
  InstanceConfig config;
  const std::string path = vm.count("config")
                               ? vm["config"].as<std::string>()
                               : (std::filesystem::path(dir) / kConfigFileName).string();
  if (Status s = LoadInstanceConfigFile(path, &config); !s.ok()) return Fail(s);
  if (vm.count("password-file")) {
    config.notify.smtp_password_file = vm["password-file"].as<std::string>();
  }
  const std::string to = vm.count("to") ? vm["to"].as<std::string>() : "";
  if (Status s = ::dojava::notify::SendNow(config.notify, vm["message"].as<std::string>(), to);
      !s.ok()) {
    return Fail(s);
  }
  std::cout << "alert sent\n";
  return kExitOk;
}

constexpr Subcommand kSubcommands[] = {
    {"init", "create a new instance (data directory, key, database, config)", RunInit},
    {"serve", "run the server (source and reviewer listeners)", RunServe},
    {"backup", "write an online, consistent, encrypted backup", RunBackup},
    {"restore", "restore a backup into a new data directory", RunRestore},
    {"purge", "delete expired cases and unfinished uploads", RunPurge},
    {"check", "verify the integrity of a database or backup", RunCheck},
    {"rekey", "change the database key (server stopped)", RunRekey},
    {"alert", "send one monitoring alert through the notification relay", RunAlert},
};

void PrintUsage(std::ostream& out) {
  out << "Usage: dojavad <subcommand> [options]\n\nSubcommands:\n";
  for (const auto& c : kSubcommands) {
    out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  }
  out << "\nRun 'dojavad <subcommand> --help' for its options.\n"
      << "\nA first instance:\n"
      << "  dojavad init --data-dir DIR --admin-public-key KEY --name NAME\n"
      << "  dojavad serve --data-dir DIR\n";
}

}  // namespace

int main(int argc, char** argv) {
  ::umask(077);  // every file dojavad creates is private to the service user
  // No core dumps and no ptrace by other processes of the same user: the
  // process holds the database key, bearer tokens, lookup keys and request
  // bodies. Not dumpable also makes /proc/<pid>/environ, mem and maps
  // readable by root only.
  rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  try {
    if (argc < 2) {
      PrintUsage(std::cerr);
      return kExitUsage;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
      PrintUsage(std::cout);
      return kExitOk;
    }
    if (name == "--version") {
      std::cout << "dojavad " DOJAVA_VERSION " (protocol v2, API v1)\n";
      return kExitOk;
    }
    for (const auto& c : kSubcommands) {
      if (c.name == name) return c.run(argc - 1, argv + 1);
    }
    std::cerr << "dojavad: unknown subcommand '" << name << "'\n";
    PrintUsage(std::cerr);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "dojavad: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
}
