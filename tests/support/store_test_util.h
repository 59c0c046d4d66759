// Helpers for the store tests: temporary directories, keys, ids and records.
// Every test runs against real SQLCipher files; nothing here fakes the store.
#ifndef DOJAVA_TESTS_SUPPORT_STORE_TEST_UTIL_H_
#define DOJAVA_TESTS_SUPPORT_STORE_TEST_UTIL_H_

#include <sodium.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "base/secret_bytes.h"
#include "service/store/clock.h"
#include "service/store/sqlcipher_store.h"
#include "service/store/store.h"

namespace dojava::service::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/dojava-store-XXXXXX";
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline constexpr Day kToday = 20'000;  // 2024-10-04

inline Id RandomId() {
  Id id;
  randombytes_buf(id.data(), id.size());
  return id;
}

template <size_t N>
std::array<uint8_t, N> RandomArray() {
  std::array<uint8_t, N> a;
  randombytes_buf(a.data(), a.size());
  return a;
}

inline Bytes RandomBytes(size_t n) {
  Bytes b(n);
  randombytes_buf(b.data(), b.size());
  return b;
}

inline Bytes RandomRecord(size_t size = kMinMessageRecordSize) { return RandomBytes(size); }
inline Bytes RandomChunk() { return RandomBytes(protocol::kChunkRecordSize); }

inline Settings TestSettings() {
  Settings s;
  s.instance_id = RandomId();
  s.salt = RandomArray<protocol::kSaltSize>();
  s.admin_public_key = RandomArray<protocol::kEd25519PublicSize>();
  return s;
}

inline SealedKey SourceKey() {
  return SealedKey{std::nullopt, Role::kCaseKey, RandomArray<82>(), 0};
}
inline SealedKey ReviewerKey(const Id& reviewer, Role role) {
  return SealedKey{reviewer, role, RandomArray<82>(), 0};
}

inline NewCase RandomCase(const std::vector<Id>& reviewers = {RandomId()}) {
  NewCase c;
  c.case_id = RandomId();
  c.lookup_hash = RandomArray<kLookupHashSize>();
  c.source_public_key = RandomArray<protocol::kX25519Size>();
  c.keys.push_back(SourceKey());
  for (const Id& r : reviewers) {
    c.keys.push_back(ReviewerKey(r, Role::kCaseKey));
    c.keys.push_back(ReviewerKey(r, Role::kNotesKey));
  }
  c.first_message = RandomRecord();
  return c;
}

inline Bytes ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A store on a new database with settings written; the clock is shared.
struct TestStore {
  TempDir dir;
  SecretBytes key = SecretBytes::Random(32);
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kToday);
  std::unique_ptr<SqlcipherStore> store;
  Settings settings = TestSettings();

  std::string db_path() const { return dir.File(kDatabaseFileName); }

  Status Create(StoreOptions options = {}) {
    options.disk_reserve_bytes = std::min<uint64_t>(options.disk_reserve_bytes, 1 << 20);
    auto s = SqlcipherStore::Create(db_path(), key, clock, options);
    if (!s.ok()) return s.status();
    store = std::move(s).value();
    return store->PutSettings(settings);
  }
  Status Reopen(StoreOptions options = {}) {
    options.disk_reserve_bytes = std::min<uint64_t>(options.disk_reserve_bytes, 1 << 20);
    store.reset();
    auto s = SqlcipherStore::Open(db_path(), key, clock, options);
    if (!s.ok()) return s.status();
    store = std::move(s).value();
    return Status::Ok();
  }
};

}  // namespace dojava::service::testing

#endif  // DOJAVA_TESTS_SUPPORT_STORE_TEST_UTIL_H_
