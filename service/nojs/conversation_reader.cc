// Reading a returning source's case for the no-JavaScript pages
// (nojs_pages_impl.h): every record checked as crypto/PROTOCOL.md §8 says,
// and whether the source may write into the case (§8.4, §11.4).
//
// Records are opened with crypto::v2 (key commitment, signatures by
// reviewers against the verified roster, retired entries included, and by
// the source with the source_sign_pk this receipt gives), then the listing
// goes through crypto::v2 CheckCaseOrder with the session's high-water mark
// (§8.4: `truncated`, `reordered`). A version-1 record is
// unsupported_version (§16): never opened, so a case written by 0.1.0 shows
// no text and may not be written to. Signed re-key statements (§7.3), read from
// their envelopes (§7.4), add the keys they move the case to.
#include <sodium.h>

#include <deque>
#include <set>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/statement_envelope.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
namespace {

namespace v2 = crypto::v2;

constexpr size_t kListPageRecords = 100;
constexpr size_t kListPageBytes = 8u << 20;
constexpr size_t kNoEntry = static_cast<size_t>(-1);

// Marks an entry that did not open or did not verify, naming the outcome.
void Refuse(Entry* e, Code code) {
  e->outcome = CodeName(code);
  e->undecryptable = code == Code::kDecryptFailed || code == Code::kMalformed ||
                     code == Code::kWrongKey || code == Code::kUnsupportedVersion ||
                     code == Code::kInvalidArgument;
  e->unverified = !e->undecryptable;
  e->body = payload::Body{};  // nothing of it is shown or served (its files neither)
}

// The §11 body of an opened record into the entry.
void TakeBody(const SecretBytes& body, Entry* e) {
  auto parsed = payload::ParseBody(body.reveal());
  e->unsupported = !parsed.ok();
  if (parsed.ok()) e->body = std::move(parsed).value();
}

uint8_t VersionOf(const Bytes& record) { return record.empty() ? 0 : record[0]; }

// One v2 record into `e`, and into `opened` if it opened as what it claims
// (an author-0 record must carry this receipt's source_sign_pk, §8.4).
// False if it is not a conversation record (notes: listed, never shown).
bool OpenV2(const Bytes& record, const crypto::Id& case_id,
            const crypto::Ed25519Public& source_sign, const HeldKeys& held,
            const PageRoster* roster, Entry* e, std::deque<v2::OpenedMessage>* opened) {
  auto header = v2::ParseMessageHeader(record);
  if (header.ok() && header->kind != protocol::kKindConversation) return false;
  if (!header.ok()) {
    Refuse(e, header.code());
    return true;
  }
  e->message_id = header->message_id;
  if (roster == nullptr || roster->v2() == nullptr) {  // no v2 roster to check authors against
    Refuse(e, Code::kUnknownAuthor);
    return true;
  }
  const SecretBytes* key = held.For(header->key_commitment);
  if (key == nullptr) {
    Refuse(e, Code::kWrongKey);
    return true;
  }
  v2::CaseKeys keys{key, nullptr};
  auto m = v2::DecryptMessage(record, case_id, keys, *roster->v2());
  if (!m.ok()) {
    Refuse(e, m.code());
    return true;
  }
  e->from_source = m->author == protocol::kAuthorSource;
  if (e->from_source && m->source_public != source_sign) {
    Refuse(e, Code::kUnknownAuthor);  // signed, but not by this receipt's key
    return true;
  }
  if (!e->from_source) {
    if (const std::string* name = roster->NameOf(m->reviewer_id)) e->author = *name;
  }
  TakeBody(m->body, e);
  m->body = SecretBytes();  // the entry holds the parsed body; the order check needs none
  opened->push_back(std::move(m).value());
  return true;
}

// §8.4 over a v2 case: the order check names records, message #1 must be
// this receipt's report, and the listing must not fall below what this
// session already read (`mark`, advanced here), or nothing may be written
// into the case.
void CheckV2Order(const PageRoster* roster, const std::vector<v2::ListedRecord>& listing,
                  const std::vector<size_t>& entry_of, CaseMark* mark, CaseReading* out) {
  if (roster == nullptr || roster->v2() == nullptr) {
    out->trust = Status(Code::kUnknownAuthor, "no version-2 roster to check the case against");
    return;
  }
  const v2::CaseOrderReport report = v2::CheckCaseOrder(listing, *roster->v2(), mark->Get());
  mark->Advance(report.next);  // unchanged when the listing fell below it
  out->trust = report.case_status;
  out->last_hash = v2::Digest{};
  const size_t first = entry_of.front();
  if (out->trust.ok() && (first == kNoEntry || out->entries[first].unsupported ||
                          out->entries[first].body.type != "report")) {
    out->trust = Status(Code::kMalformed, "message #1 is not the source's report");
  }
  for (size_t i = 0; i < listing.size(); ++i) {
    if (entry_of[i] == kNoEntry || listing[i].opened == nullptr) continue;
    Entry& e = out->entries[entry_of[i]];
    if (!report.records[i].ok()) {
      Refuse(&e, report.records[i].code());
    } else if (i > 0 && e.body.type == "report") {
      Refuse(&e, Code::kMalformed);  // §11.4: no later message is a report
    } else {
      out->last_hash = listing[i].event_hash;  // the last record this reader accepted
    }
  }
}

// §7.3: the case's re-key envelopes (§7.4), oldest first: each opened with
// the keys held so far (picked by its kc), its statement checked against the
// key that opened it and CK' opened with the receipt's X25519 key; CK' joins
// the held keys. An envelope that does not open is ignored (the records under
// its CK' then show as wrong_key); the first statement that fails its checks
// ends the chain (the source goes on writing under the last key it could
// check).
void ApplyRekeys(service::Store* store, const PlainSessions::Conversation& c,
                 const PageRoster* roster, HeldKeys* held) {
  if (roster == nullptr || roster->v2() == nullptr) return;
  auto statements = store->GetCaseStatements(c.case_id);
  if (!statements.ok()) return;
  for (const auto& [generation, envelope] : statements->rekeys) {
    std::vector<const SecretBytes*> keys;
    for (const auto& [kc, key] : held->keys) keys.push_back(&key);
    auto opened = v2::OpenStatement(envelope, protocol::kStatementRekey, c.case_id, keys);
    if (!opened.ok()) continue;
    auto checked =
        v2::CheckRekey(opened->statement, c.case_id, *keys[opened->key_index], *roster->v2());
    if (!checked.ok()) return;
    auto next = v2::OpenRekeyForSource(*checked, c.source_secret, c.source_public);
    if (!next.ok()) return;
    held->Add(*next);
  }
}

// The records of a case as listed so far (ReadCase).
struct Listing {
  std::deque<v2::OpenedMessage> opened;  // stable addresses for `records`
  std::vector<v2::ListedRecord> records;
  std::vector<size_t> entry_of;  // the entry of each listed record, or kNoEntry
  std::set<crypto::Id> seen_ids;
};

void AddRecord(const service::Message& m, const PlainSessions::Conversation& c,
               const PageRoster* roster, Listing* l, CaseReading* out) {
  l->records.push_back(v2::ListedRecord{v2::EventHash(m.record), nullptr});
  l->entry_of.push_back(kNoEntry);
  Entry e;
  e.seq = m.seq;
  e.day = m.day;
  const size_t opened_before = l->opened.size();
  bool shown = false;
  if (VersionOf(m.record) == protocol::kVersion2) {
    shown = OpenV2(m.record, c.case_id, c.source_sign_public, out->held, roster, &e, &l->opened);
  } else {  // version 1 (§16): never opened; a notes record stays unlisted
    shown = m.record.size() < 2 || m.record[1] == protocol::kKindConversation;
    Refuse(&e, Code::kUnsupportedVersion);
  }
  if (!shown) return;
  if (l->opened.size() > opened_before) l->records.back().opened = &l->opened.back();
  if (e.outcome.empty() && !l->seen_ids.insert(e.message_id).second) return;  // a replay
  if (e.outcome.empty()) out->last_hash = l->records.back().event_hash;       // CheckV2Order
  l->entry_of.back() = out->entries.size();
  out->entries.push_back(std::move(e));
}

}  // namespace

