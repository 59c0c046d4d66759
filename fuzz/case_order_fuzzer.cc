// The order of a case (crypto/PROTOCOL.md §8.4, crypto/case_order.h) over a
// sequence of records. Input: mode(1), then
//   mode 0: admin_public(32) instance_id(16) u16 length and the signed
//           roster, case_id(16) CK(32) NK(32), the reader's high-water mark
//           (count u64, hash 32), then records, each as u16 length + bytes
//           (the layout of tests/vectors/case-order-*.json). Each record is
//           opened with DecryptMessage, then CheckCaseOrder runs.
//   mode 1: opened records made directly (fast, every field fuzzed): a count,
//           then 6 bytes per record (opened?, kind, author, reviewer, source
//           key, prev, roster version, event hash), then the mark.
//   mode 2: an honest case of 1-10 records (the report first, each record
//           naming the one before it), which must pass; then one fuzzed
//           change (swap two neighbours, drop one) that must be named.
// Invariants on every run: one status per record; the mark never goes down
// and follows the listing when the case is accepted; a reader's second read
// of the same listing passes, one record fewer is `truncated`, two records
// swapped below the mark are `reordered`; both listing views agree on the
// case, and a record the whole-case view accepts the conversation view
// accepts too, unless as back-dated (it accepted more records before it).
#include <deque>
#include <vector>

#include "crypto/case_order.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/v2_fixtures.h"

