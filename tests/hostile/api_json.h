// Every place the hostile suite reads or rewrites the API's JSON
// (service/API.md), kept in one file so that a change of a field name is one
// change here. Edits work on whole fields and arrays of an answer body and
// return the new body; binary values are bytes here, base64url on the wire.
// No Boost.JSON in this header (the proxy's translation unit is Beast's).
#ifndef DOJAVA_TESTS_HOSTILE_API_JSON_H_
#define DOJAVA_TESTS_HOSTILE_API_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"

namespace dojava::hostile {

// ---- GET /api/v1/instance ----
// The served roster (null: none).
std::optional<Bytes> InstanceRoster(const std::string& body);
// The instance id and the admin key as served.
Bytes InstanceId(const std::string& body);
// The document with another admin key (its fingerprint text too) and roster.
std::string WithAdmin(const std::string& body, ByteView admin_public,
                      const std::string& fingerprint, ByteView roster, uint64_t roster_version);
// The document with another roster, same admin key.
std::string WithRoster(const std::string& body, ByteView roster, uint64_t roster_version);

// ---- GET /api/v1/rosters ----
// An answer listing exactly `rosters` (what the server claims its history is).
std::string RosterHistory(const std::vector<Bytes>& rosters);

// ---- message listings: GET /api/v1/cases/{id}/messages, GET /api/v1/source/case ----
struct Listed {
  uint64_t seq = 0;
  int64_t day = 0;
  Bytes record;
};
std::vector<Listed> Messages(const std::string& body);
// The answer with `messages` instead (and "more": false).
std::string WithMessages(const std::string& body, const std::vector<Listed>& messages);

// ---- GET /api/v1/cases/{id} ----
struct KeyRow {
  std::string recipient;  // "source" or a reviewer id (base64url)
  std::string role;       // "case" or "notes"
  Bytes sealed;           // 82 bytes
  uint64_t generation = 0;
};
std::vector<KeyRow> Keys(const std::string& body);
// The answer with the key of (recipient, role, generation) replaced by
// `sealed`, or added if the case has none.
std::string WithKey(const std::string& body, const KeyRow& key);
// The notes-key geneses as served (envelopes, PROTOCOL §7.4: one per case
// key), and the answer with others (empty: none).
std::vector<Bytes> Geneses(const std::string& body);
std::string WithGeneses(const std::string& body, const std::vector<Bytes>& geneses);
// The source's X25519 key as served (`source_public_key`, PROTOCOL §7.3),
// and the answer with another.
Bytes SourcePublicKey(const std::string& body);
std::string WithSourcePublicKey(const std::string& body, ByteView source_public);
// The case-key anchors as served (envelopes), and the answer with others
// (empty: none).
std::vector<Bytes> Anchors(const std::string& body);
std::string WithAnchors(const std::string& body, const std::vector<Bytes>& anchors);

// ---- re-key statements: GET /api/v1/cases/{id}, GET /api/v1/source/case ----
struct RekeyRow {
  uint64_t generation = 0;
  Bytes envelope;  // 325 bytes: the statement sealed (PROTOCOL §7.4)
};
std::string WithRekeys(const std::string& body, const std::vector<RekeyRow>& rekeys);

// ---- GET /api/v1/source/case ----
// The answer with another `sealed_key` (the source's copy of CK).
std::string WithSourceKey(const std::string& body, ByteView sealed);

// ---- what a client posted (request bodies) ----
// Every binary field of a posted body that the attacker checks: the keys
// (POST /api/v1/cases, /cases/{id}/keys, /cases/{id}/rekey), a message
// record, an anchor, a genesis, a re-key statement (each in clear), and the
// statement envelope posted with it (PROTOCOL §7.4).
struct Posted {
  std::vector<KeyRow> keys;
  std::optional<Bytes> message;
  std::optional<Bytes> anchor;
  std::optional<Bytes> genesis;
  std::optional<Bytes> rekey;
  std::optional<Bytes> genesis_envelope;  // with `genesis`
  std::optional<Bytes> envelope;          // with `anchor` or `rekey`
};
Posted ParsePosted(const std::string& request_body);

// The JSON error body of the API ({"error": {"code": ..., "message": ...}}).
std::string ApiError(const std::string& code, const std::string& message);
// The error code of an answer body, "" if none.
std::string ErrorCode(const std::string& body);
// A string field of a JSON object body ("" if absent).
std::string StringField(const std::string& body, const std::string& name);

}  // namespace dojava::hostile

#endif  // DOJAVA_TESTS_HOSTILE_API_JSON_H_
