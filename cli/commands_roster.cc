// roster add / remove / renew / install / fetch: the admin's version-2
// roster chain (PROTOCOL §6 "Writing", client/roster_signing.h). Every
// change signs the successor of the roster kept beside the admin key file,
// prints the difference first, keeps the new one, then installs it.
#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>

#include "base/encoding.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/local_files.h"
#include "cli/session.h"
#include "cli/text_input.h"
#include "client/public_key_line.h"
#include "client/roster_signing.h"
#include "client/state_store.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace json = boost::json;

namespace {

using client::RosterBase;
using client::RosterView;

struct RosterOptions {
  CommonOptions o;
  uint32_t days = client::kDefaultRosterExpiryDays;
  bool adopt = false;
  std::string output;  // renew offline: where the signed roster goes
  std::string base;    // renew offline: a fetched roster to build on
};

void AddRosterOptions(po::options_description* d, RosterOptions* r) {
  AddCommonOptions(d, kServerOpts | kJsonOpt, &r->o);
  d->add_options()("admin-key", po::value(&r->o.key_file)->value_name("FILE"),
                   "the admin key file (the last roster signed is kept in FILE.roster)")(
      "passphrase-file", po::value(&r->o.passphrase_file)->value_name("FILE"),
      "read the passphrase from FILE (mode 0600)")(
      "expires-days", po::value(&r->days)->value_name("DAYS"),
      "days until the new roster expires (default 30, at most 90)")(
      "adopt-server-roster", po::bool_switch(&r->adopt),
      "no roster is kept beside the admin key: build on the server's (say so only if it is the "
      "newest you signed)");
}

// Prints what changes, before signing (stderr: stdout may carry --json).
void PrintDiff(const crypto::v2::Roster& before, const crypto::v2::Roster& after) {
  const auto lines = client::RosterDiff(before, after);
  std::cerr << "dojava: roster version " << after.version << ", expires "
            << DayText(after.expires_day) << (lines.empty() ? ": no change of reviewers" : ":")
            << "\n";
  for (const auto& l : lines) std::cerr << "  " << TerminalSafe(l) << "\n";
}

// Keeps `signed_roster` beside the admin key: the base of the next one.
void Keep(const std::string& key_file, const crypto::Id& instance_id, const Bytes& signed_roster) {
  const std::string path = client::KeptRosterPath(key_file, instance_id);
  Check(client::WriteFileAtomic(path, signed_roster, true), "keeping the roster in " + path);
}

// PUT /api/v1/roster, then this machine accepts it too.
void Install(Connection& conn, const crypto::Ed25519Public& admin, const crypto::Id& instance_id,
             const Bytes& signed_roster) {
  auto put = conn.api().PutRoster(signed_roster);
  if (put.code() == Code::kRollback || put.code() == Code::kAlreadyExists ||
      put.code() == Code::kBrokenChain) {
    Fail(Exit::kTrust, "the server refused the roster (" + put.message() +
                           "): it holds a newer or different one than the roster kept beside "
                           "your admin key; check with `dojava roster show`");
  }
  Check(put, "installing the roster");
  Check(client::AcceptRoster(conn, admin, instance_id, signed_roster, true).status(),
        "the installed roster");
}

// The common path of add, remove and renew with a server: the successor of
// the kept (or served) roster, changed by `change`, diffed, signed, kept,
// installed. Returns the new roster.
crypto::v2::Roster ChangeRoster(const RosterOptions& r,
                                const std::function<void(crypto::v2::Roster*)>& change) {
  const CommonOptions& o = r.o;
  crypto::AdminKey admin = OpenAdminKey(o.key_file, o.passphrase_file);
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, &admin.public_key());
  const crypto::Id& instance_id = inst.info.instance_id;
  const std::string kept_path = client::KeptRosterPath(o.key_file, instance_id);
  const auto kept = Unwrap(client::ReadKeptRoster(kept_path, admin.public_key(), instance_id), "");
  const RosterBase base = Unwrap(
      client::ChooseRosterBase(kept, inst.roster, inst.info.roster, instance_id, r.adopt,
                               inst.roster ? 0 : inst.info.roster_version),
      "");
  crypto::v2::Roster next =
      Unwrap(client::SuccessorOf(base, r.days, client::TodayU32()), "--expires-days");
  change(&next);
  PrintDiff(base.roster, next);
  const Bytes signed_roster =
      Unwrap(client::SignSuccessor(admin, base, next, instance_id), "signing the roster");
  Keep(o.key_file, instance_id, signed_roster);
  Install(*conn, admin.public_key(), instance_id, signed_roster);
  return next;
}

