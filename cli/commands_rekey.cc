// `dojava rekey`: move a case to a new case key after a reviewer was
// removed (PROTOCOL §7.3, §12.4), one case or every case in which a retired
// reviewer may hold the current key. The work is client/rekey.h.
#include <boost/json.hpp>
#include <iostream>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "client/rekey.h"

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

}  // namespace dojava::cli
