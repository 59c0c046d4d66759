// The cases, messages and sealed keys of SqlcipherStore
// (sqlcipher_store.h; the rest of the class is in sqlcipher_store.cc).
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "service/store/sqlcipher_rows.h"
#include "service/store/sqlcipher_store.h"

namespace dojava::service {
namespace {

using internal::CopyExact;
using internal::ExpiryDay;
using internal::Invalid;
using internal::RandomRowid;
using internal::View;

Status ValidateRecord(const Bytes& record) {
  if (record.size() < kMinMessageRecordSize || record.size() > kMaxMessageRecordSize) {
    return Invalid("a message record has the wrong size");
  }
  return Status::Ok();
}

Status ValidateAttachments(const std::vector<Id>& attachments) {
  if (attachments.size() > kMaxAttachmentsPerMessage) return Invalid("too many attachments");
  std::set<Id> seen(attachments.begin(), attachments.end());
  if (seen.size() != attachments.size()) return Invalid("an attachment is listed twice");
  return Status::Ok();
}

// Checks a list of sealed keys on its own: no duplicate (recipient, role,
// generation), never an NK for the source, generations >= 1 only for
// reviewers' keys (a re-key's CK' and NK'), not too many.
Status ValidateKeys(const std::vector<SealedKey>& keys) {
  if (keys.empty()) return Invalid("no sealed keys");
  if (keys.size() > kMaxSealedKeysPerCase) return Invalid("too many sealed keys");
  std::set<std::tuple<std::optional<Id>, Role, uint32_t>> seen;
  for (const auto& k : keys) {
    if (k.role != Role::kCaseKey && k.role != Role::kNotesKey) return Invalid("unknown key role");
    if (!k.reviewer && k.role == Role::kNotesKey) {
      return Invalid("the notes key is never sealed to the source");
    }
    if (k.generation > kMaxRekeysPerCase ||
        (k.generation > 0 && !k.reviewer)) {
      return Invalid("a key generation out of range");
    }
    if (!seen.insert({k.reviewer, k.role, k.generation}).second) {
      return Invalid("two sealed keys for the same recipient, role and generation");
    }
  }
  return Status::Ok();
}

ByteView RecipientBytes(const SealedKey& k) { return k.reviewer ? View(*k.reviewer) : ByteView{}; }

// Inserts keys; an identical existing key is a no-op, a different one for
// the same (recipient, role, generation) is kAlreadyExists. new_case: the case row was
// inserted by this same write, so no key of it can exist yet (foreign key)
// and the look-ups are skipped; keys are distinct (ValidateKeys).
Status InsertKeys(SqliteDb& db, const Id& case_id, const std::vector<SealedKey>& keys,
                  bool new_case) {
  DOJAVA_ASSIGN_OR_RETURN(auto find,
                          db.Prepare("SELECT sealed FROM case_keys WHERE case_id = ?1 "
                                     "AND recipient = ?2 AND role = ?3 AND generation = ?4"));
  DOJAVA_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO case_keys (case_id, recipient, role, sealed, generation) "
                 "VALUES (?2, ?3, ?4, ?5, ?6)"));
  for (const auto& k : keys) {
    if (!new_case) {
      find.Reset();
      find.BindBlob(1, View(case_id));
      find.BindBlob(2, RecipientBytes(k));
      find.BindInt(3, static_cast<int64_t>(k.role));
      find.BindInt(4, k.generation);
      DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
      if (exists) {
        const ByteView stored = find.ColumnBlob(0);
        if (stored.size() == k.sealed.size() &&
            std::equal(stored.begin(), stored.end(), k.sealed.begin())) {
          continue;
        }
        return Status(Code::kAlreadyExists, "that recipient already holds a different key");
      }
    }
    insert.Reset();
    insert.BindBlob(2, View(case_id));
    insert.BindBlob(3, RecipientBytes(k));
    insert.BindInt(4, static_cast<int64_t>(k.role));
    insert.BindBlob(5, {k.sealed.data(), k.sealed.size()});
    insert.BindInt(6, k.generation);
    DOJAVA_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

// Binds finished uploads to case_id: their chunks get the case id and the
// upload session is deleted.
Status BindAttachments(SqliteDb& db, const Id& case_id, const std::vector<Id>& attachments) {
  for (const Id& file : attachments) {
    DOJAVA_ASSIGN_OR_RETURN(
        auto upload, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
    upload.BindBlob(1, View(file));
    DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
    if (!found) return Status(Code::kNotFound, "unknown attachment");
    if (!upload.ColumnIsNull(0)) {
      const ByteView bound = upload.ColumnBlob(0);
      if (!std::equal(bound.begin(), bound.end(), case_id.begin(), case_id.end())) {
        return Status(Code::kNotFound, "unknown attachment");
      }
    }
    const int64_t chunk_count = upload.ColumnInt(1);
    DOJAVA_ASSIGN_OR_RETURN(auto count,
                            db.Prepare("SELECT count(*) FROM chunks WHERE file_id = ?1"));
    count.BindBlob(1, View(file));
    DOJAVA_ASSIGN_OR_RETURN(bool row, count.Step());
    if (!row || count.ColumnInt(0) != chunk_count) {
      return Invalid("an attachment's upload is not finished");
    }
    DOJAVA_ASSIGN_OR_RETURN(auto bind,
                            db.Prepare("UPDATE chunks SET case_id = ?1 WHERE file_id = ?2"));
    bind.BindBlob(1, View(case_id));
    bind.BindBlob(2, View(file));
    DOJAVA_RETURN_IF_ERROR(bind.Run());
    DOJAVA_ASSIGN_OR_RETURN(auto done, db.Prepare("DELETE FROM uploads WHERE file_id = ?1"));
    done.BindBlob(1, View(file));
    DOJAVA_RETURN_IF_ERROR(done.Run());
  }
  return Status::Ok();
}

Status InsertMessage(SqliteDb& db, const Id& case_id, uint64_t seq, Day day, const Bytes& record) {
  DOJAVA_ASSIGN_OR_RETURN(auto insert,
                          db.Prepare("INSERT INTO messages (rowid, case_id, seq, day, record) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
  insert.BindInt(1, RandomRowid());
  insert.BindBlob(2, View(case_id));
  insert.BindInt(3, static_cast<int64_t>(seq));
  insert.BindInt(4, day);
  insert.BindBlob(5, record);
  return insert.Run();
}

// Marks activity on a case: last activity today, new expiry. kNotFound if
// the case does not exist.
Status Touch(SqliteDb& db, const Id& case_id, Day today) {
  DOJAVA_ASSIGN_OR_RETURN(Day expiry, ExpiryDay(db, today));
  DOJAVA_ASSIGN_OR_RETURN(
      auto update,
      db.Prepare("UPDATE cases SET last_activity_day = ?1, expiry_day = ?2 WHERE id = ?3"));
  update.BindInt(1, today);
  update.BindInt(2, expiry);
  update.BindBlob(3, View(case_id));
  DOJAVA_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(db.raw()) == 0) return Status(Code::kNotFound, "unknown case");
  return Status::Ok();
}

// The case's last re-key generation (0: never re-keyed).
Result<uint32_t> LastGeneration(SqliteDb& db, const Id& case_id) {
  DOJAVA_ASSIGN_OR_RETURN(
      auto last,
      db.Prepare("SELECT coalesce(max(generation), 0) FROM case_rekeys WHERE case_id = ?1"));
  last.BindBlob(1, View(case_id));
  DOJAVA_ASSIGN_OR_RETURN(bool row, last.Step());
  if (!row) return Status(Code::kInternal, "max returned no row");
  return static_cast<uint32_t>(last.ColumnInt(0));
}

// kLimitReached if adding the keys of `generation` among `keys` to those the
// case holds of that generation would pass kMaxSealedKeysPerCase.
Status CheckKeyRoom(SqliteDb& db, const Id& case_id, uint32_t generation,
                    const std::vector<SealedKey>& keys) {
  DOJAVA_ASSIGN_OR_RETURN(auto count, db.Prepare("SELECT count(*) FROM case_keys WHERE "
                                                 "case_id = ?1 AND generation = ?2"));
  count.BindBlob(1, View(case_id));
  count.BindInt(2, generation);
  DOJAVA_ASSIGN_OR_RETURN(bool row, count.Step());
  if (!row) return Status(Code::kInternal, "count returned no row");
  const auto adding = static_cast<size_t>(std::count_if(
      keys.begin(), keys.end(), [&](const SealedKey& k) { return k.generation == generation; }));
  if (static_cast<size_t>(count.ColumnInt(0)) + adding > kMaxSealedKeysPerCase) {
    return Status(Code::kLimitReached, "the case holds the most keys allowed");
  }
  return Status::Ok();
}

// Stores a genesis envelope (§7.2, §7.4): at most one per CK, keyed by the
// CK commitment in its header (bytes 3..34). The same bytes again are a
// no-op, another envelope with that commitment kAlreadyExists.
Status InsertGenesis(SqliteDb& db, const Id& case_id, const Bytes& genesis) {
  DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT envelope FROM case_genesis WHERE case_id = "
                                                "?1 AND substr(envelope, 3, 32) = ?2"));
  find.BindBlob(1, View(case_id));
  find.BindBlob(2, ByteView(genesis).subspan(2, 32));
  DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
  if (exists) {
    const ByteView stored = find.ColumnBlob(0);
    if (std::equal(stored.begin(), stored.end(), genesis.begin(), genesis.end())) {
      return Status::Ok();
    }
    return Status(Code::kAlreadyExists, "the case key has another notes-key genesis");
  }
  find.Reset();
  DOJAVA_ASSIGN_OR_RETURN(
      auto put, db.Prepare("INSERT INTO case_genesis (case_id, envelope) VALUES (?1, ?2)"));
  put.BindBlob(1, View(case_id));
  put.BindBlob(2, genesis);
  return put.Run();
}

// kInvalidArgument unless `genesis` (if any) has a genesis envelope's size.
Status CheckGenesisSize(const std::optional<Bytes>& genesis) {
  if (genesis &&
      (genesis->size() < kMinGenesisEnvelopeSize || genesis->size() > kMaxGenesisEnvelopeSize)) {
    return Invalid("a genesis has the wrong size");
  }
  return Status::Ok();
}

constexpr const char* kCaseColumns =
    "SELECT id, source_public_key, created_day, last_activity_day, expiry_day FROM cases ";

Result<CaseInfo> ReadCaseRow(const SqliteStatement& stmt) {
  CaseInfo c;
  if (!CopyExact(stmt.ColumnBlob(0), &c.case_id) ||
      !CopyExact(stmt.ColumnBlob(1), &c.source_public_key)) {
    return Status(Code::kInternal, "case row is malformed");
  }
  c.created_day = stmt.ColumnInt(2);
  c.last_activity_day = stmt.ColumnInt(3);
  c.expiry_day = stmt.ColumnInt(4);
  return c;
}

}  // namespace

// --- cases ----------------------------------------------------------------------

Status SqlcipherStore::CreateCase(const NewCase& c) {
  DOJAVA_RETURN_IF_ERROR(ValidateKeys(c.keys));
  const bool source_ck = std::any_of(c.keys.begin(), c.keys.end(), [](const SealedKey& k) {
    return !k.reviewer && k.role == Role::kCaseKey;
  });
  if (!source_ck) return Invalid("the source's case key is missing");
  DOJAVA_RETURN_IF_ERROR(ValidateRecord(c.first_message));
  DOJAVA_RETURN_IF_ERROR(ValidateAttachments(c.attachments));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(Day expiry, ExpiryDay(db, today));
        DOJAVA_ASSIGN_OR_RETURN(auto insert,
                                db.Prepare("INSERT INTO cases (id, lookup_hash, source_public_key, "
                                           "created_day, last_activity_day, expiry_day) "
                                           "VALUES (?2, ?3, ?4, ?5, ?5, ?6)"));
        insert.BindBlob(2, View(c.case_id));
        insert.BindBlob(3, {c.lookup_hash.data(), c.lookup_hash.size()});
        insert.BindBlob(4, {c.source_public_key.data(), c.source_public_key.size()});
        insert.BindInt(5, today);
        insert.BindInt(6, expiry);
        Status s = insert.Run();
        if (s.code() == Code::kAlreadyExists) {
          return Status(Code::kAlreadyExists, "a case with that id or lookup key exists");
        }
        DOJAVA_RETURN_IF_ERROR(s);
        DOJAVA_RETURN_IF_ERROR(InsertKeys(db, c.case_id, c.keys, /*new_case=*/true));
        DOJAVA_RETURN_IF_ERROR(InsertMessage(db, c.case_id, 1, today, c.first_message));
        return BindAttachments(db, c.case_id, c.attachments);
      },
      c.first_message.size());
}

