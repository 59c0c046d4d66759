// Reviewer commands that read: login, logout, cases, show, get, export.
#include <sodium.h>

#include <boost/json.hpp>
#include <iomanip>
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

namespace {

// At most `width` characters (code points) of `text`, "…" marking a cut.
std::string Fit(const std::string& text, size_t width) {
  size_t points = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points > width) break;
  }
  return i < text.size() ? text.substr(0, i) + "…" : text;
}

void PrintCaseTable(const ReviewerSession& s, const std::vector<CaseView>& cases,
                    const std::vector<client::CaseSummary>& summaries) {
  std::cout << std::left << "  " << std::setw(24) << "CASE" << std::setw(12) << "ACTIVE"
            << std::setw(15) << "STATUS" << std::setw(9) << "COUNTRY" << std::setw(16) << "KIND"
            << "TITLE\n";
  size_t unread = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const CaseView& v = cases[i];
    const client::CaseSummary& c = summaries[i];
    unread += c.unread ? 1 : 0;
    std::cout << (c.unread ? "* " : "  ") << std::setw(24) << IdText(v.info.case_id)
              << std::setw(12) << DayText(v.info.last_activity_day) << std::setw(15)
              << v.state.status << std::setw(9)
              << TerminalSafe(Fit(c.country.empty() ? "-" : c.country, 7)) << std::setw(16)
              << TerminalSafe(Fit(c.incident.empty() ? "-" : c.incident, 14))
              << TerminalSafe(Fit(c.title.empty() ? "(no title)" : c.title, 60)) << "\n";
    std::string extra;
    if (!v.state.labels.empty()) extra += "labels: " + LabelsText(v.state) + "  ";
    if (v.state.assignee)
      extra += "assignee: " + ReviewerName(s.roster(), *v.state.assignee) + "  ";
    if (c.files > 0) extra += std::to_string(c.files) + " file(s)  ";
    if (v.failures) extra += std::to_string(v.failures) + " unreadable";
    if (!extra.empty()) std::cout << "    " << TerminalSafe(extra) << "\n";
  }
  if (unread > 0)
    std::cout << "* " << unread << " case(s) with messages you have not read (dojava show CASE)\n";
}

}  // namespace

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
  std::vector<client::CaseSummary> summaries;
  for (const auto& v : cases) {
    const uint64_t seen = Unwrap(s.conn->state().LastSeen(v.info.case_id), "local state");
    summaries.push_back(client::Summarize(v, seen));
  }
  if (o.json) {
    json::array a(WipingStorage());
    for (size_t i = 0; i < cases.size(); ++i) {
      const CaseView& v = cases[i];
      json::object c = StateJson(s, v.state);
      c["case_id"] = IdText(v.info.case_id);
      c["created_day"] = v.info.created_day;
      c["last_activity_day"] = v.info.last_activity_day;
      c["expiry_day"] = v.info.expiry_day;
      c["messages"] = v.entries.size();
      c["unreadable"] = v.failures;
      c["title"] = summaries[i].title;
      c["country"] = summaries[i].country;
      c["incident"] = summaries[i].incident;
      c["files"] = summaries[i].files;
      c["unread"] = summaries[i].unread;
      a.emplace_back(std::move(c));
    }
    PrintJson(json::object{{"cases", std::move(a)}, {"not_granted", not_granted}});
    return 0;
  }
  PrintCaseTable(s, cases, summaries);
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
    if (!v.trust.ok()) c["untrustworthy"] = std::string(CodeName(v.trust.code()));
    if (!v.notes_problem.empty()) c["notes_key_refused"] = v.notes_problem;
    if (!v.rekey_problem.empty()) c["rekey_refused"] = v.rekey_problem;
    json::array unreadable;
    for (const auto& u : v.rekeys_unreadable) unreadable.emplace_back(u);
    if (!unreadable.empty()) c["rekeys_unreadable"] = std::move(unreadable);
    if (!v.source_key.ok()) c["source_key_refused"] = v.source_key.message();
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
  Check(client::MarkRead(s, v), "local state");
  if (!v.notes_problem.empty()) std::cerr << "dojava: " << v.notes_problem << "\n";
  for (const auto& u : v.rekeys_unreadable) std::cerr << "dojava: " << u << "\n";
  if (!v.rekey_problem.empty()) {
    std::cerr << "dojava: " << v.rekey_problem << "; nothing new is written in this case\n";
  }
  if (!v.trust.ok()) {
    // §8.4, §8.5: shown, but nothing new is written into this case.
    std::cerr << "dojava: this case is not trustworthy: " << CodeName(v.trust.code()) << ": "
              << v.trust.message() << "\n";
    return static_cast<int>(ExitFor(v.trust));
  }
  if (!v.source_key.ok()) {
    // §7.3: the case reads and takes replies; only a re-key is refused.
    std::cerr << "dojava: " << CodeName(v.source_key.code()) << ": " << v.source_key.message()
              << "; `dojava rekey` refuses this case\n";
    return static_cast<int>(ExitFor(v.source_key));
  }
  if (v.failures > 0) {
    std::cerr << "dojava: " << v.failures << " message(s) of this case could not be opened\n";
    return static_cast<int>(Exit::kIntegrity);
  }
  return 0;
}

int RunGet(const Args& args) {
  CommonOptions o;
  std::string case_arg, file_arg, output;
  bool clean = false;
  po::options_description d("get");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt | kDownloadOpt, &o);
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
  FailIfExists(output, "-o");
  auto secrets = Unwrap(crypto::FileSecrets::FromBytes(ref->key.reveal(), ref->prefix, ref->id),
                        "file reference");
  const crypto::Id file_id = ref->id;
  ApiClient& api = s.api();
  Progress progress(ref->name);
  Check(client::DownloadFile(
            api,
            [&](ApiClient& lane, uint64_t i, Bytes& record) {
              return lane.GetChunk(id, file_id, i, record);
            },
            o.download_streams, secrets, ref->chunks, ref->size, output, ref->name,
            progress.Control()),
        "download");
  std::string cleaned, clean_error;
  if (clean) {
    auto c = CleanWithMat2(output);
    if (c.ok()) {
      cleaned = *c;
    } else {
      clean_error = c.status().message();
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
  if (!clean_error.empty()) {
    Fail(Exit::kCleaning, clean_error + "; " + output + " is saved as it came, with its metadata");
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
    WriteNewFile(output, AsBytes(out), "-o");
    std::cerr << "dojava: exported " << cases.size() << " case(s) to " << output << "\n";
  }
  if (!out.empty()) sodium_memzero(out.data(), out.size());
  if (not_granted) std::cerr << "dojava: " << not_granted << " case(s) not granted to you\n";
  return 0;
}

}  // namespace dojava::cli
