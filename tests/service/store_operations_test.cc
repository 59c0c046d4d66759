// Every Store operation on a real SQLCipher file, with its bad inputs.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <set>

#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

using testing::RandomArray;
using testing::RandomCase;
using testing::RandomChunk;
using testing::RandomId;
using testing::RandomRecord;
using testing::TestStore;

TEST_CASE("settings: first write sets identity, later writes change limits only", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  auto got = t.store->GetSettings();
  REQUIRE(got.ok());
  CHECK(*got == t.settings);

  Settings changed = t.settings;
  changed.retention_days = 30;
  REQUIRE(t.store->PutSettings(changed).ok());
  CHECK(t.store->GetSettings()->retention_days == 30);

  Settings other = changed;
  other.salt[0] ^= 1;
  CHECK(t.store->PutSettings(other).code() == Code::kAlreadyExists);
  other = changed;
  other.retention_days = 0;
  CHECK(t.store->PutSettings(other).code() == Code::kInvalidArgument);
  other.retention_days = kMaxRetentionDays + 1;
  CHECK(t.store->PutSettings(other).code() == Code::kInvalidArgument);
  other = changed;
  other.upload_ttl_days = 0;
  CHECK(t.store->PutSettings(other).code() == Code::kInvalidArgument);
  CHECK(*t.store->GetSettings() == changed);
}

TEST_CASE("settings: missing before init", "[store]") {
  testing::TempDir dir;
  auto store = SqlcipherStore::Create(dir.File("db"), SecretBytes::Random(32),
                                      std::make_shared<ManualClock>(testing::kToday));
  REQUIRE(store.ok());
  CHECK((*store)->GetSettings().code() == Code::kNotFound);
  CHECK((*store)->CreateCase(RandomCase()).code() == Code::kNotFound);
}

TEST_CASE("roster: versions strictly increase; equal bytes are idempotent", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  CHECK(t.store->GetRoster().code() == Code::kNotFound);
  Roster r1{1, testing::RandomBytes(300), std::nullopt};
  REQUIRE(t.store->PutRoster(r1).ok());
  REQUIRE(t.store->PutRoster(r1).ok());  // retry
  Roster r1b{1, testing::RandomBytes(300), std::nullopt};
  CHECK(t.store->PutRoster(r1b).code() == Code::kAlreadyExists);
  Roster r3{3, testing::RandomBytes(400), std::nullopt};
  REQUIRE(t.store->PutRoster(r3).ok());
  Roster r2{2, testing::RandomBytes(400), std::nullopt};
  CHECK(t.store->PutRoster(r2).code() == Code::kRollback);
  auto got = t.store->GetRoster();
  REQUIRE(got.ok());
  CHECK(got->version == 3);
  CHECK(got->signed_bytes == r3.signed_bytes);
  CHECK(t.store->PutRoster(Roster{4, {}, std::nullopt}).code() == Code::kInvalidArgument);
  CHECK(t.store->PutRoster(Roster{4, Bytes(kMaxRosterBytes + 1), std::nullopt}).code() ==
        Code::kInvalidArgument);
  CHECK(t.store->PutRoster(Roster{0, Bytes(10), std::nullopt}).code() == Code::kInvalidArgument);
  // The history keeps every stored roster, ascending; refused ones are not in it.
  auto history = t.store->ListRosters(0, kMaxRostersPerList);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  CHECK((*history)[0].version == 1);
  CHECK((*history)[0].signed_bytes == r1.signed_bytes);
  CHECK((*history)[1].version == 3);
  CHECK((*history)[1].signed_bytes == r3.signed_bytes);
  CHECK(t.store->ListRosters(1, 1)->at(0).version == 3);
  CHECK(t.store->ListRosters(3, 10)->empty());
  CHECK(t.store->ListRosters(0, 0).code() == Code::kInvalidArgument);
  CHECK(t.store->ListRosters(0, kMaxRostersPerList + 1).code() == Code::kInvalidArgument);
}