Result<CaseInfo> SqlcipherStore::GetCase(const Id& case_id) {
  CaseInfo out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare(std::string(kCaseColumns) + "WHERE id = ?1"));
    find.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool row, find.Step());
    if (!row) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(out, ReadCaseRow(find));
    return Status::Ok();
  }));
  return out;
}

Result<CaseInfo> SqlcipherStore::FindCaseByLookupHash(const LookupHash& hash) {
  CaseInfo out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find,
                            db.Prepare(std::string(kCaseColumns) + "WHERE lookup_hash = ?1"));
    find.BindBlob(1, {hash.data(), hash.size()});
    DOJAVA_ASSIGN_OR_RETURN(bool row, find.Step());
    if (!row) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(out, ReadCaseRow(find));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<CaseInfo>> SqlcipherStore::ListCasesChangedSince(
    Day since, const std::optional<CaseCursor>& after, size_t limit) {
  if (limit == 0) return Invalid("limit must be at least 1");
  limit = std::min(limit, options_.max_list_cases);
  std::vector<CaseInfo> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(
        auto list,
        db.Prepare(std::string(kCaseColumns) +
                   "WHERE last_activity_day >= ?1 AND (last_activity_day, id) > (?2, ?3) "
                   "ORDER BY last_activity_day, id LIMIT ?4"));
    list.BindInt(1, since);
    if (after) {
      list.BindInt(2, after->last_activity_day);
      list.BindBlob(3, View(after->case_id));
    } else {
      list.BindInt(2, since);
      list.BindBlob(3, ByteView{});  // the empty blob sorts before every id
    }
    list.BindInt(4, static_cast<int64_t>(limit));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      DOJAVA_ASSIGN_OR_RETURN(CaseInfo c, ReadCaseRow(list));
      out.push_back(c);
    }
    return Status::Ok();
  }));
  return out;
}

