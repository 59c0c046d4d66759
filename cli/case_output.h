// What the reviewer commands share: opening a case or failing, reviewers
// named on the command line, the case filter options, and the printing of
// case state and entries (human text and --json).
#ifndef DOJAVA_CLI_CASE_OUTPUT_H_
#define DOJAVA_CLI_CASE_OUTPUT_H_

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_options.h"
#include "cli/session.h"
#include "client/case_view.h"
#include "client/reviewer_actions.h"

namespace dojava::cli {

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

// client::OpenCase, or Fail with its exit code.
CaseView OpenCaseOrFail(ReviewerSession& s, const crypto::Id& id);
// client::FindReviewer ("me", a name, a name's unique start, an id), or Fail.
const client::ReviewerEntry& FindReviewerArg(ReviewerSession& s, const std::string& who);

std::string LabelsText(const CaseState& st);
boost::json::object StateJson(const ReviewerSession& s, const CaseState& st);
boost::json::object EntryJson(const CaseEntry& e);
// A string field of a body object ("" if absent).
std::string BodyText(const boost::json::value& body, std::string_view field);
// Prints one entry of `show`, numbering its files from *file_no + 1.
void PrintEntry(const ReviewerSession* s, const CaseEntry& e, size_t* file_no);

// Resolves CASE, posts `event` (client::PostNotesEvent) and prints `done`.
void PostNotesEvent(ReviewerSession& s, const CommonOptions& o, const std::string& case_arg,
                    const boost::json::object& event, const std::string& done);

// --status --label --assignee --since
struct CaseFilterArgs {
  std::string status, label, assignee, since;
  void Add(po::options_description* d);
};

// Every case the filter accepts, opened. Cases not granted to this reviewer
// are skipped with a count.
std::vector<CaseView> MatchingCases(ReviewerSession& s, const CaseFilterArgs& a,
                                    size_t* not_granted);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_CASE_OUTPUT_H_