TEST_CASE("cases: create, find, get, list, delete", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id reviewer = RandomId();
  NewCase c = RandomCase({reviewer});
  REQUIRE(t.store->CreateCase(c).ok());

  auto found = t.store->FindCaseByLookupHash(c.lookup_hash);
  REQUIRE(found.ok());
  CHECK(found->case_id == c.case_id);
  CHECK(found->source_public_key == c.source_public_key);
  CHECK(found->created_day == testing::kToday);
  CHECK(found->last_activity_day == testing::kToday);
  const int64_t lifetime = found->expiry_day - testing::kToday;
  CHECK(lifetime >= t.settings.retention_days);
  CHECK(lifetime <= t.settings.retention_days + t.settings.retention_spread_days);
  auto got = t.store->GetCase(c.case_id);
  REQUIRE(got.ok());
  CHECK(got->expiry_day == found->expiry_day);

  // Duplicate id, duplicate lookup hash: refused, nothing changed.
  NewCase dup_id = RandomCase();
  dup_id.case_id = c.case_id;
  CHECK(t.store->CreateCase(dup_id).code() == Code::kAlreadyExists);
  CHECK(t.store->FindCaseByLookupHash(dup_id.lookup_hash).code() == Code::kNotFound);
  NewCase dup_hash = RandomCase();
  dup_hash.lookup_hash = c.lookup_hash;
  CHECK(t.store->CreateCase(dup_hash).code() == Code::kAlreadyExists);
  CHECK(t.store->GetCase(dup_hash.case_id).code() == Code::kNotFound);

  auto keys = t.store->GetSealedKeys(c.case_id);
  REQUIRE(keys.ok());
  CHECK(keys->size() == 3);
  for (const auto& k : c.keys) {
    CHECK(std::find(keys->begin(), keys->end(), k) != keys->end());
  }
  auto messages = t.store->ListMessages(c.case_id, 0, 100, 1 << 20);
  REQUIRE(messages.ok());
  REQUIRE(messages->size() == 1);
  CHECK((*messages)[0].seq == 1);
  CHECK((*messages)[0].day == testing::kToday);
  CHECK((*messages)[0].record == c.first_message);

  REQUIRE(t.store->DeleteCase(c.case_id).ok());
  CHECK(t.store->GetCase(c.case_id).code() == Code::kNotFound);
  CHECK(t.store->FindCaseByLookupHash(c.lookup_hash).code() == Code::kNotFound);
  CHECK(t.store->GetSealedKeys(c.case_id).code() == Code::kNotFound);
  CHECK(t.store->ListMessages(c.case_id, 0, 10, 1 << 20).code() == Code::kNotFound);
  CHECK(t.store->DeleteCase(c.case_id).code() == Code::kNotFound);
}

TEST_CASE("cases: bad input is refused and writes nothing", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  auto refused = [&](NewCase c, Code code) {
    CHECK(t.store->CreateCase(c).code() == code);
    CHECK(t.store->GetCase(c.case_id).code() == Code::kNotFound);
  };
  NewCase c = RandomCase();
  c.keys.erase(c.keys.begin());  // no source CK
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.keys.push_back(SealedKey{std::nullopt, Role::kNotesKey, RandomArray<82>(), 0});
  refused(c, Code::kInvalidArgument);  // NK never to the source
  c = RandomCase();
  c.keys.push_back(c.keys.back());  // duplicate (recipient, role)
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.keys.back().role = static_cast<Role>(7);
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.first_message = RandomRecord(kMinMessageRecordSize - 1);
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.first_message = RandomRecord(kMaxMessageRecordSize + 1);
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.first_message.clear();
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.attachments = {RandomId()};  // unknown upload
  refused(c, Code::kNotFound);
  c = RandomCase();
  const Id a = RandomId();
  c.attachments = {a, a};
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  for (size_t i = 0; i <= kMaxAttachmentsPerMessage; ++i) c.attachments.push_back(RandomId());
  refused(c, Code::kInvalidArgument);
  c = RandomCase();
  c.first_message = RandomRecord(kMaxMessageRecordSize);  // the largest is fine
  CHECK(t.store->CreateCase(c).ok());
}

