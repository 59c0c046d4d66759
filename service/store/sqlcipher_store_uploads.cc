// The uploads and chunks of SqlcipherStore (sqlcipher_store.h; the rest of
// the class is in sqlcipher_store.cc and sqlcipher_store_cases.cc).
#include <algorithm>
#include <cstring>

#include "service/store/sqlcipher_rows.h"
#include "service/store/sqlcipher_store.h"

namespace dojava::service {
namespace {

using internal::Invalid;
using internal::RandomRowid;
using internal::ReadSettings;
using internal::View;
using protocol::kChunkRecordSize;

}  // namespace

// --- attachments ------------------------------------------------------------------

Status SqlcipherStore::CreateUpload(const Id& file_id, uint32_t chunk_count,
                                    const std::optional<Id>& case_id) {
  if (chunk_count == 0) return Invalid("an upload has at least one chunk");
  DOJAVA_RETURN_IF_ERROR(CheckDiskReserve(uint64_t{chunk_count} * kChunkRecordSize));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(Settings settings, ReadSettings(db));
        if (chunk_count > settings.max_chunks_per_file) {
          return Status(Code::kLimitReached, "the attachment is larger than allowed");
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto find, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
        find.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
        if (exists) {
          const ByteView bound = find.ColumnBlob(0);
          const bool same_case =
              find.ColumnIsNull(0)
                  ? !case_id.has_value()
                  : (case_id.has_value() &&
                     std::equal(bound.begin(), bound.end(), case_id->begin(), case_id->end()));
          if (same_case && find.ColumnInt(1) == chunk_count) return Status::Ok();
          return Status(Code::kAlreadyExists, "an upload with that file id exists");
        }
        DOJAVA_ASSIGN_OR_RETURN(auto bound,
                                db.Prepare("SELECT 1 FROM chunks WHERE file_id = ?1 LIMIT 1"));
        bound.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool has_chunks, bound.Step());
        if (has_chunks) return Status(Code::kAlreadyExists, "a file with that id exists");
        DOJAVA_ASSIGN_OR_RETURN(auto insert,
                                db.Prepare("INSERT INTO uploads (file_id, case_id, chunk_count, "
                                           "created_day) VALUES (?2, ?3, ?4, ?5)"));
        insert.BindBlob(2, View(file_id));
        if (case_id) {
          insert.BindBlob(3, View(*case_id));
        } else {
          insert.BindNull(3);
        }
        insert.BindInt(4, chunk_count);
        insert.BindInt(5, today);
        Status s = insert.Run();
        if (s.code() == Code::kNotFound) return Status(Code::kNotFound, "unknown case");
        return s;
      },
      0);
}

Status SqlcipherStore::PutChunk(const Id& file_id, uint32_t index, ByteView record) {
  if (record.size() != kChunkRecordSize) return Invalid("a chunk has the wrong size");
  DOJAVA_RETURN_IF_ERROR(CheckDiskReserve(kChunkRecordSize));
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(
            auto upload, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
        upload.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
        if (!found) return Status(Code::kNotFound, "unknown upload");
        if (index >= upload.ColumnInt(1)) return Invalid("chunk index beyond the declared count");
        DOJAVA_ASSIGN_OR_RETURN(
            auto existing, db.Prepare("SELECT record FROM chunks WHERE file_id = ?1 AND idx = ?2"));
        existing.BindBlob(1, View(file_id));
        existing.BindInt(2, index);
        DOJAVA_ASSIGN_OR_RETURN(bool stored, existing.Step());
        if (stored) {
          const ByteView bytes = existing.ColumnBlob(0);
          if (bytes.size() == record.size() &&
              std::memcmp(bytes.data(), record.data(), record.size()) == 0) {
            return Status::Ok();
          }
          return Status(Code::kAlreadyExists, "that chunk was stored with other bytes");
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto insert, db.Prepare("INSERT INTO chunks (rowid, file_id, case_id, idx, record) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)"));
        insert.BindInt(1, RandomRowid());
        insert.BindBlob(2, View(file_id));
        if (upload.ColumnIsNull(0)) {
          insert.BindNull(3);
        } else {
          insert.BindBlob(3, upload.ColumnBlob(0));
        }
        insert.BindInt(4, index);
        insert.BindBlob(5, record);
        return insert.Run();
      },
      record.size());
}

Result<UploadStatus> SqlcipherStore::GetUploadStatus(const Id& file_id) {
  UploadStatus out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto upload,
                            db.Prepare("SELECT chunk_count FROM uploads WHERE file_id = ?1"));
    upload.BindBlob(1, View(file_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
    if (!found) return Status(Code::kNotFound, "unknown upload");
    out.chunk_count = static_cast<uint32_t>(upload.ColumnInt(0));
    DOJAVA_ASSIGN_OR_RETURN(auto have,
                            db.Prepare("SELECT idx FROM chunks WHERE file_id = ?1 ORDER BY idx"));
    have.BindBlob(1, View(file_id));
    uint32_t next = 0;
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, have.Step());
      if (!row) break;
      const auto idx = static_cast<uint32_t>(have.ColumnInt(0));
      for (; next < idx; ++next) out.missing.push_back(next);
      next = idx + 1;
    }
    for (; next < out.chunk_count; ++next) out.missing.push_back(next);
    return Status::Ok();
  }));
  return out;
}

Result<Bytes> SqlcipherStore::GetChunk(const Id& case_id, const Id& file_id, uint32_t index) {
  Bytes out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find,
                            db.Prepare("SELECT record FROM chunks WHERE file_id = ?1 AND "
                                       "idx = ?2 AND case_id = ?3 AND NOT EXISTS "
                                       "(SELECT 1 FROM uploads WHERE file_id = ?1)"));
    find.BindBlob(1, View(file_id));
    find.BindInt(2, index);
    find.BindBlob(3, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, find.Step());
    if (!found) return Status(Code::kNotFound, "unknown chunk");
    const ByteView bytes = find.ColumnBlob(0);
    out.assign(bytes.begin(), bytes.end());
    return Status::Ok();
  }));
  return out;
}

}  // namespace dojava::service
