// The typed source writes of ApiService (case_intake.h): case creation and
// follow-ups, shared by the JSON routes (source_routes.cc) and the
// no-JavaScript pages, and the append shared with reviewer replies.
#include <set>
#include <shared_mutex>

#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "service/api/api_service.h"

namespace dojava::api {

IntakeResult ApiService::CreateCase(const NewCaseRequest& request) {
  auto refuse = [](ApiError e) { return IntakeResult{e, 0}; };
  if (request.lookup_key.size() != protocol::kKeySize) return refuse(ApiError::kBadRequest);
  if (Status record = CheckRecord(request.first_message, request.case_id,
                                  {protocol::kKindConversation}, nullptr);
      !record.ok()) {
    return refuse(RecordError(record));
  }
  // Keys: one CK for the source, one CK for every reviewer of the roster,
  // nothing else. A notes key here is a client error, not a roster change.
  bool source_key = false;
  std::set<crypto::Id> reviewers;
  for (const service::SealedKey& k : request.keys) {
    if (k.role != service::Role::kCaseKey) return refuse(ApiError::kBadRequest);
    if (k.reviewer) {
      reviewers.insert(*k.reviewer);
    } else {
      source_key = true;
    }
  }
  if (!source_key) return refuse(ApiError::kBadRequest);
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return refuse(ApiError::kNotReady);
  // Every active reviewer, and nobody else: never a retired entry (§7).
  if (reviewers != roster->ActiveIds()) return refuse(ApiError::kRosterChanged);
  if (auto error = CheckFilesBindable(request.files)) return refuse(*error);

  service::NewCase c;
  c.case_id = request.case_id;
  const Bytes hash = crypto::LookupHash(request.lookup_key.reveal());
  std::copy(hash.begin(), hash.end(), c.lookup_hash.begin());
  c.source_public_key = request.source_public_key;
  c.keys = request.keys;
  c.first_message = request.first_message;
  c.attachments = request.files;
  Status s = store_->CreateCase(c);
  if (!s.ok()) {
    if (s.code() == Code::kInvalidArgument && !c.attachments.empty()) {
      return refuse(ApiError::kConflict);
    }
    return refuse(ErrorFromStore(s));
  }
  return IntakeResult{std::nullopt, 1};
}

IntakeResult ApiService::PostFollowUp(const FollowUpRequest& request) {
  auto info = CaseOfLookupKey(request.lookup_key);
  if (!info.ok()) return IntakeResult{ErrorFromStore(info.status()), 0};
  if (Status record =
          CheckRecord(request.record, info->case_id, {protocol::kKindConversation}, nullptr);
      !record.ok()) {
    return IntakeResult{RecordError(record), 0};
  }
  return Append(info->case_id, request.record, request.files);
}

IntakeResult ApiService::Append(const service::Id& case_id, const Bytes& record,
                                const std::vector<service::Id>& files) {
  if (auto error = CheckFilesBindable(files)) return IntakeResult{*error, 0};
  auto seq = store_->AppendMessage(case_id, record, files);
  if (!seq.ok()) {
    // An upload that became unfinished between the check and the write
    // cannot happen (chunks are never removed from an upload), but the
    // store's answer for it is kInvalidArgument: still a conflict.
    if (seq.code() == Code::kInvalidArgument && !files.empty()) {
      return IntakeResult{ApiError::kConflict, 0};
    }
    return IntakeResult{ErrorFromStore(seq.status()), 0};
  }
  return IntakeResult{std::nullopt, *seq};
}

}  // namespace dojava::api