TEST_CASE("messages: sequence numbers, paging, activity and limits", "[store]") {
  TestStore t;
  StoreOptions options;
  options.max_messages_per_case = 5;
  REQUIRE(t.Create(options).ok());
  NewCase c = RandomCase();
  REQUIRE(t.store->CreateCase(c).ok());
  std::vector<Bytes> records = {c.first_message};
  for (uint64_t want = 2; want <= 5; ++want) {
    t.clock->Advance(1);
    records.push_back(RandomRecord(kMinMessageRecordSize + want));
    auto seq = t.store->AppendMessage(c.case_id, records.back(), {});
    REQUIRE(seq.ok());
    CHECK(*seq == want);
  }
  CHECK(t.store->AppendMessage(c.case_id, RandomRecord(), {}).code() == Code::kLimitReached);
  auto info = t.store->GetCase(c.case_id);
  CHECK(info->created_day == testing::kToday);
  CHECK(info->last_activity_day == testing::kToday + 4);

  auto page = t.store->ListMessages(c.case_id, 2, 2, 1 << 20);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 2);
  CHECK((*page)[0].seq == 3);
  CHECK((*page)[0].record == records[2]);
  CHECK((*page)[0].day == testing::kToday + 2);
  CHECK((*page)[1].seq == 4);
  // A byte cap smaller than one record still returns one.
  page = t.store->ListMessages(c.case_id, 0, 100, 1);
  REQUIRE(page.ok());
  CHECK(page->size() == 1);
  page = t.store->ListMessages(c.case_id, 5, 100, 1 << 20);
  REQUIRE(page.ok());
  CHECK(page->empty());
  CHECK(t.store->ListMessages(c.case_id, 0, 0, 1 << 20).code() == Code::kInvalidArgument);

  CHECK(t.store->AppendMessage(RandomId(), RandomRecord(), {}).code() == Code::kNotFound);
  CHECK(t.store->AppendMessage(c.case_id, RandomRecord(10), {}).code() == Code::kInvalidArgument);
}

TEST_CASE("cases: listing changed cases pages by (day, id)", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  std::vector<Id> day0, day2;
  for (int i = 0; i < 5; ++i) {
    NewCase c = RandomCase();
    REQUIRE(t.store->CreateCase(c).ok());
    day0.push_back(c.case_id);
  }
  t.clock->Advance(2);
  for (int i = 0; i < 3; ++i) {
    NewCase c = RandomCase();
    REQUIRE(t.store->CreateCase(c).ok());
    day2.push_back(c.case_id);
  }
  auto recent = t.store->ListCasesChangedSince(testing::kToday + 1, std::nullopt, 100);
  REQUIRE(recent.ok());
  CHECK(recent->size() == 3);
  std::vector<Id> all;
  std::optional<CaseCursor> cursor;
  while (true) {
    auto page = t.store->ListCasesChangedSince(testing::kToday, cursor, 3);
    REQUIRE(page.ok());
    if (page->empty()) break;
    for (const auto& c : *page) all.push_back(c.case_id);
    cursor = CaseCursor{page->back().last_activity_day, page->back().case_id};
  }
  REQUIRE(all.size() == 8);
  std::sort(day0.begin(), day0.end());
  std::sort(day2.begin(), day2.end());
  CHECK(std::vector<Id>(all.begin(), all.begin() + 5) == day0);
  CHECK(std::vector<Id>(all.begin() + 5, all.end()) == day2);
  CHECK(t.store->ListCasesChangedSince(0, std::nullopt, 0).code() == Code::kInvalidArgument);
}

