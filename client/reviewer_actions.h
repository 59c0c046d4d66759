// What a reviewer does to cases (PROTOCOL §12.4): open a case and pin its
// keys, list the cases granted to them, post signed notes events and
// replies, grant a case to a colleague. Every new encryption first checks
// that the case opened cleanly (CheckSafeToEncrypt), so a case key swapped
// by the server is never used.
//
// Include only from files that already use Boost.JSON. Not thread-safe: one
// session per thread.
#ifndef DOJAVA_CLIENT_REVIEWER_ACTIONS_H_
#define DOJAVA_CLIENT_REVIEWER_ACTIONS_H_

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/case_view.h"
#include "client/reviewer_session.h"
#include "client/transfer.h"

namespace dojava::client {

// Opens case `id` (fetch, open the keys sealed to this reviewer, decrypt,
// compute the state) and pins the hashes of its case and notes keys on
// first open; a different key later is kBadSignature (the server swapped
// it). Its high-water mark (§8.4) is read from and saved to the state store, and the first opener
// posts the case-key anchor (§8.5, best effort). kNotFound "case not found", kPermissionDenied "not
// granted", the errors of OpenReviewerCase.
Result<CaseView> OpenCase(ReviewerSession& s, const crypto::Id& id);

// Deletes case `id` with this reviewer's signed statement of today
// (PROTOCOL.md §8.6). Errors of ApiClient::DeleteCase (kNotFound for an
// unknown case).
Status DeleteCase(ReviewerSession& s, const crypto::Id& id);

// Records that this reviewer has read every message of `v` (unread marks,
// client/case_summary.h).
Status MarkRead(ReviewerSession& s, const CaseView& v);

// A reviewer's roster name, or "(removed reviewer XXXXXXXX)".
std::string ReviewerName(const RosterView& roster, const crypto::Id& id);

// A reviewer named by a person: "me", a roster name, the unique start of
// one (letters compared without case, so "marko" finds "Marko Petrović"),
// or a reviewer id (an exact name, id or "me" also finds a retired entry;
// a start of a name only active ones). kNotFound "no reviewer 'WHO' on the
// roster" listing the names; kInvalidArgument if the start fits several.
Result<const ReviewerEntry*> FindReviewer(const ReviewerSession& s, const std::string& who);

// The attachments of a case, numbered from 1 in this order.
std::vector<std::pair<const CaseEntry*, const FileRef*>> Attachments(const CaseView& v);

// Which cases to list; empty fields match everything. `assignee` is a name,
// an id, "me" or "none".
struct CaseFilter {
  std::string status;
  std::string label;
  std::string assignee;
  int64_t since_day = 0;
};

// Every case active since `filter.since_day` that `filter` accepts, opened
// (keys pinned). Cases not granted to this reviewer are skipped and counted
// in `*not_granted`; cases deleted meanwhile are skipped. kInvalidArgument
// for an unknown status, kNotFound for an unknown assignee, the errors of
// OpenCase otherwise.
Result<std::vector<CaseView>> OpenCases(ReviewerSession& s, const CaseFilter& filter,
                                        size_t* not_granted);

// The notes key of `v`'s write generation (WriteNotesKey), creating it if no
// reviewer has one yet (§12.4: the first NK set wins, so a lost race uses
// the winner's): sealed to the active reviewers holding the write
// generation's case key, posted with its signed genesis (§7.2).
// kPermissionDenied if one exists but not for this reviewer; kWrongKey if
// the one sealed to it was refused.
Result<SecretBytes> EnsureNotesKey(ReviewerSession& s, const CaseView& v);

// A new NK sealed to `recipients` as keys of `generation`, with its genesis
// (§7.2) signed by this reviewer over `ck` (the CK of that generation), in
// clear and sealed under `ck` (§7.4).
struct NewNotesKey {
  std::vector<ApiSealedKey> keys;
  Bytes genesis;
  Bytes envelope;
};
Result<NewNotesKey> SealNotesKey(const ReviewerSession& s, const crypto::Id& case_id,
                                 const SecretBytes& ck, const SecretBytes& nk,
                                 const std::vector<const ReviewerEntry*>& recipients,
                                 uint64_t generation);

// Encrypts `body` (§11) under `key` as a message of `kind` of case `v`,
// signed by this reviewer, and posts it with `files` (the session roster's
// version, today, prev = the last record `v` accepted, §8.3-8.4). The sequence number.
Result<uint64_t> PostSigned(ReviewerSession& s, const CaseView& v, const SecretBytes& key,
                            uint8_t kind, const boost::json::value& body,
                            const std::vector<crypto::Id>& files);

// Opens case `id`, checks it is safe to encrypt for, and posts `event` (a
// notes body: status, labels, assign, note) under its notes key.
Result<uint64_t> PostNotesEvent(ReviewerSession& s, const crypto::Id& id,
                                const boost::json::object& event);

// Replies to the source of `v` with `text` and the already uploaded `files`
// (UploadFile). kDecryptFailed if the case is not safe to encrypt for.
Result<uint64_t> PostReply(ReviewerSession& s, const CaseView& v, const SecretBytes& text,
                           const std::vector<UploadedFile>& files);

// Seals the case key (and the notes key, if this reviewer holds it) of `v`
// to `target` unless it already holds them. How many keys were added (0:
// it had access already). kDecryptFailed (or the v2 trust code) if the case
// is not safe to encrypt for; kInvalidArgument for a retired target.
Result<size_t> GrantCase(ReviewerSession& s, const CaseView& v, const ReviewerEntry& target);

// A case GrantAll could not pass on, and why (did not open cleanly, server
// refused): the front end words `why` its own way.
struct GrantRefusal {
  crypto::Id case_id{};
  Status why;
};

// What GrantAll did, case by case.
struct GrantAllReport {
  size_t granted = 0;                 // keys sealed to the colleague now
  size_t already = 0;                 // the colleague had access already
  size_t not_yours = 0;               // not granted to this reviewer: cannot pass it on
  std::vector<GrantRefusal> refused;  // in the order of the listing
};

// Progress and stop of GrantAll. `progress` gets (cases done, cases listed)
// before each case and once at the end, on the calling thread; `cancel` is
// read before each case. Either may be empty.
struct GrantAllControl {
  std::function<void(size_t done, size_t total)> progress;
  const CancelToken* cancel = nullptr;  // not owned
};

// Grants every case this reviewer holds to `target` (a colleague joining).
// One case failing does not stop the others; it is listed in `refused`.
// Errors only for the listing itself, and kCancelled when `control.cancel`
// was set (the cases before it stay granted; granting again is harmless).
Result<GrantAllReport> GrantAll(ReviewerSession& s, const ReviewerEntry& target,
                                const GrantAllControl& control = {});

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_REVIEWER_ACTIONS_H_
