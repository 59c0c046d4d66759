// Reviewer commands that change a case: reply, status, label, assign, note,
// grant, delete.
#include <boost/json.hpp>
#include <iostream>

#include "base/utf8.h"
#include "cli/case_output.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/local_files.h"
#include "cli/progress.h"
#include "cli/session.h"
#include "cli/text_input.h"
#include "client/case_summary.h"
#include "client/case_view.h"
#include "client/reviewer_actions.h"
#include "client/transfer.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace json = boost::json;

int RunReply(const Args& args) {
  CommonOptions o;
  std::string case_arg, text, text_file;
  std::vector<std::string> attach;
  po::options_description d("reply");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt | kUploadOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "text", po::value(&text), "the reply text")("text-file",
                                                  po::value(&text_file)->value_name("FILE"),
                                                  "read the text from FILE ('-': stdin)")(
      "attach", po::value(&attach)->value_name("PATH"), "attach a file (repeatable)");
  po::positional_options_description p;
  p.add("case", 1).add("text", 1);
  const po::variables_map vm =
      ParseArgs(args, d, p,
                "dojava reply CASE [TEXT] [--text-file FILE] [--attach PATH]... --server URL "
                "--key-file FILE   (no TEXT and no --text-file: $EDITOR on a terminal)");
  SecretBytes body_text =
      ReadMessageTextOrFail(text, vm.count("text") > 0, text_file, true, "reply");
  ReviewerSession s = StartReviewerSession(o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  CaseView v = OpenCaseOrFail(s, id);
  // Before uploading anything: a swapped case key would make the files the server's.
  Check(client::CheckSafeToEncrypt(v.entries), "case " + IdText(id));
  std::vector<client::UploadedFile> files;
  for (const auto& path : attach) files.push_back(UploadOrFail(s.api(), path, s.inst.info, o));
  const uint64_t seq = Unwrap(client::PostReply(s, v, body_text, files), "");
  if (o.json) {
    PrintJson(json::object{{"case_id", IdText(id)}, {"seq", seq}});
  } else {
    std::cout << "reply sent (case " << IdText(id) << ", #" << seq << ")\n";
  }
  return 0;
}

int RunStatus(const Args& args) {
  CommonOptions o;
  std::string case_arg, status;
  po::options_description d("status");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "status", po::value(&status)->required(),
      "new, triage, investigating, verified, published or closed");
  po::positional_options_description p;
  p.add("case", 1).add("status", 1);
  ParseArgs(args, d, p, "dojava status CASE STATUS --server URL --key-file FILE");
  if (!IsKnownStatus(status)) {
    Fail(Exit::kUsage, "unknown status '" + status +
                           "': one of new, triage, investigating, verified, published, closed");
  }
  ReviewerSession s = StartReviewerSession(o);
  json::object ev(WipingStorage());
  ev["type"] = "status";
  ev["status"] = status;
  PostNotesEvent(s, o, case_arg, ev, "status set to " + status);
  return 0;
}

int RunLabel(const Args& args) {
  CommonOptions o;
  std::string case_arg;
  std::vector<std::string> add, remove;
  po::options_description d("label");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "add", po::value(&add)->value_name("LABEL"), "add a label (repeatable)")(
      "remove", po::value(&remove)->value_name("LABEL"), "remove a label (repeatable)");
  po::positional_options_description p;
  p.add("case", 1);
  ParseArgs(args, d, p, "dojava label CASE [--add L]... [--remove L]... --server URL --key-file F");
  if (add.empty() && remove.empty()) Fail(Exit::kUsage, "give --add or --remove");
  for (const auto& l : add) {
    if (l.empty() || l.size() > 64 || !IsValidUtf8(AsBytes(l))) Fail(Exit::kUsage, "bad label");
  }
  ReviewerSession s = StartReviewerSession(o);
  json::object ev(WipingStorage());
  ev["type"] = "labels";
  json::array a(WipingStorage()), r(WipingStorage());
  for (const auto& l : add) a.emplace_back(l);
  for (const auto& l : remove) r.emplace_back(l);
  ev["add"] = std::move(a);
  ev["remove"] = std::move(r);
  PostNotesEvent(s, o, case_arg, ev, "labels updated");
  return 0;
}

int RunAssign(const Args& args) {
  CommonOptions o;
  std::string case_arg, who;
  po::options_description d("assign");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "who", po::value(&who)->required(), "a reviewer name or id, 'me' or 'none'");
  po::positional_options_description p;
  p.add("case", 1).add("who", 1);
  ParseArgs(args, d, p, "dojava assign CASE WHO --server URL --key-file FILE");
  ReviewerSession s = StartReviewerSession(o);
  json::object ev(WipingStorage());
  ev["type"] = "assign";
  std::string done = "unassigned";
  if (who == "none") {
    ev["reviewer"] = nullptr;
  } else {
    const client::ReviewerEntry& e = FindReviewerArg(s, who);
    ev["reviewer"] = IdText(e.reviewer_id);
    done = "assigned to " + e.name;
  }
  PostNotesEvent(s, o, case_arg, ev, done);
  return 0;
}

