// The order of a case (crypto/PROTOCOL.md §8.4): message #1 is the source's
// report, every later source record carries the report's signing key, every
// record names a record listed before it (prev), retired reviewers cannot
// back-date events, and a per-case high-water mark detects truncation and
// reordering below what a reader has already seen.
#ifndef DOJAVA_CRYPTO_CASE_ORDER_H_
#define DOJAVA_CRYPTO_CASE_ORDER_H_

#include <cstdint>
#include <vector>

#include "base/status.h"
#include "crypto/message_v2.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

// What a reader keeps per case between reads.
struct HighWaterMark {
  uint64_t count = 0;  // records processed; 0: never read
  Digest last_hash{};  // event hash of the count-th record
};

// One record of the server's listing: its event hash (computable without a
// key) and, if it opened (DecryptMessage succeeded), the opened message.
struct ListedRecord {
  Digest event_hash{};
  const OpenedMessage* opened = nullptr;  // not owned; nullptr if it did not open
};

struct CaseOrderReport {
  // kOk, or why the whole case is not trustworthy: message #1 is not the
  // source's report (kMalformed), or the listing is below the high-water mark
  // (kTruncated / kReordered). A reader MUST NOT write into such a case.
  Status case_status;
  // Per record: kOk, or kReordered, kUnknownAuthor (a source record with
  // another key than the report's), kRetiredAuthor (back-dated). Records that
  // did not open are reported as kOk here (their own error is the reader's).
  std::vector<Status> records;
  HighWaterMark next;  // what to remember after this read
};

// What a reader's listing holds (§8.4): every record of the case (reviewers,
// and the no-JavaScript pages, which read the store), or only the
// conversation records (a source through the API: notes records are never
// listed to it, yet a reviewer's `prev` may name one).
enum class ListingView { kWholeCase, kConversationOnly };

// Runs §8.4 over a listing in the server's order. `roster` is the reader's
// newest verified roster (for retirement). With kConversationOnly a `prev`
// that names no record of the listing is accepted (a notes record this
// reader cannot see); one that names the record itself or a later one is
// still kReordered.
CaseOrderReport CheckCaseOrder(const std::vector<ListedRecord>& listing,
                               const VerifiedRoster& roster, const HighWaterMark& seen,
                               ListingView view = ListingView::kWholeCase);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_CASE_ORDER_H_
