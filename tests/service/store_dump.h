// Dumps every table of a store file as sorted rows of raw column bytes, so two
// files can be compared record by record.
#ifndef DOJAVA_TESTS_SERVICE_STORE_DUMP_H_
#define DOJAVA_TESTS_SERVICE_STORE_DUMP_H_

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "service/store/schema_migrations.h"
#include "service/store/sqlite_db.h"

namespace dojava::service::testing {

struct Cell {
  int type;  // SQLITE_INTEGER, SQLITE_BLOB, SQLITE_TEXT, SQLITE_NULL, SQLITE_FLOAT
  int64_t integer = 0;
  Bytes bytes;
  bool operator==(const Cell&) const = default;
  auto operator<=>(const Cell&) const = default;
};
using Row = std::vector<Cell>;
using TableDump = std::vector<Row>;  // sorted
using Dump = std::map<std::string, TableDump>;

inline Dump DumpStore(const std::string& path, const SecretBytes& key) {
  Dump dump;
  auto db = SqliteDb::Open(path, key, SqliteDb::Mode::kReadOnly);
  if (!db.ok()) return dump;
  for (const auto& [table, columns] : SchemaMigrations::Tables()) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += " FROM " + table;
    auto stmt = (*db)->Prepare(sql);
    if (!stmt.ok()) continue;
    TableDump rows;
    while (true) {
      auto more = stmt->Step();
      if (!more.ok() || !*more) break;
      Row row;
      for (size_t i = 0; i < columns.size(); ++i) {
        Cell cell;
        const int col = static_cast<int>(i);
        if (stmt->ColumnIsNull(col)) {
          cell.type = SQLITE_NULL;
        } else {
          const ByteView b = stmt->ColumnBlob(col);
          cell.type = SQLITE_BLOB;
          cell.bytes.assign(b.begin(), b.end());
          cell.integer = stmt->ColumnInt(col);
        }
        row.push_back(std::move(cell));
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    dump[table] = std::move(rows);
  }
  return dump;
}

}  // namespace dojava::service::testing

#endif  // DOJAVA_TESTS_SERVICE_STORE_DUMP_H_