TEST_CASE("grants: idempotent equal keys, conflicting keys refused", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id r1 = RandomId();
  NewCase c = RandomCase({r1});
  REQUIRE(t.store->CreateCase(c).ok());
  t.clock->Advance(3);
  const Id r2 = RandomId();
  std::vector<SealedKey> grant = {testing::ReviewerKey(r2, Role::kCaseKey),
                                  testing::ReviewerKey(r2, Role::kNotesKey)};
  REQUIRE(t.store->AddSealedKeys(c.case_id, grant, std::nullopt).ok());
  REQUIRE(t.store->AddSealedKeys(c.case_id, grant, std::nullopt).ok());  // retry
  CHECK(t.store->GetSealedKeys(c.case_id)->size() == 5);
  CHECK(t.store->GetCase(c.case_id)->last_activity_day == testing::kToday + 3);

  // A different NK for a reviewer who has one: refused, all or nothing.
  const Id r3 = RandomId();
  std::vector<SealedKey> conflicting = {testing::ReviewerKey(r3, Role::kCaseKey),
                                        testing::ReviewerKey(r1, Role::kNotesKey)};
  CHECK(t.store->AddSealedKeys(c.case_id, conflicting, std::nullopt).code() ==
        Code::kAlreadyExists);
  auto keys = t.store->GetSealedKeys(c.case_id);
  CHECK(keys->size() == 5);
  for (const auto& k : *keys) CHECK(k.reviewer != r3);

  CHECK(t.store->AddSealedKeys(RandomId(), grant, std::nullopt).code() == Code::kNotFound);
  CHECK(t.store->AddSealedKeys(c.case_id, {}, std::nullopt).code() == Code::kInvalidArgument);
  CHECK(t.store
            ->AddSealedKeys(c.case_id, {SealedKey{std::nullopt, Role::kNotesKey, {}, 0}},
                            std::nullopt)
            .code() == Code::kInvalidArgument);
  CHECK(t.store->GetSealedKeys(RandomId()).code() == Code::kNotFound);
}

// A case whose reviewers hold a CK only (no notes key yet).
NewCase CaseWithCaseKeys(const std::vector<Id>& reviewers) {
  NewCase c = RandomCase({});
  for (const Id& r : reviewers) c.keys.push_back(testing::ReviewerKey(r, Role::kCaseKey));
  return c;
}

TEST_CASE("roster: installing with the active reviewers deletes the keys of the others",
          "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id stays = RandomId(), goes = RandomId();
  NewCase c = CaseWithCaseKeys({stays, goes});
  REQUIRE(t.store->CreateCase(c).ok());
  REQUIRE(t.store
              ->AddSealedKeys(c.case_id,
                              {testing::ReviewerKey(stays, Role::kNotesKey),
                               testing::ReviewerKey(goes, Role::kNotesKey)},
                              std::nullopt)
              .ok());
  REQUIRE(t.store->GetSealedKeys(c.case_id)->size() == 5);
  // A refused roster deletes nothing (one transaction).
  REQUIRE(t.store->PutRoster(Roster{2, testing::RandomBytes(100), std::nullopt}).ok());
  CHECK(t.store->PutRoster(Roster{1, testing::RandomBytes(100), std::vector<Id>{stays}}).code() ==
        Code::kRollback);
  CHECK(t.store->GetSealedKeys(c.case_id)->size() == 5);
  REQUIRE(t.store->PutRoster(Roster{3, testing::RandomBytes(100), std::vector<Id>{stays}}).ok());
  auto keys = t.store->GetSealedKeys(c.case_id);
  REQUIRE(keys.ok());
  CHECK(keys->size() == 3);  // the source's CK, and CK + NK of `stays`
  for (const auto& k : *keys) CHECK(k.reviewer != goes);
}