client::ReviewerPublicKeys ReadReviewerPublic(const std::string& file_or_line) {
  if (file_or_line.rfind(client::kPublicKeyLinePrefix, 0) == 0) {
    return Unwrap(client::ParsePublicKeyLine(file_or_line), "--reviewer-public");
  }
  std::ifstream in(file_or_line);
  if (!in) Fail(Exit::kError, file_or_line + ": cannot read");
  std::string line;
  std::getline(in, line);
  return Unwrap(client::ParsePublicKeyLine(line), file_or_line);
}

const crypto::v2::RosterEntry* FindByName(const crypto::v2::Roster& r, const std::string& name) {
  for (const auto& e : r.entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace

namespace {

// A line whose signing key is an active entry's with another encryption key
// is that reviewer's rotated key (§5.1, §12.4): the entry gets it with
// key_epoch + 1. False for a key not on the roster.
bool RotateEncryptionKey(crypto::v2::Roster* roster, const client::ReviewerPublicKeys& pub,
                         const std::string& name) {
  for (auto& e : roster->entries) {
    if (e.ed25519 != pub.ed25519) continue;
    if (!e.active() || e.x25519 == pub.x25519) {
      Fail(Exit::kUsage,
           "this reviewer key is already on the roster (a removed reviewer who "
           "comes back needs a new key)");
    }
    if (!name.empty() && name != e.name) {
      Fail(Exit::kUsage,
           "this is " + e.name + "'s rotated key: give --name " + e.name + " or leave --name out");
    }
    e.x25519 = pub.x25519;
    ++e.key_epoch;
    return true;
  }
  return false;
}

}  // namespace

int RunRosterAdd(const Args& args) {
  RosterOptions r;
  std::string name, pub_arg;
  po::options_description d("roster add");
  AddRosterOptions(&d, &r);
  d.add_options()(
      "name", po::value(&name)->value_name("NAME"),
      "the reviewer's name on the roster: PUBLIC. Every visitor of the onion sees it and "
      "sources see it on replies, so give a role (\"Editor\", \"Legal team\"), not a "
      "person's name")("reviewer-public", po::value(&pub_arg)->value_name("FILE_OR_LINE"),
                       "the reviewer's public key line, or the .pub file holding it");
  ParseArgs(args, d, {},
            "dojava roster add --server URL --admin-key FILE --name NAME --reviewer-public "
            "FILE_OR_LINE [--expires-days N]");
  if (r.o.key_file.empty() || pub_arg.empty()) {
    Fail(Exit::kUsage, "--admin-key, --name and --reviewer-public are required");
  }
  const client::ReviewerPublicKeys pub = ReadReviewerPublic(pub_arg);
  crypto::Id new_id{};
  bool rotated = false;
  const crypto::v2::Roster next = ChangeRoster(r, [&](crypto::v2::Roster* roster) {
    if (RotateEncryptionKey(roster, pub, name)) {
      rotated = true;
      return;
    }
    if (name.empty()) Fail(Exit::kUsage, "--name is required for a new reviewer");
    if (FindByName(*roster, name) != nullptr)
      Fail(Exit::kUsage, "the name '" + name + "' is taken");
    crypto::v2::RosterEntry entry;
    do {
      entry.reviewer_id = crypto::RandomId();
    } while (roster->Find(entry.reviewer_id) != nullptr);
    entry.ed25519 = pub.ed25519;
    entry.x25519 = pub.x25519;
    entry.name = name;
    new_id = entry.reviewer_id;
    roster->entries.push_back(std::move(entry));
  });
  if (rotated) return 0;  // ChangeRoster showed the diff ("re-keyed")
  if (r.o.json) {
    PrintJson(json::object{
        {"reviewer_id", IdText(new_id)}, {"name", name}, {"roster_version", next.version}});
  } else {
    std::cout << "added " << name << " (reviewer id " << IdText(new_id) << "); roster version "
              << next.version << "\n"
              << "note: '" << name << "' is public: every visitor of the onion sees it and sources "
              << "see it on replies. Use a role (\"Editor\"), not a person's name.\n";
  }
  return 0;
}

int RunRosterRemove(const Args& args) {
  RosterOptions r;
  std::string name, id_text;
  po::options_description d("roster remove");
  AddRosterOptions(&d, &r);
  d.add_options()("name", po::value(&name)->value_name("NAME"), "the reviewer to remove, by name")(
      "reviewer-id", po::value(&id_text)->value_name("ID"), "or by reviewer id");
  ParseArgs(args, d, {},
            "dojava roster remove --server URL --admin-key FILE (--name NAME | --reviewer-id ID)");
  if (r.o.key_file.empty() || (name.empty() == id_text.empty())) {
    Fail(Exit::kUsage, "--admin-key and one of --name / --reviewer-id are required");
  }
  std::string removed;
  crypto::Id removed_id{};
  const crypto::v2::Roster next = ChangeRoster(r, [&](crypto::v2::Roster* roster) {
    const std::optional<crypto::Id> by_id =
        id_text.empty() ? std::nullopt
                        : std::optional<crypto::Id>(ParseIdArg(id_text, "--reviewer-id"));
    for (auto& e : roster->entries) {
      if (by_id ? e.reviewer_id != *by_id : e.name != name) continue;
      if (!e.active()) Fail(Exit::kUsage, e.name + " was removed already");
      // §6: removing is retiring; the entry stays so their signatures verify.
      e.retired_at = roster->version;
      removed = e.name;
      removed_id = e.reviewer_id;
    }
    if (removed.empty()) Fail(Exit::kNotFound, "no such reviewer on the roster");
  });
  if (r.o.json) {
    PrintJson(json::object{{"removed", IdText(removed_id)},
                           {"roster_version", next.version},
                           {"next", "reviewers: dojava rekey --retired"}});
  } else {
    std::cout << "removed " << removed << " (reviewer id " << IdText(removed_id)
              << "); roster version " << next.version
              << "\nnote: keys of cases they already opened cannot be taken back.\n"
                 "next: ask the remaining reviewers to run `dojava rekey --retired`: it moves "
                 "every case "
              << removed
              << " held to a new key, so they cannot read new messages even with a copy of the "
                 "database (PROTOCOL.md §7.3).\n";
  }
  return 0;
}

namespace {

// The bytes of a roster file (at most 1 MiB), or nullopt if it does not exist.
std::optional<Bytes> ReadRosterFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Bytes b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (b.size() > (1u << 20)) Fail(Exit::kLocalFile, path + ": too large for a roster");
  return b;
}

// The instance id a roster names (bytes 1..16 in both formats).
crypto::Id InstanceIdOf(const Bytes& roster, const std::string& path) {
  crypto::Id id{};
  if (roster.size() < 1 + id.size()) Fail(Exit::kUsage, path + " is not a roster");
  std::copy(roster.begin() + 1, roster.begin() + 1 + id.size(), id.begin());
  return id;
}

// renew without --server: sign on this machine only, write the result.
int RenewOffline(const RosterOptions& r) {
  if (r.output.empty()) Fail(Exit::kUsage, "without --server, -o FILE is required");
  FailIfExists(r.output, "-o");
  // The instance: the one the --base roster names, else the only one whose
  // roster is kept beside the key.
  std::optional<Bytes> given_bytes;
  std::string kept_path;
  if (!r.base.empty()) {
    given_bytes = ReadRosterFile(r.base);
    if (!given_bytes) Fail(Exit::kLocalFile, r.base + ": cannot read");
    kept_path = client::KeptRosterPath(r.o.key_file, InstanceIdOf(*given_bytes, r.base));
  } else {
    const std::vector<std::string> kept_all = client::KeptRosterPaths(r.o.key_file);
    if (kept_all.size() != 1) {
      Fail(Exit::kUsage,
           kept_all.empty()
               ? "no roster kept beside " + r.o.key_file + ": give --base FILE (roster fetch)"
               : "rosters of several instances are kept beside " + r.o.key_file +
                     ": give --base FILE (roster fetch) to say which");
    }
    kept_path = kept_all.front();
  }
  const std::optional<Bytes> kept_bytes = ReadRosterFile(kept_path);
  const crypto::Id id =
      kept_bytes ? InstanceIdOf(*kept_bytes, kept_path) : InstanceIdOf(*given_bytes, r.base);
  crypto::AdminKey admin = OpenAdminKey(r.o.key_file, r.o.passphrase_file);
  const auto kept = Unwrap(client::ReadKeptRoster(kept_path, admin.public_key(), id), "");
  std::optional<RosterView> given;
  if (given_bytes) {
    given =
        Unwrap(client::VerifyAnyRoster(*given_bytes, admin.public_key(), id, std::nullopt), r.base);
  }
  const RosterBase base = Unwrap(client::ChooseRosterBase(kept, given, given_bytes, id, true), "");
  const crypto::v2::Roster next =
      Unwrap(client::SuccessorOf(base, r.days, client::TodayU32()), "--expires-days");
  PrintDiff(base.roster, next);
  const Bytes signed_roster = Unwrap(client::SignSuccessor(admin, base, next, id), "signing");
  Keep(r.o.key_file, id, signed_roster);
  WriteNewFile(r.output, signed_roster, "-o");
  std::cout << "signed roster version " << next.version << " (expires " << DayText(next.expires_day)
            << ") to " << r.output << ": install it with `dojava roster install --roster-file "
            << r.output << "`\n";
  return 0;
}

}  // namespace

int RunRosterRenew(const Args& args) {
  RosterOptions r;
  po::options_description d("roster renew");
  AddRosterOptions(&d, &r);
  d.add_options()("output,o", po::value(&r.output)->value_name("FILE"),
                  "offline (no --server): write the signed roster here")(
      "base", po::value(&r.base)->value_name("FILE"),
      "offline: the roster fetched with `roster fetch`, if none is kept beside the key");
  ParseArgs(args, d, {},
            "dojava roster renew --admin-key FILE [--expires-days N] (--server URL | -o FILE "
            "[--base FILE])");
  if (r.o.key_file.empty()) Fail(Exit::kUsage, "--admin-key is required");
  if (r.o.server.empty() && r.o.onboarding.empty()) return RenewOffline(r);
  const crypto::v2::Roster next = ChangeRoster(r, [](crypto::v2::Roster*) {});
  if (r.o.json) {
    PrintJson(
        json::object{{"roster_version", next.version}, {"expires", DayText(next.expires_day)}});
  } else {
    std::cout << "renewed: roster version " << next.version << ", expires "
              << DayText(next.expires_day) << "\n";
  }
  return 0;
}

int RunRosterInstall(const Args& args) {
  RosterOptions r;
  std::string file;
  po::options_description d("roster install");
  AddRosterOptions(&d, &r);
  d.add_options()("roster-file", po::value(&file)->value_name("FILE"),
                  "the signed roster (default: the one kept beside --admin-key)");
  ParseArgs(args, d, {}, "dojava roster install --server URL --admin-key FILE [--roster-file F]");
  if (r.o.key_file.empty()) Fail(Exit::kUsage, "--admin-key is required");
  crypto::AdminKey admin = OpenAdminKey(r.o.key_file, r.o.passphrase_file);
  auto conn = OpenConnection(r.o);
  const TrustedInstance inst = FetchTrusted(*conn, r.o, &admin.public_key());
  const std::string path =
      file.empty() ? client::KeptRosterPath(r.o.key_file, inst.info.instance_id) : file;
  const std::optional<Bytes> read = ReadRosterFile(path);
  if (!read) Fail(Exit::kLocalFile, path + ": cannot read");
  const Bytes& signed_roster = *read;
  const RosterView view = Unwrap(client::VerifyAnyRoster(signed_roster, admin.public_key(),
                                                         inst.info.instance_id, client::TodayU32()),
                                 path);
  Install(*conn, admin.public_key(), inst.info.instance_id, signed_roster);
  std::cout << "installed roster version " << view.version() << "\n";
  return 0;
}

int RunRosterFetch(const Args& args) {
  CommonOptions o;
  std::string output;
  po::options_description d("roster fetch");
  AddCommonOptions(&d, kServerOpts, &o);
  d.add_options()("output,o", po::value(&output)->value_name("FILE"), "where to write it");
  ParseArgs(args, d, {}, "dojava roster fetch --server URL -o FILE");
  if (output.empty()) Fail(Exit::kUsage, "-o FILE is required");
  FailIfExists(output, "-o");
  auto conn = OpenConnection(o);
  client::TrustOptions trust = TrustOptionsFor(o, nullptr);
  trust.accept_expired_roster = true;  // fetched to be renewed
  const TrustedInstance inst = Unwrap(client::FetchTrustedInstance(*conn, trust), "");
  if (!inst.info.roster) Fail(Exit::kNotFound, "the server has no roster yet");
  WriteNewFile(output, *inst.info.roster, "-o");
  std::cout << "wrote roster version " << inst.roster->version() << " (verified) to " << output
            << "\n";
  return 0;
}

}  // namespace dojava::cli
