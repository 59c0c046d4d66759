// `dojava rekey`: move a case to a new case key after a reviewer was
// removed (PROTOCOL §7.3, §12.4), one case or every case in which a retired
// reviewer may hold the current key (client/rekey.h). `dojava key rotate`:
// a new encryption-key epoch (§5.1, client/key_rotation.h).
#include <boost/json.hpp>
#include <iostream>

#include "base/encoding.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/local_files.h"
#include "cli/secret_input.h"
#include "cli/session.h"
#include "client/key_rotation.h"
#include "client/public_key_line.h"
#include "client/rekey.h"
#include "client/state_store.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace json = boost::json;

namespace {

int RekeyAllRetired(ReviewerSession& s, const CommonOptions& o) {
  const client::RekeyRetiredReport r = Unwrap(client::RekeyRetired(s), "");
  if (o.json) {
    json::array done, refused;
    for (const auto& [id, res] : r.rekeyed) {
      done.emplace_back(json::object{
          {"case_id", IdText(id)}, {"generation", res.generation}, {"reviewers", res.reviewers}});
    }
    for (const auto& m : r.refused) refused.emplace_back(m);
    PrintJson(json::object{{"rekeyed", std::move(done)},
                           {"not_needed", r.not_needed},
                           {"not_yours", r.not_yours},
                           {"refused", std::move(refused)}});
  } else {
    for (const auto& [id, res] : r.rekeyed) {
      std::cout << "re-keyed case " << IdText(id) << " (key generation " << res.generation
                << ", sealed to " << res.reviewers << " reviewer(s) and the source)\n";
    }
    std::cout << r.rekeyed.size() << " case(s) re-keyed; " << r.not_needed
              << " needed none (no removed reviewer holds their current key)";
    if (r.not_yours) std::cout << "; " << r.not_yours << " not granted to you";
    std::cout << "\n";
  }
  for (const auto& m : r.refused) std::cerr << "dojava: not re-keyed: " << m << "\n";
  return r.refused.empty() ? 0 : static_cast<int>(Exit::kIntegrity);
}

}  // namespace

int RunRekey(const Args& args) {
  CommonOptions o;
  std::string case_arg;
  bool retired = false;
  po::options_description d("rekey");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg), "the case (not with --retired)")(
      "retired", po::bool_switch(&retired),
      "every case you hold in which a reviewer removed from the roster may hold the key");
  po::positional_options_description p;
  p.add("case", 1);
  ParseArgs(args, d, p,
            "dojava rekey CASE --server URL --key-file FILE\n"
            "       dojava rekey --retired --server URL --key-file FILE");
  if (retired == !case_arg.empty()) Fail(Exit::kUsage, "give CASE or --retired (one of them)");
  ReviewerSession s = StartReviewerSession(o);
  if (retired) return RekeyAllRetired(s, o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  const client::RekeyResult r = Unwrap(client::RekeyCase(s, id), "");
  if (o.json) {
    PrintJson(json::object{
        {"case_id", IdText(id)}, {"generation", r.generation}, {"reviewers", r.reviewers}});
  } else {
    std::cout << "re-keyed case " << IdText(id) << " (key generation " << r.generation
              << ", sealed to " << r.reviewers << " reviewer(s) and the source): new messages "
              << "are written under the new key\n";
  }
  return 0;
}

int RunKeyRotate(const Args& args) {
  CommonOptions o;
  uint32_t mib = 256;
  po::options_description d("key rotate");
  d.add_options()("key-file", po::value(&o.key_file)->value_name("FILE"), "your reviewer key file")(
      "passphrase-file", po::value(&o.passphrase_file)->value_name("FILE"),
      "read its passphrase from FILE (mode 0600); the new key file gets the same one")(
      "kdf-memory-mib", po::value(&mib)->default_value(256)->value_name("MIB"),
      "Argon2id memory for the new key file (8..1024)")("json", po::bool_switch(&o.json),
                                                        "print JSON");
  ParseArgs(args, d, {}, "dojava key rotate --key-file FILE [--passphrase-file FILE]");
  if (o.key_file.empty()) Fail(Exit::kUsage, "--key-file is required");
  if (mib < 8 || mib > 1024) Fail(Exit::kUsage, "--kdf-memory-mib must be 8..1024");
  const SecretBytes seed =
      OpenKeySeedNow(o.key_file, o.passphrase_file, protocol::kKeyKindReviewer);
  const crypto::ReviewerKey key = Unwrap(crypto::ReviewerKey::FromSeed(seed), "reviewer key");
  const SecretBytes pass = Unwrap(ReadPassphrase(o.passphrase_file, false), "passphrase");
  crypto::KeyFileParams params;
  params.mem_kib = mib * 1024;
  const client::EpochKey next = Unwrap(client::CreateEpochKey(o.key_file, pass, params), "");
  const std::string line = client::FormatPublicKeyLine({key.ed25519_public(), next.public_key});
  // §5.4: the .pub file carries the newest epoch's key.
  Check(client::WriteFileAtomic(o.key_file + ".pub", AsBytes(line + "\n"), /*overwrite=*/true),
        o.key_file + ".pub");
  if (o.json) {
    PrintJson(
        json::object{{"epoch", next.epoch}, {"key_file", next.path}, {"public_key_line", line}});
  } else {
    std::cout << line << "\n";
    std::cerr << "dojava: new encryption key (epoch " << next.epoch << ") in " << next.path
              << "; give the line above (also in " << o.key_file << ".pub) to your admin, who "
              << "runs `dojava roster add --reviewer-public LINE`. Once the roster names it, "
              << "your next command seals the case keys you hold to it and destroys the old "
              << "key.\n";
  }
  return 0;
}

}  // namespace dojava::cli