namespace {

using namespace dojava;
namespace v2 = crypto::v2;
namespace p = protocol;

using Listing = std::vector<v2::ListedRecord>;

v2::Digest HashOf(uint32_t n) {
  const uint8_t b[4] = {uint8_t(n >> 24), uint8_t(n >> 16), uint8_t(n >> 8), uint8_t(n)};
  const Bytes h = crypto::LabeledHash(p::kDigestSize, "dojava/fuzz/event", ByteView(b, 4));
  v2::Digest d{};
  std::copy(h.begin(), h.end(), d.begin());
  return d;
}

bool Same(const Status& a, const Status& b) { return a.code() == b.code(); }

void CheckInvariants(const Listing& listing, const v2::VerifiedRoster& roster,
                     const v2::HighWaterMark& seen) {
  const v2::CaseOrderReport whole = v2::CheckCaseOrder(listing, roster, seen);
  const v2::CaseOrderReport conv =
      v2::CheckCaseOrder(listing, roster, seen, v2::ListingView::kConversationOnly);
  DOJAVA_FUZZ_CHECK(whole.records.size() == listing.size());
  DOJAVA_FUZZ_CHECK(conv.records.size() == listing.size());
  DOJAVA_FUZZ_CHECK(Same(whole.case_status, conv.case_status));
  // The conversation view accepts more `prev`s; only retirement can then
  // refuse more (a record it accepted raised the newest roster version).
  for (size_t i = 0; i < listing.size(); ++i) {
    if (whole.records[i].ok())
      DOJAVA_FUZZ_CHECK(conv.records[i].ok() || conv.records[i].code() == Code::kRetiredAuthor);
  }
  DOJAVA_FUZZ_CHECK(whole.next.count >= seen.count);
  if (!whole.case_status.ok()) return;
  DOJAVA_FUZZ_CHECK(whole.next.count == listing.size());
  DOJAVA_FUZZ_CHECK(whole.next.last_hash == listing.back().event_hash);
  // The same listing read again with the new mark.
  const v2::CaseOrderReport again = v2::CheckCaseOrder(listing, roster, whole.next);
  DOJAVA_FUZZ_CHECK(again.case_status.ok());
  for (size_t i = 0; i < listing.size(); ++i)
    DOJAVA_FUZZ_CHECK(Same(again.records[i], whole.records[i]));
  if (listing.size() >= 2) {
    const Listing shorter(listing.begin(), listing.end() - 1);
    DOJAVA_FUZZ_CHECK(v2::CheckCaseOrder(shorter, roster, whole.next).case_status.code() ==
                      Code::kTruncated);
  }
  const size_t n = listing.size();
  if (n >= 3 && listing[n - 1].event_hash != listing[n - 2].event_hash) {
    Listing swapped = listing;
    std::swap(swapped[n - 1], swapped[n - 2]);
    DOJAVA_FUZZ_CHECK(v2::CheckCaseOrder(swapped, roster, whole.next).case_status.code() ==
                      Code::kReordered);
  }
}

void FromRecords(fuzz::FuzzInput& in) {
  const fuzz::InputRoster roster(in);
  const crypto::Id case_id = in.Array<16>();
  const auto ck = in.Array<32>();
  const auto nk = in.Array<32>();
  const SecretBytes case_key = SecretBytes::Copy(ByteView(ck));
  const SecretBytes notes_key = SecretBytes::Copy(ByteView(nk));
  v2::HighWaterMark seen;
  seen.count = in.U64();
  seen.last_hash = in.Array<32>();
  std::deque<v2::OpenedMessage> opened;
  Listing listing;
  while (listing.size() < 16) {
    const size_t len = size_t(in.Byte()) << 8 | in.Byte();
    const ByteView record = in.Take(len);
    if (record.empty()) break;
    v2::ListedRecord r;
    r.event_hash = v2::EventHash(record);
    auto m = v2::DecryptMessage(record, case_id, {&case_key, &notes_key}, roster.get());
    if (m.ok()) {
      DOJAVA_FUZZ_CHECK(m->event_hash == r.event_hash);
      opened.push_back(std::move(*m));
      r.opened = &opened.back();
    }
    listing.push_back(r);
  }
  CheckInvariants(listing, roster.get(), seen);
}

crypto::Ed25519Public SourceKey(uint8_t which) {
  crypto::Ed25519Public k{};
  k.fill(uint8_t(0xa0 + which));
  return k;
}

void Synthetic(fuzz::FuzzInput& in) {
  const size_t n = in.Byte() % 12;
  std::deque<v2::OpenedMessage> opened;
  Listing listing(n);
  std::vector<uint8_t> prev_sel(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t flags = in.Byte();
    const uint8_t who = in.Byte();
    prev_sel[i] = in.Byte();
    const uint8_t version = in.Byte();
    listing[i].event_hash = HashOf(in.Byte());
    if ((flags & 1) == 0) continue;
    v2::OpenedMessage m;
    m.kind = (flags & 2) ? p::kKindNotes : p::kKindConversation;
    m.author = (flags & 4) ? p::kAuthorReviewer : p::kAuthorSource;
    if (m.author == p::kAuthorReviewer) {
      m.reviewer_id = fuzz::FixedReviewerId(who % 4);  // 3: on no roster
    } else {
      m.source_public = SourceKey(who & 1);
    }
    m.context.roster_version = version % 5;
    opened.push_back(std::move(m));
    listing[i].opened = &opened.back();
  }
  for (size_t i = 0; i < n; ++i) {
    if (listing[i].opened == nullptr) continue;
    auto& ctx = const_cast<v2::OpenedMessage*>(listing[i].opened)->context;
    const uint8_t s = prev_sel[i];
    if (s == 0) continue;  // zero
    ctx.prev = s <= n ? listing[s - 1].event_hash : HashOf(0x100 + s);
  }
  v2::HighWaterMark seen;
  seen.count = in.Byte() % (n + 2);
  if (in.Byte() & 1 && seen.count > 0 && seen.count <= n) {
    seen.last_hash = listing[seen.count - 1].event_hash;
  } else {
    seen.last_hash = HashOf(0x200 + in.Byte());
  }
  CheckInvariants(listing, fuzz::FixedRoster(), seen);
}

void Honest(fuzz::FuzzInput& in) {
  const size_t n = 1 + in.Byte() % 10;
  std::deque<v2::OpenedMessage> opened;
  Listing listing(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t who = i == 0 ? 0 : in.Byte();
    v2::OpenedMessage m;
    m.author = who % 3 == 0 ? p::kAuthorSource : p::kAuthorReviewer;
    m.kind = m.author == p::kAuthorReviewer && (who & 4) ? p::kKindNotes : p::kKindConversation;
    if (m.author == p::kAuthorReviewer)
      m.reviewer_id = fuzz::FixedReviewerId(who % 3 - 1);
    else
      m.source_public = SourceKey(0);
    m.context.roster_version = 1 + (who >> 4) % fuzz::kFixedRosterVersion;
    if (i > 0) m.context.prev = listing[i - 1].event_hash;
    listing[i].event_hash = HashOf(uint32_t(i));
    opened.push_back(std::move(m));
    listing[i].opened = &opened.back();
  }
  const v2::VerifiedRoster& roster = fuzz::FixedRoster();
  for (v2::ListingView view : {v2::ListingView::kWholeCase, v2::ListingView::kConversationOnly}) {
    const v2::CaseOrderReport r = v2::CheckCaseOrder(listing, roster, {}, view);
    DOJAVA_FUZZ_CHECK(r.case_status.ok());
    for (const Status& s : r.records) DOJAVA_FUZZ_CHECK(s.ok());
  }
  CheckInvariants(listing, roster, {});
  if (n < 3) return;
  const size_t i = 1 + in.Byte() % (n - 2);  // 1 .. n-2: record i+1 names record i
  Listing changed = listing;
  if (in.Byte() & 1) {
    std::swap(changed[i], changed[i + 1]);
    const v2::CaseOrderReport r = v2::CheckCaseOrder(changed, roster, {});
    DOJAVA_FUZZ_CHECK(r.records[i].code() == Code::kReordered);
  } else {
    changed.erase(changed.begin() + long(i));
    const v2::CaseOrderReport r = v2::CheckCaseOrder(changed, roster, {});
    DOJAVA_FUZZ_CHECK(r.records[i].code() == Code::kReordered);
    const v2::CaseOrderReport c =
        v2::CheckCaseOrder(changed, roster, {}, v2::ListingView::kConversationOnly);
    DOJAVA_FUZZ_CHECK(c.records[i].ok());
  }
  CheckInvariants(changed, roster, {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput in(data, size);
  switch (in.Byte() % 3) {
    case 0:
      FromRecords(in);
      break;
    case 1:
      Synthetic(in);
      break;
    default:
      Honest(in);
      break;
  }
  return 0;
}
