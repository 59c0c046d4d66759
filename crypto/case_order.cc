#include "crypto/case_order.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "crypto/protocol_constants.h"

namespace dojava::crypto::v2 {
namespace {

namespace p = protocol;

bool IsZero(const Digest& d) {
  return std::all_of(d.begin(), d.end(), [](uint8_t c) { return c == 0; });
}

Status CheckFirst(const std::vector<ListedRecord>& listing) {
  const Status not_report(Code::kMalformed, "message #1 is not the source's report");
  if (listing.empty() || listing[0].opened == nullptr) return not_report;
  const OpenedMessage& m = *listing[0].opened;
  if (m.kind != p::kKindConversation || m.author != p::kAuthorSource || !IsZero(m.context.prev))
    return not_report;
  return Status::Ok();
}

Status CheckMark(const std::vector<ListedRecord>& listing, const HighWaterMark& seen) {
  if (seen.count == 0) return Status::Ok();
  if (listing.size() < seen.count)
    return Status(Code::kTruncated, "the case has fewer records than this reader already saw");
  const Digest& h = listing[seen.count - 1].event_hash;
  if (sodium_memcmp(h.data(), seen.last_hash.data(), h.size()) != 0)
    return Status(Code::kReordered, "the records this reader already saw were changed or moved");
  return Status::Ok();
}

// The checks of one opened record at position i.
// `unseen_ok`: a prev naming no listed record is accepted (a conversation-only
// listing); `later` then holds the event hashes from position i on.
Status CheckRecord(size_t i, const OpenedMessage& m, const OpenedMessage* first,
                   const std::set<Digest>& earlier, const std::multiset<Digest>* later,
                   uint64_t max_roster_version, const VerifiedRoster& roster) {
  if (i > 0 && m.author == p::kAuthorSource &&
      (first == nullptr || m.source_public != first->source_public)) {
    return Status(Code::kUnknownAuthor, "a source record signed with another key than the report");
  }
  const bool names_earlier = earlier.count(m.context.prev) != 0;
  const bool unseen = later != nullptr && !names_earlier && later->count(m.context.prev) == 0;
  if (i == 0 ? !IsZero(m.context.prev) : !(names_earlier || unseen)) {
    return Status(Code::kReordered, "the record names a record not listed before it");
  }
  if (m.author == p::kAuthorReviewer) {
    const RosterEntry* e = roster.Find(m.reviewer_id);
    if (e != nullptr && !e->active() && max_roster_version >= e->retired_at)
      return Status(Code::kRetiredAuthor, "a retired reviewer's record after their retirement");
  }
  return Status::Ok();
}

}  // namespace

CaseOrderReport CheckCaseOrder(const std::vector<ListedRecord>& listing,
                               const VerifiedRoster& roster, const HighWaterMark& seen,
                               ListingView view) {
  CaseOrderReport report;
  const Status first_status = CheckFirst(listing);
  const Status mark = CheckMark(listing, seen);
  report.case_status = first_status.ok() ? mark : first_status;
  const OpenedMessage* first = first_status.ok() ? listing[0].opened : nullptr;
  std::set<Digest> earlier;
  std::multiset<Digest> later;  // conversation-only: the hashes from position i on
  if (view == ListingView::kConversationOnly) {
    for (const ListedRecord& r : listing) later.insert(r.event_hash);
  }
  const std::multiset<Digest>* later_or_null =
      view == ListingView::kConversationOnly ? &later : nullptr;
  uint64_t max_roster_version = 0;
  for (size_t i = 0; i < listing.size(); ++i) {
    Status s;
    if (const OpenedMessage* m = listing[i].opened) {
      s = CheckRecord(i, *m, first, earlier, later_or_null, max_roster_version, roster);
      if (s.ok()) max_roster_version = std::max(max_roster_version, m->context.roster_version);
    }
    report.records.push_back(std::move(s));
    earlier.insert(listing[i].event_hash);
    if (later_or_null != nullptr) later.erase(later.find(listing[i].event_hash));
  }
  report.next.count = listing.size();
  if (!listing.empty()) report.next.last_hash = listing.back().event_hash;
  if (!mark.ok()) report.next = seen;  // never lower the mark
  return report;
}

}  // namespace dojava::crypto::v2