Status SqlcipherStore::DeleteCase(const Id& case_id) {
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM cases WHERE id = ?1"));
        del.BindBlob(1, View(case_id));
        DOJAVA_RETURN_IF_ERROR(del.Run());
        if (sqlite3_changes(db.raw()) == 0) return Status(Code::kNotFound, "unknown case");
        return internal::IncrementalVacuum(db);
      },
      0));
  CheckpointAndTruncate();
  return Status::Ok();
}

Result<uint64_t> SqlcipherStore::AppendMessage(const Id& case_id, const Bytes& record,
                                               const std::vector<Id>& attachments) {
  DOJAVA_RETURN_IF_ERROR(ValidateRecord(record));
  DOJAVA_RETURN_IF_ERROR(ValidateAttachments(attachments));
  const Day today = Today();
  uint64_t seq = 0;
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(Touch(db, case_id, today));
        DOJAVA_ASSIGN_OR_RETURN(auto last,
                                db.Prepare("SELECT count(*), coalesce(max(seq), 0) FROM messages "
                                           "WHERE case_id = ?1"));
        last.BindBlob(1, View(case_id));
        DOJAVA_ASSIGN_OR_RETURN(bool row, last.Step());
        if (!row) return Status(Code::kInternal, "count returned no row");
        if (static_cast<uint64_t>(last.ColumnInt(0)) >= options_.max_messages_per_case) {
          return Status(Code::kLimitReached, "the case holds the most messages allowed");
        }
        seq = static_cast<uint64_t>(last.ColumnInt(1)) + 1;
        DOJAVA_RETURN_IF_ERROR(InsertMessage(db, case_id, seq, today, record));
        return BindAttachments(db, case_id, attachments);
      },
      record.size()));
  return seq;
}