TEST_CASE("case statements: genesis, anchors, re-keys with generations, as envelopes", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id r1 = RandomId(), r2 = RandomId();
  NewCase c = CaseWithCaseKeys({r1, r2});
  REQUIRE(t.store->CreateCase(c).ok());
  auto empty = t.store->GetCaseStatements(c.case_id);
  REQUIRE(empty.ok());
  CHECK(empty->geneses.empty());
  CHECK(empty->anchors.empty());
  CHECK(empty->rekeys.empty());
  CHECK(t.store->GetCaseStatements(RandomId()).code() == Code::kNotFound);

  // The genesis comes with the first notes keys, once per case key: keyed
  // by the CK commitment in its envelope's header (bytes 3..34).
  const Bytes genesis = testing::RandomBytes(kMinGenesisEnvelopeSize + 16);
  const std::vector<SealedKey> notes = {testing::ReviewerKey(r1, Role::kNotesKey)};
  REQUIRE(t.store->AddSealedKeys(c.case_id, notes, genesis).ok());
  REQUIRE(t.store->AddSealedKeys(c.case_id, notes, genesis).ok());  // retry
  Bytes same_key = testing::RandomBytes(kMinGenesisEnvelopeSize);
  std::copy(genesis.begin() + 2, genesis.begin() + 34, same_key.begin() + 2);
  CHECK(t.store->AddSealedKeys(c.case_id, {testing::ReviewerKey(r2, Role::kNotesKey)}, same_key)
            .code() == Code::kAlreadyExists);
  CHECK(t.store->GetSealedKeys(c.case_id)->size() == 4);  // nothing of the refused call
  CHECK(t.store->AddSealedKeys(c.case_id, notes, Bytes(kMinGenesisEnvelopeSize - 1)).code() ==
        Code::kInvalidArgument);
  CHECK(t.store->GetCaseStatements(c.case_id)->geneses == std::vector<Bytes>{genesis});

  // Anchors: at most one per reviewer holding a case key (two here), counted
  // without knowing who anchored; the same bytes again are a no-op.
  const Bytes a1 = testing::RandomBytes(kAnchorEnvelopeSize);
  const Bytes a2 = testing::RandomBytes(kAnchorEnvelopeSize);
  REQUIRE(t.store->PutAnchor(c.case_id, a1).ok());
  REQUIRE(t.store->PutAnchor(c.case_id, a1).ok());
  REQUIRE(t.store->PutAnchor(c.case_id, a2).ok());
  CHECK(t.store->PutAnchor(c.case_id, testing::RandomBytes(kAnchorEnvelopeSize)).code() ==
        Code::kAlreadyExists);
  CHECK(t.store->PutAnchor(c.case_id, a2).ok());
  CHECK(t.store->PutAnchor(c.case_id, Bytes(kAnchorEnvelopeSize - 1)).code() ==
        Code::kInvalidArgument);
  CHECK(t.store->PutAnchor(RandomId(), a1).code() == Code::kNotFound);
  std::vector<Bytes> want = {a1, a2};
  std::sort(want.begin(), want.end());
  CHECK(t.store->GetCaseStatements(c.case_id)->anchors == want);  // by their bytes

  // Re-keys: generations 1, 2, ... with their keys; a grant of a generation
  // that does not exist yet is refused.
  CHECK(t.store
            ->AddSealedKeys(c.case_id, {SealedKey{r2, Role::kCaseKey, RandomArray<82>(), 1}},
                            std::nullopt)
            .code() == Code::kInvalidArgument);
  const Bytes rekey1 = testing::RandomBytes(kRekeyEnvelopeSize);
  auto g1 = t.store->AddRekey(
      c.case_id, rekey1,
      {testing::ReviewerKey(r1, Role::kCaseKey), testing::ReviewerKey(r2, Role::kCaseKey)},
      std::nullopt);
  REQUIRE(g1.ok());
  CHECK(*g1 == 1);
  // NK' comes with its genesis, and a genesis with NK'.
  CHECK(t.store
            ->AddRekey(c.case_id, rekey1, {testing::ReviewerKey(r1, Role::kNotesKey)}, std::nullopt)
            .code() == Code::kInvalidArgument);
  CHECK(t.store
            ->AddRekey(c.case_id, rekey1, {testing::ReviewerKey(r1, Role::kCaseKey)},
                       testing::RandomBytes(kMinGenesisEnvelopeSize))
            .code() == Code::kInvalidArgument);
  CHECK(
      t.store
          ->AddRekey(c.case_id, Bytes(10), {testing::ReviewerKey(r1, Role::kCaseKey)}, std::nullopt)
          .code() == Code::kInvalidArgument);
  // A genesis under a case key that has one already: nothing is stored.
  CHECK(t.store
            ->AddRekey(c.case_id, testing::RandomBytes(kRekeyEnvelopeSize),
                       {testing::ReviewerKey(r1, Role::kCaseKey),
                        testing::ReviewerKey(r1, Role::kNotesKey)},
                       same_key)
            .code() == Code::kAlreadyExists);
  // Generation 2 brings NK' and the genesis of its own case key.
  const Bytes rekey2 = testing::RandomBytes(kRekeyEnvelopeSize);
  const Bytes genesis2 = testing::RandomBytes(kMinGenesisEnvelopeSize);
  CHECK(*t.store->AddRekey(
            c.case_id, rekey2,
            {testing::ReviewerKey(r1, Role::kCaseKey), testing::ReviewerKey(r1, Role::kNotesKey)},
            genesis2) == 2);
  std::vector<Bytes> geneses = {genesis, genesis2};
  std::sort(geneses.begin(), geneses.end());
  CHECK(t.store->GetCaseStatements(c.case_id)->geneses == geneses);  // by their bytes
  REQUIRE(t.store
              ->AddSealedKeys(c.case_id, {SealedKey{r2, Role::kCaseKey, RandomArray<82>(), 2}},
                              std::nullopt)
              .ok());
  auto statements = t.store->GetCaseStatements(c.case_id);
  REQUIRE(statements.ok());
  REQUIRE(statements->rekeys.size() == 2);
  CHECK(statements->rekeys[0] == std::make_pair(uint32_t{1}, rekey1));
  CHECK(statements->rekeys[1] == std::make_pair(uint32_t{2}, rekey2));
  auto keys = t.store->GetSealedKeys(c.case_id);
  REQUIRE(keys.ok());
  size_t per_generation[3] = {0, 0, 0};
  for (const auto& k : *keys) ++per_generation[k.generation];
  CHECK(per_generation[0] == 4);
  CHECK(per_generation[1] == 2);
  CHECK(per_generation[2] == 3);  // r1's CK and NK, r2's CK

  // Deleting the case deletes its statements.
  REQUIRE(t.store->DeleteCase(c.case_id).ok());
  CHECK(t.store->GetCaseStatements(c.case_id).code() == Code::kNotFound);
}

