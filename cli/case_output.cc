#include "cli/case_output.h"

#include <iostream>

#include "base/encoding.h"
#include "cli/text_input.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace json = boost::json;

CaseView OpenCaseOrFail(ReviewerSession& s, const crypto::Id& id) {
  return Unwrap(client::OpenCase(s, id), "");
}

const client::ReviewerEntry& FindReviewerArg(ReviewerSession& s, const std::string& who) {
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

// " +added -removed" of a labels event.
std::string LabelChanges(const json::value& body) {
  std::string r;
  for (const char* key : {"add", "remove"}) {
    auto it = body.as_object().find(key);
    if (it == body.as_object().end() || !it->value().is_array()) continue;
    for (const auto& l : it->value().as_array()) {
      if (l.is_string()) r += std::string(key[0] == 'a' ? " +" : " -") + std::string(l.as_string());
    }
  }
  return r;
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
    // A record that opened but failed §8.4 (reordered, retired_author...)
    // is not accepted; its content is not shown as part of the case.
    std::cout << (e.type.empty() ? "[cannot open] " : "[not accepted] ") << e.error << "\n";
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
    std::cout << "labels" << TerminalSafe(LabelChanges(e.body)) << "\n";
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

void CaseFilterArgs::Add(po::options_description* d) {
  d->add_options()("status", po::value(&status)->value_name("STATUS"),
                   "only cases with this status")("label", po::value(&label)->value_name("LABEL"),
                                                  "only cases with this label")(
      "assignee", po::value(&assignee)->value_name("WHO"),
      "only cases assigned to WHO (a name, an id, 'me' or 'none')")(
      "since", po::value(&since)->value_name("YYYY-MM-DD"), "only cases active since");
}

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

}  // namespace dojava::cli