Result<std::vector<Message>> SqlcipherStore::ListMessages(const Id& case_id, uint64_t after_seq,
                                                          size_t max_count, size_t max_bytes) {
  if (max_count == 0) return Invalid("max_count must be at least 1");
  if (after_seq > static_cast<uint64_t>(INT64_MAX)) return Invalid("sequence out of range");
  std::vector<Message> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM cases WHERE id = ?1"));
    exists.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(
        auto list, db.Prepare("SELECT seq, day, record FROM messages WHERE case_id = ?1 AND "
                              "seq > ?2 ORDER BY seq LIMIT ?3"));
    list.BindBlob(1, View(case_id));
    list.BindInt(2, static_cast<int64_t>(after_seq));
    list.BindInt(3, static_cast<int64_t>(std::min<size_t>(max_count, INT64_MAX)));
    size_t bytes = 0;
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      const ByteView record = list.ColumnBlob(2);
      if (!out.empty() && bytes + record.size() > max_bytes) break;
      bytes += record.size();
      out.push_back(Message{static_cast<uint64_t>(list.ColumnInt(0)), list.ColumnInt(1),
                            Bytes(record.begin(), record.end())});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqlcipherStore::AddSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys,
                                     const std::optional<Bytes>& genesis) {
  DOJAVA_RETURN_IF_ERROR(ValidateKeys(keys));
  DOJAVA_RETURN_IF_ERROR(CheckGenesisSize(genesis));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(Touch(db, case_id, today));
        DOJAVA_ASSIGN_OR_RETURN(const uint32_t last, LastGeneration(db, case_id));
        std::set<uint32_t> generations;
        for (const auto& k : keys) generations.insert(k.generation);
        if (*generations.rbegin() > last) return Invalid("no re-key of that generation");
        for (uint32_t g : generations) DOJAVA_RETURN_IF_ERROR(CheckKeyRoom(db, case_id, g, keys));
        if (genesis) DOJAVA_RETURN_IF_ERROR(InsertGenesis(db, case_id, *genesis));
        return InsertKeys(db, case_id, keys, /*new_case=*/false);
      },
      keys.size() * protocol::kSealedKeySize + (genesis ? genesis->size() : 0));
}