TEST_CASE("uploads: create, put chunks, resume, bind, read", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id file = RandomId();
  REQUIRE(t.store->CreateUpload(file, 3, std::nullopt).ok());
  REQUIRE(t.store->CreateUpload(file, 3, std::nullopt).ok());  // retry
  CHECK(t.store->CreateUpload(file, 4, std::nullopt).code() == Code::kAlreadyExists);
  auto status = t.store->GetUploadStatus(file);
  REQUIRE(status.ok());
  CHECK(status->chunk_count == 3);
  CHECK(status->missing == std::vector<uint32_t>{0, 1, 2});

  const Bytes c0 = RandomChunk(), c2 = RandomChunk();
  REQUIRE(t.store->PutChunk(file, 2, c2).ok());
  REQUIRE(t.store->PutChunk(file, 0, c0).ok());
  REQUIRE(t.store->PutChunk(file, 0, c0).ok());  // identical retry
  CHECK(t.store->PutChunk(file, 0, RandomChunk()).code() == Code::kAlreadyExists);
  CHECK(t.store->PutChunk(file, 3, RandomChunk()).code() == Code::kInvalidArgument);
  CHECK(t.store->PutChunk(file, 1, Bytes(protocol::kChunkRecordSize - 1)).code() ==
        Code::kInvalidArgument);
  CHECK(t.store->PutChunk(file, 1, Bytes(protocol::kChunkRecordSize + 1)).code() ==
        Code::kInvalidArgument);
  CHECK(t.store->PutChunk(RandomId(), 0, RandomChunk()).code() == Code::kNotFound);
  CHECK(t.store->GetUploadStatus(file)->missing == std::vector<uint32_t>{1});

  // Not finished: binding refused, nothing created.
  NewCase c = RandomCase();
  c.attachments = {file};
  CHECK(t.store->CreateCase(c).code() == Code::kInvalidArgument);
  CHECK(t.store->GetCase(c.case_id).code() == Code::kNotFound);

  const Bytes c1 = RandomChunk();
  REQUIRE(t.store->PutChunk(file, 1, c1).ok());
  CHECK(t.store->GetUploadStatus(file)->missing.empty());
  // Unbound chunks are not readable by anyone.
  CHECK(t.store->GetChunk(c.case_id, file, 0).code() == Code::kNotFound);
  REQUIRE(t.store->CreateCase(c).ok());
  CHECK(*t.store->GetChunk(c.case_id, file, 0) == c0);
  CHECK(*t.store->GetChunk(c.case_id, file, 1) == c1);
  CHECK(*t.store->GetChunk(c.case_id, file, 2) == c2);
  CHECK(t.store->GetChunk(c.case_id, file, 3).code() == Code::kNotFound);
  CHECK(t.store->GetChunk(RandomId(), file, 0).code() == Code::kNotFound);
  // The upload session is gone once bound; the id stays taken.
  CHECK(t.store->GetUploadStatus(file).code() == Code::kNotFound);
  CHECK(t.store->PutChunk(file, 0, c0).code() == Code::kNotFound);
  CHECK(t.store->CreateUpload(file, 3, std::nullopt).code() == Code::kAlreadyExists);
  NewCase again = RandomCase();
  again.attachments = {file};
  CHECK(t.store->CreateCase(again).code() == Code::kNotFound);

  // A reviewer's upload bound to the case from the start, bound by a reply.
  const Id reply_file = RandomId();
  REQUIRE(t.store->CreateUpload(reply_file, 1, c.case_id).ok());
  const Bytes r0 = RandomChunk();
  REQUIRE(t.store->PutChunk(reply_file, 0, r0).ok());
  CHECK(t.store->GetChunk(c.case_id, reply_file, 0).code() == Code::kNotFound);  // not bound yet
  NewCase other = RandomCase();
  REQUIRE(t.store->CreateCase(other).ok());
  CHECK(t.store->AppendMessage(other.case_id, RandomRecord(), {reply_file}).code() ==
        Code::kNotFound);  // bound to another case
  auto seq = t.store->AppendMessage(c.case_id, RandomRecord(), {reply_file});
  REQUIRE(seq.ok());
  CHECK(*seq == 2);
  CHECK(*t.store->GetChunk(c.case_id, reply_file, 0) == r0);

  CHECK(t.store->CreateUpload(RandomId(), 0, std::nullopt).code() == Code::kInvalidArgument);
  CHECK(t.store->CreateUpload(RandomId(), 5000, std::nullopt).code() ==
        Code::kLimitReached);  // over max_chunks_per_file (4096)
  CHECK(t.store->CreateUpload(RandomId(), 1, RandomId()).code() == Code::kNotFound);

  // Deleting the case deletes its chunks.
  REQUIRE(t.store->DeleteCase(c.case_id).ok());
  CHECK(t.store->GetChunk(c.case_id, file, 0).code() == Code::kNotFound);
  CHECK(t.store->CreateUpload(file, 1, std::nullopt).ok());  // the id is free again
}

