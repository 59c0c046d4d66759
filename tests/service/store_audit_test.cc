// Metadata audit: after a scripted life of several cases, the file holds only
// what service/store/STORE.md lists — ids, hashes, keys, ciphertext, counts and days —
// and nothing of deleted or purged cases, even in free pages.
#include <sodium.h>

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <string_view>

#include "service/store/schema_migrations.h"
#include "service/store/sqlite_db.h"
#include "tests/service/store_dump.h"
#include "tests/support/page_decryptor.h"
#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

using testing::RandomCase;
using testing::RandomId;
using testing::TestStore;

// What a source and a reviewer type and what their browsers would send: none
// of it may ever reach the file.
constexpr std::string_view kSecrets[] = {
    "Ministry of Interior bought Pegasus licences",                          // plaintext
    "Ana Kovacevic",                                                         // a name
    "leaked-contract.pdf",                                                   // a file name
    "application/pdf",                                                       // a MIME type
    "127.0.0.1",                                                             // an address
    "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0",  // user agent
};

// A message record as the client makes it: header, then XChaCha20-Poly1305
// of the padded plaintext (PROTOCOL.md §8 shape; the audit needs real
// ciphertext, not the exact AD).
Bytes SealRecord(std::string_view plaintext, size_t padded, const uint8_t key[32]) {
  Bytes record(protocol::kMessageHeaderSizeV2);
  randombytes_buf(record.data(), record.size());
  Bytes plain(padded, 0);
  std::copy(plaintext.begin(), plaintext.end(), plain.begin());
  const uint8_t* nonce = record.data() + record.size() - protocol::kAeadNonceSize;
  Bytes ct(padded + protocol::kAeadTagSize);
  unsigned long long n = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(ct.data(), &n, plain.data(), plain.size(), nullptr, 0,
                                             nullptr, nonce, key);
  record.insert(record.end(), ct.begin(), ct.end());
  return record;
}

// A chunk under its own random file key (as every attachment has one).
Bytes SealChunk(std::string_view plaintext, uint32_t index) {
  uint8_t key[32];
  randombytes_buf(key, sizeof(key));
  Bytes plain(protocol::kChunkPlainSize, 0);
  std::copy(plaintext.begin(), plaintext.end(), plain.begin());
  uint8_t nonce[24] = {};
  std::memcpy(nonce, &index, sizeof(index));
  Bytes record(1 + protocol::kChunkPlainSize + protocol::kAeadTagSize);
  record[0] = protocol::kVersion;
  unsigned long long n = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(record.data() + 1, &n, plain.data(), plain.size(),
                                             nullptr, 0, nullptr, nonce, key);
  sodium_memzero(key, sizeof(key));
  return record;
}

std::string Plaintext() {
  std::string s;
  for (auto part : kSecrets) s += std::string(part) + "\n";
  return s;
}