Result<uint32_t> SqlcipherStore::AddRekey(const Id& case_id, ByteView statement,
                                          const std::vector<SealedKey>& keys,
                                          const std::optional<Bytes>& genesis) {
  if (statement.size() != kRekeyEnvelopeSize) return Invalid("a re-key has the wrong size");
  DOJAVA_RETURN_IF_ERROR(ValidateKeys(keys));
  DOJAVA_RETURN_IF_ERROR(CheckGenesisSize(genesis));
  bool notes = false;
  for (const auto& k : keys) {
    if (!k.reviewer) return Invalid("a re-key seals keys to reviewers only");
    notes |= k.role == Role::kNotesKey;
  }
  if (notes != genesis.has_value()) return Invalid("a re-key's notes keys come with a genesis");
  const Day today = Today();
  uint32_t generation = 0;
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(Touch(db, case_id, today));
        DOJAVA_ASSIGN_OR_RETURN(const uint32_t last, LastGeneration(db, case_id));
        if (last >= kMaxRekeysPerCase) {
          return Status(Code::kLimitReached, "the case holds the most re-keys allowed");
        }
        generation = last + 1;
        DOJAVA_ASSIGN_OR_RETURN(
            auto put, db.Prepare("INSERT INTO case_rekeys (case_id, generation, envelope) "
                                 "VALUES (?1, ?2, ?3)"));
        put.BindBlob(1, View(case_id));
        put.BindInt(2, generation);
        put.BindBlob(3, statement);
        DOJAVA_RETURN_IF_ERROR(put.Run());
        std::vector<SealedKey> numbered = keys;
        for (auto& k : numbered) k.generation = generation;
        if (genesis) DOJAVA_RETURN_IF_ERROR(InsertGenesis(db, case_id, *genesis));
        return InsertKeys(db, case_id, numbered, /*new_case=*/false);
      },
      statement.size() + keys.size() * protocol::kSealedKeySize + (genesis ? genesis->size() : 0)));
  return generation;
}

Result<std::vector<SealedKey>> SqlcipherStore::GetSealedKeys(const Id& case_id) {
  std::vector<SealedKey> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM cases WHERE id = ?1"));
    exists.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(auto list,
                            db.Prepare("SELECT recipient, role, sealed, generation FROM case_keys "
                                       "WHERE case_id = ?1 ORDER BY generation, recipient, role"));
    list.BindBlob(1, View(case_id));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      SealedKey k;
      const ByteView recipient = list.ColumnBlob(0);
      if (!recipient.empty()) {
        Id id{};
        if (!CopyExact(recipient, &id)) return Status(Code::kInternal, "key row is malformed");
        k.reviewer = id;
      }
      k.role = static_cast<Role>(list.ColumnInt(1));
      if (!CopyExact(list.ColumnBlob(2), &k.sealed)) {
        return Status(Code::kInternal, "key row is malformed");
      }
      k.generation = static_cast<uint32_t>(list.ColumnInt(3));
      out.push_back(k);
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace dojava::service
