// Row helpers shared by the files of SqlcipherStore (sqlcipher_store.cc,
// sqlcipher_store_cases.cc, sqlcipher_store_uploads.cc): id views, exact
// copies out of blobs, random rowids and expiry spreads, and the settings row.
// Internal to dojava_store; nothing outside service/store includes it.
//
// Thread safety: RandomU64 and what calls it (RandomBelow, RandomRowid,
// ExpiryDay) keep a per-thread buffer; the rest is stateless.
#ifndef DOJAVA_SERVICE_STORE_SQLCIPHER_ROWS_H_
#define DOJAVA_SERVICE_STORE_SQLCIPHER_ROWS_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "base/status.h"
#include "service/store/sqlite_db.h"
#include "service/store/store.h"

// Like DOJAVA_RETURN_IF_ERROR, for a call whose lambda argument uses that
// macro itself (distinct variable name, so -Wshadow stays quiet).
#define DOJAVA_OUTER_RETURN_IF_ERROR(expr)         \
  do {                                             \
    ::dojava::Status outer_status_ = (expr);       \
    if (!outer_status_.ok()) return outer_status_; \
  } while (0)

namespace dojava::service::internal {

inline ByteView View(const Id& id) { return {id.data(), id.size()}; }

// Copies from into *to if the sizes match exactly; false otherwise.
template <size_t N>
bool CopyExact(ByteView from, std::array<uint8_t, N>* to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to->begin());
  return true;
}

inline Status Invalid(const char* what) { return Status(Code::kInvalidArgument, what); }

// Random bytes for rowids and expiry spreads, from libsodium in blocks: one
// getrandom() per kRandomBlock bytes instead of one per row keeps system
// calls off the writer's path. Used by the writer thread only.
uint64_t RandomU64();

// Uniform in [0, n) (n > 0), without modulo bias.
uint64_t RandomBelow(uint64_t n);

// A uniformly random positive rowid: rows do not reveal arrival order.
int64_t RandomRowid();

// The settings row; kNotFound before dojavad init, kInternal if malformed.
Result<Settings> ReadSettings(SqliteDb& db);

// Expiry day for a case active today: retention plus a uniform random spread.
Result<Day> ExpiryDay(SqliteDb& db, Day today);

// Returns the free pages of the file to the file system.
inline Status IncrementalVacuum(SqliteDb& db) { return db.Exec("PRAGMA incremental_vacuum"); }

}  // namespace dojava::service::internal

#endif  // DOJAVA_SERVICE_STORE_SQLCIPHER_ROWS_H_
