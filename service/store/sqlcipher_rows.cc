#include "service/store/sqlcipher_rows.h"

#include <sodium.h>

#include <cstring>

namespace dojava::service::internal {
namespace {

// One getrandom() per kRandomBlock bytes (sqlcipher_rows.h).
constexpr size_t kRandomBlock = 4096;

}  // namespace

uint64_t RandomU64() {
  thread_local std::array<uint8_t, kRandomBlock> block;
  thread_local size_t used = kRandomBlock;
  if (used + sizeof(uint64_t) > block.size()) {
    randombytes_buf(block.data(), block.size());
    used = 0;
  }
  uint64_t r = 0;
  std::memcpy(&r, block.data() + used, sizeof(r));
  sodium_memzero(block.data() + used, sizeof(r));
  used += sizeof(r);
  return r;
}

uint64_t RandomBelow(uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t r;
  do {
    r = RandomU64();
  } while (r >= limit);
  return r % n;
}

int64_t RandomRowid() {
  const uint64_t r = RandomU64() & 0x7fffffffffffffffull;
  return r == 0 ? 1 : static_cast<int64_t>(r);
}

Result<Settings> ReadSettings(SqliteDb& db) {
  DOJAVA_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare("SELECT instance_id, salt, admin_public_key, retention_days, "
                                     "retention_spread_days, upload_ttl_days, max_chunks_per_file "
                                     "FROM settings WHERE singleton = 1"));
  DOJAVA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status(Code::kNotFound, "the instance is not initialised (run dojavad init)");
  Settings s;
  if (!CopyExact(stmt.ColumnBlob(0), &s.instance_id) || !CopyExact(stmt.ColumnBlob(1), &s.salt) ||
      !CopyExact(stmt.ColumnBlob(2), &s.admin_public_key)) {
    return Status(Code::kInternal, "settings row is malformed");
  }
  s.retention_days = stmt.ColumnInt(3);
  s.retention_spread_days = stmt.ColumnInt(4);
  s.upload_ttl_days = stmt.ColumnInt(5);
  s.max_chunks_per_file = stmt.ColumnInt(6);
  return s;
}

Result<Day> ExpiryDay(SqliteDb& db, Day today) {
  DOJAVA_ASSIGN_OR_RETURN(Settings s, ReadSettings(db));
  const auto spread =
      static_cast<Day>(RandomBelow(static_cast<uint64_t>(s.retention_spread_days) + 1));
  return today + s.retention_days + spread;
}

}  // namespace dojava::service::internal