bool Contains(const Bytes& hay, ByteView needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// Everything a deleted case leaves as a fingerprint.
struct Traces {
  std::vector<Bytes> slices;
  void Add(ByteView b, size_t take = 48) {
    slices.emplace_back(b.begin(), b.begin() + std::min(take, b.size()));
  }
  void AddCase(const NewCase& c) {
    Add({c.case_id.data(), c.case_id.size()});
    Add({c.lookup_hash.data(), c.lookup_hash.size()});
    Add({c.source_public_key.data(), c.source_public_key.size()});
    Add(ByteView(c.first_message).subspan(100));
    for (const auto& k : c.keys) Add({k.sealed.data(), k.sealed.size()});
  }
};

// A store's life: case A lives, B is deleted, C expires, upload D is abandoned.
struct StoreLife {
  TestStore t;
  uint8_t ck[32];
  const std::string text = Plaintext();
  NewCase a = RandomCase();
  Bytes chunk_a0;
  Traces gone;  // what B, C and D leave to look for
};

// Case A lives: attachment, follow-ups, replies, a grant, a reply attachment.
void LiveCaseA(StoreLife& life) {
  TestStore& t = life.t;
  const std::string& text = life.text;
  const uint8_t* ck = life.ck;
  NewCase& a = life.a;
  const Id file_a = RandomId();
  REQUIRE(t.store->CreateUpload(file_a, 2, std::nullopt).ok());
  life.chunk_a0 = SealChunk(text, 0);
  REQUIRE(t.store->PutChunk(file_a, 0, life.chunk_a0).ok());
  REQUIRE(t.store->PutChunk(file_a, 1, SealChunk(text, 1)).ok());
  a.first_message = SealRecord(text, 512, ck);
  a.attachments = {file_a};
  REQUIRE(t.store->CreateCase(a).ok());
  for (int i = 0; i < 3; ++i) {
    t.clock->Advance(1);
    REQUIRE(t.store->AppendMessage(a.case_id, SealRecord(text, 1024, ck), {}).ok());
  }
  REQUIRE(t.store
              ->AddSealedKeys(a.case_id, {testing::ReviewerKey(RandomId(), Role::kCaseKey)},
                              std::nullopt)
              .ok());
  const Id reply_file = RandomId();
  REQUIRE(t.store->CreateUpload(reply_file, 1, a.case_id).ok());
  REQUIRE(t.store->PutChunk(reply_file, 0, SealChunk(text, 0)).ok());
  REQUIRE(t.store->AppendMessage(a.case_id, SealRecord(text, 512, ck), {reply_file}).ok());
}

// Case B is deleted by a reviewer; case C expires; upload D is abandoned.
// Returns B's id.
Id AddCasesThatGo(StoreLife& life) {
  TestStore& t = life.t;
  const std::string& text = life.text;
  const uint8_t* ck = life.ck;
  Traces& gone = life.gone;
  NewCase b = RandomCase();
  b.first_message = SealRecord(text, 2048, ck);
  const Id file_b = RandomId();
  REQUIRE(t.store->CreateUpload(file_b, 1, std::nullopt).ok());
  const Bytes chunk_b = SealChunk(text, 0);
  REQUIRE(t.store->PutChunk(file_b, 0, chunk_b).ok());
  b.attachments = {file_b};
  REQUIRE(t.store->CreateCase(b).ok());
  const Bytes b_reply = SealRecord(text, 512, ck);
  REQUIRE(t.store->AppendMessage(b.case_id, b_reply, {}).ok());
  gone.AddCase(b);
  gone.Add({file_b.data(), file_b.size()});
  gone.Add(ByteView(chunk_b).subspan(1000));
  gone.Add(ByteView(chunk_b).subspan(400'000));
  gone.Add(ByteView(b_reply).subspan(200));

  NewCase c = RandomCase();
  c.first_message = SealRecord(text, 512, ck);
  REQUIRE(t.store->CreateCase(c).ok());
  gone.AddCase(c);
  const Id file_d = RandomId();
  REQUIRE(t.store->CreateUpload(file_d, 3, std::nullopt).ok());
  const Bytes chunk_d = SealChunk(text, 0);
  REQUIRE(t.store->PutChunk(file_d, 0, chunk_d).ok());
  gone.Add({file_d.data(), file_d.size()});
  gone.Add(ByteView(chunk_d).subspan(300'000));

  return b.case_id;
}

// B deleted; A kept active past C's expiry; then the purge.
void DeleteAndPurge(StoreLife& life, const Id& case_b) {
  TestStore& t = life.t;
  const std::string& text = life.text;
  const uint8_t* ck = life.ck;
  const NewCase& a = life.a;
  REQUIRE(t.store->DeleteCase(case_b).ok());
  // Keep A active past C's expiry, then purge.
  for (int i = 0; i < 40; ++i) {
    t.clock->Advance(1);
    if (i % 10 == 0) {
      REQUIRE(t.store->AppendMessage(a.case_id, SealRecord(text, 512, ck), {}).ok());
    }
  }
  auto purged = t.store->Purge();
  REQUIRE(purged.ok());
  CHECK(purged->cases_deleted == 1);
  CHECK(purged->uploads_deleted == 1);
  t.store.reset();
}

// 1. Exactly the documented tables and columns; 2. no text, no floats.
void CheckTablesAndColumns(const TestStore& t) {
  // 1. Exactly the documented tables and columns.
  auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto tables =
      (*db)->QueryTexts("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  REQUIRE(tables.ok());
  std::vector<std::string> expected_tables;
  for (const auto& [name, columns] : SchemaMigrations::Tables()) {
    expected_tables.push_back(name);
    auto cols = (*db)->QueryTexts("SELECT name FROM pragma_table_info('" + name + "')");
    REQUIRE(cols.ok());
    CHECK(*cols == columns);
    // 2. No text and no floats anywhere: nothing that could hold a name,
    // an address, a user agent or a formatted time.
    for (const auto& col : columns) {
      auto typed = (*db)->QueryInt("SELECT count(*) FROM " + name + " WHERE typeof(" + col +
                                   ") NOT IN ('blob', 'integer', 'null')");
      REQUIRE(typed.ok());
      CHECK(*typed == 0);
    }
  }
  CHECK(*tables == expected_tables);
}

// 3. Every integer is a small count/enum or a day near today: never a
// timestamp in seconds, milliseconds or finer. No rows of the cases gone.
void CheckIntegersAndRows(const TestStore& t) {
  const auto dump = testing::DumpStore(t.db_path(), t.key);
  const Day today = t.clock->Today();
  for (const auto& [table, rows] : dump) {
    const auto& columns =
        std::find_if(SchemaMigrations::Tables().begin(), SchemaMigrations::Tables().end(),
                     [&](const auto& e) { return e.first == table; })
            ->second;
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        const std::string& col = columns[i];
        INFO(table << "." << col);
        const bool is_day = col.size() > 4 && col.compare(col.size() - 4, 4, "_day") == 0;
        if (is_day || col == "day") {
          CHECK(row[i].integer >= testing::kToday);
          CHECK(row[i].integer <= today + 40);
        } else if (col == "seq" || col == "idx" || col == "role" || col == "version" ||
                   col == "generation" || col == "chunk_count" || col == "singleton" ||
                   col.find("days") != std::string::npos || col == "max_chunks_per_file") {
          CHECK(row[i].integer < 1'000'000);
        }
      }
    }
  }
  // Deleted and purged cases: no rows left.
  CHECK(dump.at("cases").size() == 1);
  CHECK(dump.at("messages").size() == 1 + 3 + 1 + 4);
  CHECK(dump.at("chunks").size() == 3);
  CHECK(dump.at("uploads").empty());
  CHECK(dump.at("case_keys").size() == 4);
}

// 4. The whole file, decrypted page by page (free pages included): none of
// the typed secrets, no byte of the deleted cases; the WAL was truncated.
void CheckPages(const StoreLife& life) {
  const TestStore& t = life.t;
  const NewCase& a = life.a;
  const Bytes& chunk_a0 = life.chunk_a0;
  const Traces& gone = life.gone;
  std::error_code ec;
  const auto wal_size = std::filesystem::file_size(t.db_path() + "-wal", ec);
  CHECK((ec || wal_size == 0));
  auto pages = testing::DecryptPages(testing::ReadFileBytes(t.db_path()), t.key);
  REQUIRE(pages.has_value());
  // Controls: the decryption is right (page 1's header: page size 4096, WAL
  // format bytes 2, 2) and a surviving record's bytes are found.
  REQUIRE((*pages)[0] == 0x10);
  REQUIRE((*pages)[1] == 0x00);
  REQUIRE((*pages)[2] == 2);
  REQUIRE((*pages)[3] == 2);
  CHECK(Contains(*pages, ByteView(a.first_message).subspan(100, 48)));
  CHECK(Contains(*pages, ByteView(chunk_a0).subspan(300'000, 48)));
  CHECK(Contains(*pages, {a.lookup_hash.data(), a.lookup_hash.size()}));
  for (auto secret : kSecrets) {
    INFO(secret);
    CHECK_FALSE(Contains(*pages, AsBytes(secret)));
  }
  for (size_t i = 0; i < gone.slices.size(); ++i) {
    INFO("trace " << i);
    CHECK_FALSE(Contains(*pages, gone.slices[i]));
  }
}

TEST_CASE("metadata audit: only the listed data, nothing of deleted cases", "[audit]") {
  StoreLife life;
  TestStore& t = life.t;
  t.settings.retention_days = 30;
  t.settings.retention_spread_days = 5;
  REQUIRE(t.Create().ok());
  randombytes_buf(life.ck, sizeof(life.ck));
  REQUIRE(t.store->PutRoster(Roster{1, testing::RandomBytes(700), std::nullopt}).ok());
  LiveCaseA(life);
  const Id case_b = AddCasesThatGo(life);
  DeleteAndPurge(life, case_b);
  CheckTablesAndColumns(t);
  CheckIntegersAndRows(t);
  CheckPages(life);
}

}  // namespace
}  // namespace dojava::service