const SecretBytes* HeldKeys::For(const crypto::v2::Digest& commitment) const {
  for (const auto& [kc, key] : keys) {
    if (sodium_memcmp(kc.data(), commitment.data(), kc.size()) == 0) return &key;
  }
  return nullptr;
}

void HeldKeys::Add(const SecretBytes& key) {
  keys.emplace_back(v2::KeyCommitment(key), SecretBytes::Copy(key.reveal()));
}

CaseReading NojsPagesImpl::ReadCase(const PlainSessions::Conversation& c) {
  CaseReading out;
  out.held.Add(c.case_key);
  auto roster = PageRoster::Load(store_, false);  // authors of records already written
  const PageRoster* r = roster.ok() ? &*roster : nullptr;
  ApplyRekeys(store_, c, r, &out.held);
  Listing listing;
  uint64_t after = 0;
  while (true) {
    auto page = store_->ListMessages(c.case_id, after, kListPageRecords, kListPageBytes);
    if (!page.ok()) {
      out.status = page.status();
      return out;
    }
    if (page->empty()) break;
    after = page->back().seq;
    for (const service::Message& m : *page) AddRecord(m, c, r, &listing, &out);
  }
  CheckV2Order(r, listing.records, listing.entry_of, &c.mark, &out);
  // §11.1, §12.3: message #1 names the source_pk this receipt gives.
  const size_t first = listing.entry_of.empty() ? kNoEntry : listing.entry_of.front();
  if (out.trust.ok() && first != kNoEntry && out.entries[first].body.source_pk != c.source_public) {
    out.trust = Status(Code::kWrongKey, "message #1 does not name this receipt's source key");
  }
  return out;
}

std::vector<Entry> NojsPagesImpl::OpenEntries(const PlainSessions::Conversation& c,
                                              Status* status) {
  CaseReading reading = ReadCase(c);
  *status = reading.status;
  return std::move(reading.entries);
}

}  // namespace dojava::nojs
