// The signed case statements of SqlcipherStore (sqlcipher_store.h), each held
// only as its statement envelope (PROTOCOL.md §7.4, no reviewer id): case-key
// anchors and the reading of a case's geneses, anchors and re-keys. A
// genesis is written with its keys (AddSealedKeys, or AddRekey with the
// re-key's), in sqlcipher_store_cases.cc.
#include <algorithm>
#include <utility>

#include "service/store/sqlcipher_rows.h"
#include "service/store/sqlcipher_store.h"

namespace dojava::service {
namespace {

using internal::Invalid;
using internal::View;

Status CheckCaseExists(SqliteDb& db, const Id& case_id) {
  DOJAVA_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM cases WHERE id = ?1"));
  exists.BindBlob(1, View(case_id));
  DOJAVA_ASSIGN_OR_RETURN(bool found, exists.Step());
  if (!found) return Status(Code::kNotFound, "unknown case");
  return Status::Ok();
}

Bytes Copy(ByteView b) { return Bytes(b.begin(), b.end()); }

// The bound on a case's anchors (service/API.md): one per reviewer who holds
// a case-key row of it, counted without knowing who anchored.
Result<int64_t> AnchorRoom(SqliteDb& db, const Id& case_id) {
  DOJAVA_ASSIGN_OR_RETURN(
      auto q, db.Prepare("SELECT (SELECT count(DISTINCT recipient) FROM case_keys WHERE case_id = "
                         "?1 AND role = 1 AND length(recipient) = 16) - (SELECT count(*) FROM "
                         "case_anchors WHERE case_id = ?1)"));
  q.BindBlob(1, View(case_id));
  DOJAVA_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status(Code::kInternal, "count returned no row");
  return q.ColumnInt(0);
}

}  // namespace

Status SqlcipherStore::PutAnchor(const Id& case_id, ByteView anchor_envelope) {
  if (anchor_envelope.size() != kAnchorEnvelopeSize) {
    return Invalid("an anchor envelope has the wrong size");
  }
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(CheckCaseExists(db, case_id));
        DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT 1 FROM case_anchors WHERE "
                                                      "case_id = ?1 AND envelope = ?2"));
        find.BindBlob(1, View(case_id));
        find.BindBlob(2, anchor_envelope);
        DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
        if (exists) return Status::Ok();
        find.Reset();
        DOJAVA_ASSIGN_OR_RETURN(int64_t room, AnchorRoom(db, case_id));
        if (room <= 0) {
          return Status(Code::kAlreadyExists, "the case holds an anchor for each of its reviewers");
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto put, db.Prepare("INSERT INTO case_anchors (case_id, envelope) VALUES (?1, ?2)"));
        put.BindBlob(1, View(case_id));
        put.BindBlob(2, anchor_envelope);
        return put.Run();
      },
      anchor_envelope.size());
}

Status SqlcipherStore::ReplaceSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys) {
  for (const auto& k : keys) {
    if (!k.reviewer) {
      return Invalid("only a reviewer's sealed key is replaced");
    }
  }
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(CheckCaseExists(db, case_id));
        DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT 1 FROM case_keys WHERE case_id = ?1 "
                                                      "AND recipient = ?2 AND role = ?3 AND "
                                                      "generation = ?4"));
        DOJAVA_ASSIGN_OR_RETURN(auto put, db.Prepare("UPDATE case_keys SET sealed = ?5 WHERE "
                                                     "case_id = ?1 AND recipient = ?2 AND "
                                                     "role = ?3 AND generation = ?4"));
        for (const auto& k : keys) {
          for (auto* st : {&find, &put}) {
            st->Reset();
            st->BindBlob(1, View(case_id));
            st->BindBlob(2, View(*k.reviewer));
            st->BindInt(3, static_cast<int64_t>(k.role));
            st->BindInt(4, k.generation);
          }
          DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
          if (!exists) return Status(Code::kNotFound, "no such key row to replace");
          put.BindBlob(5, {k.sealed.data(), k.sealed.size()});
          DOJAVA_RETURN_IF_ERROR(put.Run());
        }
        return Status::Ok();
      },
      keys.size() * protocol::kSealedKeySize);
}

Result<CaseStatements> SqlcipherStore::GetCaseStatements(const Id& case_id) {
  CaseStatements out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_RETURN_IF_ERROR(CheckCaseExists(db, case_id));
    DOJAVA_ASSIGN_OR_RETURN(auto geneses, db.Prepare("SELECT envelope FROM case_genesis WHERE "
                                                     "case_id = ?1 ORDER BY envelope"));
    geneses.BindBlob(1, View(case_id));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, geneses.Step());
      if (!row) break;
      out.geneses.push_back(Copy(geneses.ColumnBlob(0)));
    }
    DOJAVA_ASSIGN_OR_RETURN(auto anchors, db.Prepare("SELECT envelope FROM case_anchors WHERE "
                                                     "case_id = ?1 ORDER BY envelope"));
    anchors.BindBlob(1, View(case_id));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, anchors.Step());
      if (!row) break;
      out.anchors.push_back(Copy(anchors.ColumnBlob(0)));
    }
    DOJAVA_ASSIGN_OR_RETURN(auto rekeys,
                            db.Prepare("SELECT generation, envelope FROM case_rekeys WHERE "
                                       "case_id = ?1 ORDER BY generation"));
    rekeys.BindBlob(1, View(case_id));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, rekeys.Step());
      if (!row) break;
      out.rekeys.emplace_back(static_cast<uint32_t>(rekeys.ColumnInt(0)),
                              Copy(rekeys.ColumnBlob(1)));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace dojava::service
