// CaseIntake: the typed entry of a source's two writes (service/API.md
// "Source listener"): a new case and a follow-up. The JSON routes
// POST /api/v1/cases and POST /api/v1/source/messages parse their request
// into these structs and call it; the no-JavaScript pages (service/nojs)
// build the structs themselves and call it directly. Either way the same
// checks run in the same order and the same errors come back.
//
// Ownership: the implementation (ApiService) holds the Store pointer given to
// AddApiRoutes; the Store must outlive it. Thread safety: calls may run
// concurrently.
#ifndef DOJAVA_SERVICE_API_CASE_INTAKE_H_
#define DOJAVA_SERVICE_API_CASE_INTAKE_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "service/api/api_error.h"
#include "service/store/store.h"

namespace dojava::api {

// A new case (POST /api/v1/cases), decoded but not yet checked.
struct NewCaseRequest {
  service::Id case_id{};
  SecretBytes lookup_key;  // protocol::kKeySize bytes; only its hash is stored
  service::PublicKey source_public_key{};
  std::vector<service::SealedKey> keys;  // the source's CK and one CK per roster reviewer
  Bytes first_message;                   // a message record (PROTOCOL.md §8.1)
  std::vector<service::Id> files;        // finished uploads to bind to message #1
};

// A source's follow-up (POST /api/v1/source/messages), decoded but not yet
// checked. An empty `record` is refused as bad_request after the case lookup.
struct FollowUpRequest {
  SecretBytes lookup_key;  // protocol::kKeySize bytes
  Bytes record;
  std::vector<service::Id> files;
};

// What an intake call did: the stored message's sequence number, or the
// API error the JSON route answers with.
struct IntakeResult {
  std::optional<ApiError> error;
  uint64_t seq = 0;
  bool ok() const { return !error.has_value(); }
};

class CaseIntake {
 public:
  virtual ~CaseIntake() = default;

  // Checks and stores a new case; seq is 1 on success. Errors: kBadRequest
  // (lookup key not 32 bytes, a record that is not a conversation record of
  // this case, a key that is not a case key, no source key), kNotReady (no
  // roster installed), kRosterChanged (the reviewers' keys are not exactly
  // the roster's), kNotFound / kConflict (an upload unknown, unfinished or
  // already bound; the case id exists), kInsufficientStorage (the disk is
  // full), kInternal.
  virtual IntakeResult CreateCase(const NewCaseRequest& request) = 0;

  // Appends a follow-up to the case of `lookup_key`. Errors: kNotFound (no
  // case for that key, an unknown upload), kBadRequest (not a conversation
  // record of that case), kConflict (an upload unfinished; the case holds the
  // most messages allowed), kInsufficientStorage, kInternal.
  virtual IntakeResult PostFollowUp(const FollowUpRequest& request) = 0;
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_CASE_INTAKE_H_
