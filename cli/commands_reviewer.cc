// Reviewer commands: login, logout, cases, show, reply, get, status, label,
// assign, note, grant, delete, export.
#include <sodium.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "base/encoding.h"
#include "base/utf8.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/session.h"
#include "cli/text_input.h"
#include "client/case_view.h"
#include "client/reviewer_actions.h"
#include "client/state_store.h"
#include "client/transfer.h"
#include "crypto/protocol_constants.h"

extern char** environ;

namespace dojava::cli {
namespace json = boost::json;

namespace {

using client::ApiClient;
using client::Attachments;
using client::BodyForOutput;
using client::CaseEntry;
using client::CaseState;
using client::CaseView;
using client::CsvField;
using client::FileRef;
using client::IsKnownStatus;
using client::ReviewerName;
using client::WipingStorage;
using client::WriteFileAtomic;

CaseView OpenCaseOrFail(ReviewerSession& s, const crypto::Id& id) {
  return Unwrap(client::OpenCase(s, id), "");
}

const crypto::RosterEntry& FindReviewerArg(ReviewerSession& s, const std::string& who) {
  return *Unwrap(client::FindReviewer(s, who), "");
}

std::string LabelsText(const CaseState& st) {
  std::string r;
  for (const auto& l : st.labels) r += (r.empty() ? "" : ",") + l;
  return r.empty() ? "-" : r;
}

json::object StateJson(const ReviewerSession& s, const CaseState& st) {
  json::object o(WipingStorage());
  o["status"] = st.status;
  json::array labels(WipingStorage());
  for (const auto& l : st.labels) labels.emplace_back(l);
  o["labels"] = std::move(labels);
  if (st.assignee) {
    o["assignee"] = IdText(*st.assignee);
    o["assignee_name"] = ReviewerName(s.roster(), *st.assignee);
  } else {
    o["assignee"] = nullptr;
  }
  return o;
}

json::object EntryJson(const CaseEntry& e) {
  json::object o(WipingStorage());
  o["seq"] = e.seq;
  o["day"] = e.day;
  o["date"] = DayText(e.day);
  o["kind"] = e.kind == protocol::kKindNotes ? "notes" : "conversation";
  if (!e.error.empty()) {
    o["error"] = e.error;
    return o;
  }
  o["author"] = e.author;
  if (!e.from_source) o["reviewer_id"] = IdText(e.reviewer_id);
  o["body"] = BodyForOutput(e);
  return o;
}

std::string BodyText(const json::value& body, std::string_view field) {
  if (!body.is_object()) return "";
  auto it = body.as_object().find(field);
  if (it == body.as_object().end() || !it->value().is_string()) return "";
  return std::string(it->value().as_string());
}

void PrintEntry(const ReviewerSession* s, const CaseEntry& e, size_t* file_no) {
  std::cout << "--- #" << e.seq << "  " << DayText(e.day) << "  ";
  if (!e.error.empty()) {
    std::cout << "[cannot open] " << e.error << "\n";
    return;
  }
  std::cout << TerminalSafe(e.author) << (e.kind == protocol::kKindNotes ? "  (notes)" : "")
            << "\n";
  const json::object& o = e.body.as_object();
  if (e.type == "report") {
    if (auto it = o.find("form"); it != o.end() && it->value().is_object()) {
      for (const auto& kv : it->value().as_object()) {
        if (kv.value().is_string()) {
          std::cout << "  " << TerminalSafe(kv.key()) << ": "
                    << TerminalSafe(kv.value().as_string()) << "\n";
        }
      }
    }
    std::cout << TerminalSafe(BodyText(e.body, "text")) << "\n";
  } else if (e.type == "message" || e.type == "note") {
    std::cout << (e.type == "note" ? "note: " : "") << TerminalSafe(BodyText(e.body, "text"))
              << "\n";
  } else if (e.type == "status") {
    std::cout << "status -> " << TerminalSafe(BodyText(e.body, "status")) << "\n";
  } else if (e.type == "labels") {
    std::cout << "labels " << TerminalSafe(json::serialize(e.body)) << "\n";
  } else if (e.type == "assign") {
    auto it = o.find("reviewer");
    std::string who = "nobody";
    if (it != o.end() && it->value().is_string() && s != nullptr) {
      auto id = Base64UrlDecodeFixed<16>(std::string_view(it->value().as_string()));
      who = id.ok() ? ReviewerName(s->roster(), *id) : "?";
    }
    std::cout << "assigned to " << TerminalSafe(who) << "\n";
  } else {
    std::cout << "(unsupported message type '" << TerminalSafe(e.type) << "')\n";
  }
  for (const auto& f : e.files) {
    std::cout << "  [" << ++*file_no << "] " << TerminalSafe(f.name) << "  " << f.size << " bytes  "
              << TerminalSafe(f.mime) << "\n";
  }
}

void PostNotesEvent(ReviewerSession& s, const CommonOptions& o, const std::string& case_arg,
                    const json::object& event, const std::string& done) {
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  const uint64_t seq = Unwrap(client::PostNotesEvent(s, id, event), "");
  if (o.json) {
    PrintJson(json::object{{"case_id", IdText(id)}, {"seq", seq}});
  } else {
    std::cout << done << " (case " << IdText(id) << ", #" << seq << ")\n";
  }
}

struct CaseFilterArgs {
  std::string status, label, assignee, since;
  void Add(po::options_description* d) {
    d->add_options()("status", po::value(&status)->value_name("STATUS"),
                     "only cases with this status")("label", po::value(&label)->value_name("LABEL"),
                                                    "only cases with this label")(
        "assignee", po::value(&assignee)->value_name("WHO"),
        "only cases assigned to WHO (a name, an id, 'me' or 'none')")(
        "since", po::value(&since)->value_name("YYYY-MM-DD"), "only cases active since");
  }
};

// Every case the filter accepts, opened. Cases not granted to this reviewer
// are skipped with a count.
std::vector<CaseView> MatchingCases(ReviewerSession& s, const CaseFilterArgs& a,
                                    size_t* not_granted) {
  client::CaseFilter f;
  f.status = a.status;
  f.label = a.label;
  f.assignee = a.assignee;
  if (!a.since.empty()) f.since_day = Unwrap(client::ParseDay(a.since), "--since");
  return Unwrap(client::OpenCases(s, f, not_granted), "");
}

}  // namespace

int RunLogin(const Args& args) {
  CommonOptions o;
  po::options_description d("login");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  ParseArgs(args, d, {}, "dojava login --server URL --key-file FILE [--passphrase-file FILE]");
  ReviewerSession s = OpenReviewer(o);
  Check(client::LoginAndSave(s), "");
  if (o.json) {
    PrintJson(json::object{{"reviewer_id", IdText(s.me->id)}, {"name", s.me->name}});
  } else {
    std::cout << "logged in to " << s.inst.info.name << " as " << s.me->name << "\n";
  }
  return 0;
}

int RunLogout(const Args& args) {
  CommonOptions o;
  po::options_description d("logout");
  // --key-file is accepted (and unused) so scripts can pass the same options everywhere.
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  ParseArgs(args, d, {}, "dojava logout --server URL");
  auto conn = OpenConnection(o);
  auto token = Unwrap(conn->state().Token(), "local state");
  bool told_server = false;
  if (token) {
    conn->api().SetToken(*token);
    Status s = conn->api().Logout();
    told_server = s.ok();
    if (!s.ok() && s.code() != Code::kPermissionDenied) {
      std::cerr << "dojava: could not tell the server (" << s.message()
                << "); the token is removed here anyway\n";
    }
  }
  Check(conn->state().RemoveToken(), "removing the token");
  if (o.json) {
    PrintJson(json::object{{"logged_out", true}, {"server_notified", told_server}});
  } else {
    std::cout << (token ? "logged out\n" : "not logged in\n");
  }
  return 0;
}

int RunCases(const Args& args) {
  CommonOptions o;
  CaseFilterArgs f;
  po::options_description d("cases");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  f.Add(&d);
  ParseArgs(args, d, {}, "dojava cases --server URL --key-file FILE [filters] [--json]");
  ReviewerSession s = StartReviewerSession(o);
  size_t not_granted = 0;
  std::vector<CaseView> cases = MatchingCases(s, f, &not_granted);
  if (o.json) {
    json::array a(WipingStorage());
    for (const auto& v : cases) {
      json::object c = StateJson(s, v.state);
      c["case_id"] = IdText(v.info.case_id);
      c["created_day"] = v.info.created_day;
      c["last_activity_day"] = v.info.last_activity_day;
      c["expiry_day"] = v.info.expiry_day;
      c["messages"] = v.entries.size();
      c["unreadable"] = v.failures;
      a.emplace_back(std::move(c));
    }
    PrintJson(json::object{{"cases", std::move(a)}, {"not_granted", not_granted}});
    return 0;
  }
  std::cout << std::left << std::setw(24) << "CASE" << std::setw(12) << "CREATED" << std::setw(12)
            << "ACTIVE" << std::setw(15) << "STATUS" << std::setw(20) << "LABELS"
            << "ASSIGNEE\n";
  for (const auto& v : cases) {
    std::cout << std::setw(24) << IdText(v.info.case_id) << std::setw(12)
              << DayText(v.info.created_day) << std::setw(12) << DayText(v.info.last_activity_day)
              << std::setw(15) << v.state.status << std::setw(20)
              << TerminalSafe(LabelsText(v.state))
              << (v.state.assignee ? TerminalSafe(ReviewerName(s.roster(), *v.state.assignee))
                                   : "-")
              << (v.failures ? "  (" + std::to_string(v.failures) + " unreadable)" : "") << "\n";
  }
  if (not_granted) std::cout << not_granted << " case(s) not granted to you\n";
  return 0;
}

int RunShow(const Args& args) {
  CommonOptions o;
  std::string case_arg;
  po::options_description d("show");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case");
  po::positional_options_description p;
  p.add("case", 1);
  ParseArgs(args, d, p, "dojava show CASE --server URL --key-file FILE [--json]");
  ReviewerSession s = StartReviewerSession(o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  CaseView v = OpenCaseOrFail(s, id);
  if (o.json) {
    json::object c = StateJson(s, v.state);
    c["case_id"] = IdText(id);
    c["created_day"] = v.info.created_day;
    c["last_activity_day"] = v.info.last_activity_day;
    json::array entries(WipingStorage());
    for (const auto& e : v.entries) entries.emplace_back(EntryJson(e));
    c["messages"] = std::move(entries);
    json::array files(WipingStorage());
    size_t n = 0;
    for (const auto& [e, f] : Attachments(v)) {
      files.emplace_back(json::object{{"number", ++n},
                                      {"seq", e->seq},
                                      {"file_id", IdText(f->id)},
                                      {"name", f->name},
                                      {"size", f->size},
                                      {"mime", f->mime}});
    }
    c["files"] = std::move(files);
    PrintJson(c);
  } else {
    std::cout << "case " << IdText(id) << "  created " << DayText(v.info.created_day) << "  active "
              << DayText(v.info.last_activity_day) << "  expires " << DayText(v.info.expiry_day)
              << "\nstatus: " << v.state.status << "  labels: " << TerminalSafe(LabelsText(v.state))
              << "  assignee: "
              << (v.state.assignee ? TerminalSafe(ReviewerName(s.roster(), *v.state.assignee))
                                   : "-")
              << "\n";
    size_t file_no = 0;
    for (const auto& e : v.entries) PrintEntry(&s, e, &file_no);
  }
  if (v.failures > 0) {
    std::cerr << "dojava: " << v.failures << " message(s) of this case could not be opened\n";
    return static_cast<int>(Exit::kIntegrity);
  }
  return 0;
}

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
  ParseArgs(args, d, p,
            "dojava reply CASE [TEXT] [--text-file FILE] [--attach PATH]... --server URL "
            "--key-file FILE   (no TEXT and no --text-file: $EDITOR)");
  SecretBytes body_text = Unwrap(ReadMessageText(text, text_file, true), "reply");
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

int RunGet(const Args& args) {
  CommonOptions o;
  std::string case_arg, file_arg, output;
  bool clean = false;
  po::options_description d("get");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "file", po::value(&file_arg)->required(), "the attachment: its number in `show`, id or name")(
      "output,o", po::value(&output)->value_name("PATH"), "where to write it (default: its name)")(
      "clean", po::bool_switch(&clean), "also write a metadata-stripped copy with mat2");
  po::positional_options_description p;
  p.add("case", 1).add("file", 1);
  ParseArgs(args, d, p, "dojava get CASE FILE [-o PATH] [--clean] --server URL --key-file FILE");
  ReviewerSession s = StartReviewerSession(o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  CaseView v = OpenCaseOrFail(s, id);
  const auto all = Attachments(v);
  const FileRef* ref = nullptr;
  if (!file_arg.empty() && file_arg.find_first_not_of("0123456789") == std::string::npos) {
    const size_t n = std::stoul(file_arg);
    if (n >= 1 && n <= all.size()) ref = all[n - 1].second;
  }
  for (const auto& [e, f] : all) {
    if (ref) break;
    if (IdText(f->id) == file_arg || f->name == file_arg) ref = f;
  }
  if (!ref) Fail(Exit::kNotFound, "no attachment '" + file_arg + "' in case " + IdText(id));
  if (output.empty()) output = ref->name;
  auto secrets = Unwrap(crypto::FileSecrets::FromBytes(ref->key.reveal(), ref->prefix, ref->id),
                        "file reference");
  const crypto::Id file_id = ref->id;
  ApiClient& api = s.api();
  Progress progress(ref->name);
  Check(client::DownloadFile([&](uint64_t i) { return api.GetChunk(id, file_id, i); }, secrets,
                             ref->chunks, ref->size, output, ref->name, progress.Control()),
        "download");
  std::string cleaned;
  if (clean) {
    char* argv[] = {const_cast<char*>("mat2"), const_cast<char*>("--"),
                    const_cast<char*>(output.c_str()), nullptr};
    pid_t pid;
    int status = 0;
    if (::posix_spawnp(&pid, "mat2", nullptr, nullptr, argv, environ) != 0) {
      std::cerr << "dojava: mat2 is not installed (apt install mat2); kept only " << output << "\n";
    } else {
      ::waitpid(pid, &status, 0);
      const size_t dot = output.rfind('.');
      cleaned = dot == std::string::npos || dot < output.rfind('/') + 1
                    ? output + ".cleaned"
                    : output.substr(0, dot) + ".cleaned" + output.substr(dot);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::cerr << "dojava: mat2 could not clean " << output << " (format not supported?)\n";
        cleaned.clear();
      }
    }
  }
  if (o.json) {
    json::object r{{"path", output}, {"size", ref->size}};
    if (!cleaned.empty()) r["cleaned_path"] = cleaned;
    PrintJson(r);
  } else {
    std::cout << "saved " << output << " (" << ref->size << " bytes, verified)\n";
    if (!cleaned.empty()) std::cout << "metadata-stripped copy: " << cleaned << "\n";
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
  if (!IsKnownStatus(status)) Fail(Exit::kUsage, "unknown status '" + status + "'");
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
    const crypto::RosterEntry& e = FindReviewerArg(s, who);
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
  ParseArgs(args, d, p, "dojava note CASE [TEXT | --text-file FILE] --server URL --key-file F");
  SecretBytes note = Unwrap(ReadMessageText(text, text_file, true), "note");
  ReviewerSession s = StartReviewerSession(o);
  json::object ev(WipingStorage());
  ev["type"] = "note";
  ev["text"] = note.reveal_chars();
  PostNotesEvent(s, o, case_arg, ev, "note added");
  return 0;
}

int RunGrant(const Args& args) {
  CommonOptions o;
  std::string case_arg, who;
  po::options_description d("grant");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "the case")(
      "reviewer", po::value(&who)->required(), "the colleague: a roster name or id");
  po::positional_options_description p;
  p.add("case", 1).add("reviewer", 1);
  ParseArgs(args, d, p, "dojava grant CASE REVIEWER --server URL --key-file FILE");
  ReviewerSession s = StartReviewerSession(o);
  const crypto::Id id = ResolveCaseArg(s, case_arg);
  const crypto::RosterEntry& target = FindReviewerArg(s, who);
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
  Status st = s.api().DeleteCase(id);
  if (st.code() == Code::kNotFound) Fail(Exit::kNotFound, "case not found: " + IdText(id));
  Check(st, "delete");
  if (o.json) {
    PrintJson(json::object{{"deleted", IdText(id)}});
  } else {
    std::cout << "deleted case " << IdText(id) << "\n";
  }
  return 0;
}

int RunExport(const Args& args) {
  CommonOptions o;
  CaseFilterArgs f;
  std::string format = "json", output;
  po::options_description d("export");
  AddCommonOptions(&d, kServerOpts | kKeyOpts, &o);
  f.Add(&d);
  d.add_options()("format", po::value(&format), "json (default) or csv")(
      "output,o", po::value(&output)->value_name("FILE"),
      "write to FILE (created 0600; must not exist) instead of standard output");
  ParseArgs(args, d, {},
            "dojava export [--format json|csv] [filters] [-o FILE] --server URL --key-file F");
  if (format != "json" && format != "csv") Fail(Exit::kUsage, "--format is json or csv");
  ReviewerSession s = StartReviewerSession(o);
  size_t not_granted = 0;
  std::vector<CaseView> cases = MatchingCases(s, f, &not_granted);
  std::string out;
  const char* kFormFields[] = {"country", "incident", "when", "responsible", "title"};
  if (format == "json") {
    json::array a(WipingStorage());
    for (const auto& v : cases) {
      json::object c = StateJson(s, v.state);
      c["case_id"] = IdText(v.info.case_id);
      c["created"] = DayText(v.info.created_day);
      c["last_activity"] = DayText(v.info.last_activity_day);
      json::array msgs(WipingStorage());
      for (const auto& e : v.entries) msgs.emplace_back(EntryJson(e));
      c["messages"] = std::move(msgs);
      a.emplace_back(std::move(c));
    }
    out = json::serialize(a) + "\n";
  } else {
    out = "case_id,created,last_activity,status,labels,assignee";
    for (const char* k : kFormFields) out += std::string(",") + k;
    out += ",text,messages\r\n";
    for (const auto& v : cases) {
      const CaseEntry* report = nullptr;
      for (const auto& e : v.entries) {
        if (e.error.empty() && e.type == "report") {
          report = &e;
          break;
        }
      }
      std::string labels;
      for (const auto& l : v.state.labels) labels += (labels.empty() ? "" : ";") + l;
      out += CsvField(IdText(v.info.case_id)) + "," + CsvField(DayText(v.info.created_day)) + "," +
             CsvField(DayText(v.info.last_activity_day)) + "," + CsvField(v.state.status) + "," +
             CsvField(labels) + "," +
             CsvField(v.state.assignee ? ReviewerName(s.roster(), *v.state.assignee) : "");
      for (const char* k : kFormFields) {
        std::string val;
        if (report) {
          const json::object& b = report->body.as_object();
          if (auto it = b.find("form"); it != b.end() && it->value().is_object()) {
            val = BodyText(it->value(), k);
          }
        }
        out += "," + CsvField(val);
      }
      out += "," + CsvField(report ? BodyText(report->body, "text") : "") + "," +
             std::to_string(v.entries.size()) + "\r\n";
    }
  }
  if (output.empty()) {
    std::cout << out;
  } else {
    Check(WriteFileAtomic(output, AsBytes(out), false), output);
    std::cerr << "dojava: exported " << cases.size() << " case(s) to " << output << "\n";
  }
  if (!out.empty()) sodium_memzero(out.data(), out.size());
  if (not_granted) std::cerr << "dojava: " << not_granted << " case(s) not granted to you\n";
  return 0;
}

}  // namespace dojava::cli