TEST_CASE("purge: expired cases and stale uploads go, the rest stays", "[store]") {
  TestStore t;
  t.settings.retention_days = 10;
  t.settings.retention_spread_days = 3;
  t.settings.upload_ttl_days = 1;
  REQUIRE(t.Create().ok());
  NewCase old_case = RandomCase();
  REQUIRE(t.store->CreateCase(old_case).ok());
  const Id stale = RandomId();
  REQUIRE(t.store->CreateUpload(stale, 2, std::nullopt).ok());
  REQUIRE(t.store->PutChunk(stale, 0, RandomChunk()).ok());
  t.clock->Advance(1);
  NewCase active = RandomCase();
  REQUIRE(t.store->CreateCase(active).ok());
  const Id fresh = RandomId();
  REQUIRE(t.store->CreateUpload(fresh, 1, std::nullopt).ok());

  // Day +1: nothing is old enough (an upload lives at least one whole day).
  auto report = t.store->Purge();
  REQUIRE(report.ok());
  CHECK(report->cases_deleted == 0);
  CHECK(report->uploads_deleted == 0);

  t.clock->Advance(1);  // day +2: the day-0 upload is more than one day old
  report = t.store->Purge();
  REQUIRE(report.ok());
  CHECK(report->uploads_deleted == 1);
  CHECK(t.store->GetUploadStatus(stale).code() == Code::kNotFound);
  CHECK(t.store->GetUploadStatus(fresh).ok());

  // Keep `active` active; let `old_case` pass its expiry.
  for (int day = 0; day < 14; ++day) {
    t.clock->Advance(1);
    REQUIRE(t.store->AppendMessage(active.case_id, RandomRecord(), {}).ok());
  }
  const Day old_expiry = t.store->GetCase(old_case.case_id)->expiry_day;
  CHECK(t.clock->Today() > old_expiry);
  report = t.store->Purge();
  REQUIRE(report.ok());
  CHECK(report->cases_deleted == 1);
  CHECK(t.store->GetCase(old_case.case_id).code() == Code::kNotFound);
  CHECK(t.store->GetCase(active.case_id).ok());
  CHECK(t.store->GetUploadStatus(fresh).code() == Code::kNotFound);
}

