// DiskFullStore: a real Store (SqlcipherStore) behind a switch that makes
// every write fail the way SqlcipherStore fails on a full disk
// (SqliteDb::MapError for SQLITE_FULL: kResourceExhausted, "the disk is
// full (...)"). Reads always go through. Fault injection for the API and
// no-JavaScript tests; tests/abuse fills a real disk (RLIMIT_FSIZE) instead.
#ifndef DOJAVA_TESTS_SERVICE_DISK_FULL_STORE_H_
#define DOJAVA_TESTS_SERVICE_DISK_FULL_STORE_H_

#include <atomic>

#include "service/store/store.h"

namespace dojava::service::testing {

class DiskFullStore final : public Store {
 public:
  explicit DiskFullStore(Store* real) : real_(real) {}
  void SetFull(bool full) { full_ = full; }

  Status PutSettings(const Settings& s) override {
    return Full() ? kFull() : real_->PutSettings(s);
  }
  Result<Settings> GetSettings() override { return real_->GetSettings(); }
  Status PutRoster(const Roster& r) override { return Full() ? kFull() : real_->PutRoster(r); }
  Result<Roster> GetRoster() override { return real_->GetRoster(); }
  Result<std::vector<Roster>> ListRosters(uint64_t after, size_t limit) override {
    return real_->ListRosters(after, limit);
  }
  Day Today() override { return real_->Today(); }
  Status CreateCase(const NewCase& c) override { return Full() ? kFull() : real_->CreateCase(c); }
  Result<CaseInfo> GetCase(const Id& id) override { return real_->GetCase(id); }
  Result<CaseInfo> FindCaseByLookupHash(const LookupHash& h) override {
    return real_->FindCaseByLookupHash(h);
  }
  Result<std::vector<CaseInfo>> ListCasesChangedSince(Day since,
                                                      const std::optional<CaseCursor>& after,
                                                      size_t limit) override {
    return real_->ListCasesChangedSince(since, after, limit);
  }
  Status DeleteCase(const Id& id) override { return Full() ? kFull() : real_->DeleteCase(id); }
  Result<uint64_t> AppendMessage(const Id& id, const Bytes& record,
                                 const std::vector<Id>& files) override {
    if (Full()) return kFull();
    return real_->AppendMessage(id, record, files);
  }
  Result<std::vector<Message>> ListMessages(const Id& id, uint64_t after, size_t count,
                                            size_t bytes) override {
    return real_->ListMessages(id, after, count, bytes);
  }
  Status AddSealedKeys(const Id& id, const std::vector<SealedKey>& keys,
                       const std::optional<Bytes>& genesis) override {
    return Full() ? kFull() : real_->AddSealedKeys(id, keys, genesis);
  }
  Status ReplaceSealedKeys(const Id& id, const std::vector<SealedKey>& keys) override {
    return Full() ? kFull() : real_->ReplaceSealedKeys(id, keys);
  }
  Status PutAnchor(const Id& id, ByteView anchor_envelope) override {
    return Full() ? kFull() : real_->PutAnchor(id, anchor_envelope);
  }
  Result<uint32_t> AddRekey(const Id& id, ByteView statement, const std::vector<SealedKey>& keys,
                            const std::optional<Bytes>& genesis) override {
    if (Full()) return kFull();
    return real_->AddRekey(id, statement, keys, genesis);
  }
  Result<CaseStatements> GetCaseStatements(const Id& id) override {
    return real_->GetCaseStatements(id);
  }
  Result<std::vector<SealedKey>> GetSealedKeys(const Id& id) override {
    return real_->GetSealedKeys(id);
  }
  Status CreateUpload(const Id& file, uint32_t chunks, const std::optional<Id>& id) override {
    return Full() ? kFull() : real_->CreateUpload(file, chunks, id);
  }
  Status PutChunk(const Id& file, uint32_t index, ByteView record) override {
    return Full() ? kFull() : real_->PutChunk(file, index, record);
  }
  Result<UploadStatus> GetUploadStatus(const Id& file) override {
    return real_->GetUploadStatus(file);
  }
  Result<Bytes> GetChunk(const Id& id, const Id& file, uint32_t index) override {
    return real_->GetChunk(id, file, index);
  }
  Result<PurgeReport> Purge() override {
    if (Full()) return kFull();
    return real_->Purge();
  }

 private:
  bool Full() const { return full_.load(); }
  static Status kFull() {
    return Status(Code::kResourceExhausted, "the disk is full (step: database or disk is full)");
  }

  Store* const real_;
  std::atomic<bool> full_{false};
};

}  // namespace dojava::service::testing

#endif  // DOJAVA_TESTS_SERVICE_DISK_FULL_STORE_H_