int RunNote(const Args& args) {
  CommonOptions o;
  std::string case_arg, text, text_file;
  po::options_description d("note");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "text", po::value(&text), "the note")("text-file", po::value(&text_file)->value_name("FILE"),
                                            "read the note from FILE ('-': stdin)");
  po::positional_options_description p;
  p.add("case", 1).add("text", 1);
  const po::variables_map vm =
      ParseArgs(args, d, p, "dojava note CASE [TEXT | --text-file FILE] --server URL --key-file F");
  SecretBytes note = ReadMessageTextOrFail(text, vm.count("text") > 0, text_file, true, "note");
  ReviewerSession s = StartReviewerSession(o);
  json::object ev(WipingStorage());
  ev["type"] = "note";
  ev["text"] = note.reveal_chars();
  PostNotesEvent(s, o, case_arg, ev, "note added");
  return 0;
}

namespace {

std::string RefusalText(const client::GrantRefusal& m) {
  return "case " + IdText(m.case_id) + ": " + m.why.message();
}

// grant --all REVIEWER: every case this reviewer holds.
int GrantAllCases(ReviewerSession& s, const CommonOptions& o, const client::ReviewerEntry& target) {
  const client::GrantAllReport r = Unwrap(client::GrantAll(s, target), "");
  if (o.json) {
    json::array refused;
    for (const auto& m : r.refused) refused.emplace_back(RefusalText(m));
    PrintJson(json::object{{"reviewer_id", IdText(target.reviewer_id)},
                           {"granted", r.granted},
                           {"already", r.already},
                           {"not_yours", r.not_yours},
                           {"refused", std::move(refused)}});
  } else {
    std::cout << "granted " << r.granted << " case(s) to " << TerminalSafe(target.name) << "; "
              << r.already << " they had already";
    if (r.not_yours) std::cout << "; " << r.not_yours << " not granted to you (ask who holds them)";
    std::cout << "\n";
  }
  for (const auto& m : r.refused) std::cerr << "dojava: not granted: " << RefusalText(m) << "\n";
  return r.refused.empty() ? 0 : static_cast<int>(Exit::kIntegrity);
}

}  // namespace

int RunGrant(const Args& args) {
  CommonOptions o;
  std::string first, second;
  bool all = false;
  po::options_description d("grant");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&first), "the case (not with --all)")(
      "reviewer", po::value(&second), "the colleague: a roster name (or its start) or id")(
      "all", po::bool_switch(&all), "every case you hold (a colleague who just joined)");
  po::positional_options_description p;
  p.add("case", 1).add("reviewer", 1);
  ParseArgs(args, d, p,
            "dojava grant CASE REVIEWER --server URL --key-file FILE\n"
            "       dojava grant --all REVIEWER --server URL --key-file FILE");
  // With --all the one positional word is the reviewer.
  if (all && !second.empty()) Fail(Exit::kUsage, "--all takes REVIEWER only, no CASE");
  const std::string case_arg = all ? "" : first;
  const std::string who = all ? first : second;
  if (who.empty()) Fail(Exit::kUsage, all ? "--all needs REVIEWER" : "give CASE and REVIEWER");
  ReviewerSession s = StartReviewerSession(o);
  const client::ReviewerEntry& target = FindReviewerArg(s, who);
  if (all) return GrantAllCases(s, o, target);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  CaseView v = OpenCaseOrFail(s, id);
  const size_t added = Unwrap(client::GrantCase(s, v, target), "");
  const std::string target_id = IdText(target.reviewer_id);
  if (o.json) {
    PrintJson(
        json::object{{"case_id", IdText(id)}, {"reviewer_id", target_id}, {"keys_added", added}});
  } else if (added == 0) {
    std::cout << target.name << " already has access to case " << IdText(id) << "\n";
  } else {
    std::cout << "granted case " << IdText(id) << " to " << target.name << "\n";
  }
  return 0;
}

int RunDelete(const Args& args) {
  CommonOptions o;
  std::string case_arg;
  bool yes = false;
  po::options_description d("delete");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "yes", po::bool_switch(&yes), "confirm: the case is deleted for good");
  po::positional_options_description p;
  p.add("case", 1);
  ParseArgs(args, d, p, "dojava delete CASE --yes --server URL --key-file FILE");
  if (!yes) Fail(Exit::kUsage, "deleting a case cannot be undone: add --yes");
  ReviewerSession s = StartReviewerSession(o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  Status st = client::DeleteCase(s, id);
  if (st.code() == Code::kNotFound) Fail(Exit::kNotFound, "case not found: " + IdText(id));
  Check(st, "delete");
  if (o.json) {
    PrintJson(json::object{{"deleted", IdText(id)}});
  } else {
    std::cout << "deleted case " << IdText(id) << "\n";
  }
  return 0;
}

}  // namespace dojava::cli