TEST_CASE("purge: expiry days spread over the configured range", "[store]") {
  TestStore t;
  t.settings.retention_days = 90;
  t.settings.retention_spread_days = 7;
  REQUIRE(t.Create().ok());
  std::set<Day> seen;
  for (int i = 0; i < 60; ++i) {
    NewCase c = RandomCase();
    REQUIRE(t.store->CreateCase(c).ok());
    const Day expiry = t.store->GetCase(c.case_id)->expiry_day;
    CHECK(expiry >= testing::kToday + 90);
    CHECK(expiry <= testing::kToday + 97);
    seen.insert(expiry);
  }
  // 60 draws from 8 values: all 8 appear except with probability < 1e-3.
  CHECK(seen.size() >= 6);
}

TEST_CASE("disk guard: uploads refused under the free-space reserve", "[store]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  const Id file = RandomId();
  REQUIRE(t.store->CreateUpload(file, 2, std::nullopt).ok());
  t.store.reset();
  StoreOptions huge;
  huge.disk_reserve_bytes = uint64_t{1} << 62;  // more than any disk
  auto guarded = SqlcipherStore::Open(t.db_path(), t.key, t.clock, huge);
  REQUIRE(guarded.ok());
  auto& store = *guarded;
  Status s = store->CreateUpload(RandomId(), 1, std::nullopt);
  CHECK(s.code() == Code::kResourceExhausted);
  CHECK(s.message().find("disk space") != std::string::npos);
  CHECK(store->PutChunk(file, 0, RandomChunk()).code() == Code::kResourceExhausted);
  // Other writes still work.
  CHECK(store->CreateCase(RandomCase()).ok());
}

}  // namespace
}  // namespace dojava::service
