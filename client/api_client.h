// The HTTP API v1 of dojavad (service/API.md) as typed calls. JSON is
// confined to api_client.cc. Server answers are parsed strictly: a missing
// or mistyped field, or a binary value that is not canonical base64url of
// the right length, is kMalformed ("unexpected answer from the server").
//
// API errors become a Status whose code tells the caller what to do:
//   not_found -> kNotFound, unauthorized / login_failed -> kPermissionDenied,
//   permission_denied -> kPermissionDenied, bad_signature -> kBadSignature,
//   rollback -> kRollback, expired -> kExpired, broken_chain -> kBrokenChain,
//   conflict / roster_changed -> kAlreadyExists, rate_limited /
//   insufficient_storage / body_too_large -> kResourceExhausted,
//   anything else -> kInternal; the message carries the server's code.
// Transport failures are kIoError (from HttpClient).
//
// Not thread-safe: one client per thread (WithConnection makes another).
#ifndef DOJAVA_CLIENT_API_CLIENT_H_
#define DOJAVA_CLIENT_API_CLIENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/http_client.h"
#include "crypto/primitives.h"

namespace dojava::client {

struct InstanceLimits {
  uint64_t chunk_plain_bytes = 0;
  uint64_t max_chunks_per_file = 0;
  uint64_t max_files_per_message = 0;
  uint64_t message_characters = 0;
};

struct InstanceInfo {
  std::string name;
  crypto::Id instance_id{};
  crypto::Ed25519Public admin_public{};
  std::string admin_fingerprint;
  Bytes salt;                   // 16 bytes
  std::optional<Bytes> roster;  // signed roster bytes, not yet verified
  uint64_t roster_version = 0;
  InstanceLimits limits;
};

// A sealed key as the API carries it. `recipient` is "source" or a reviewer
// id in base64url.
struct ApiSealedKey {
  std::string recipient;
  uint8_t role = 0;  // kRoleCaseKey / kRoleNotesKey
  Bytes sealed;
  uint64_t generation = 0;  // v2: 0 = the case's first CK and NK, g = those of the g-th re-key
};

// A re-key (PROTOCOL §7.3) as the API serves it: its statement envelope
// (§7.4, sealed under the CK it moves from; crypto::v2::OpenStatement).
struct ApiRekey {
  uint64_t generation = 0;
  Bytes envelope;
};

struct ApiMessage {
  uint64_t seq = 0;
  int64_t day = 0;
  Bytes record;
};

struct ApiCase {
  crypto::Id case_id{};
  int64_t created_day = 0;
  int64_t last_activity_day = 0;
  int64_t expiry_day = 0;
};

struct ApiCaseDetail {
  ApiCase info;
  std::vector<ApiSealedKey> keys;
  // Protocol v2 (absent from a server that predates it): the statement
  // envelopes (§7.4) of the notes-key geneses (§7.2), the case-key anchors
  // (§8.5) and the re-keys (§7.3).
  std::vector<Bytes> geneses;  // one per CK (§7.2), by their bytes
  std::vector<Bytes> anchors;
  std::vector<ApiRekey> rekeys;
  // The source_pk stored with the case (what a re-key seals CK' to, §7.3);
  // absent from a server that predates it. Unauthenticated.
  std::optional<crypto::X25519Public> source_public;
};

struct ApiSourceCase {
  crypto::Id case_id{};
  Bytes sealed_key;
  std::vector<ApiRekey> rekeys;  // §7.3, ascending by generation
  std::vector<ApiMessage> messages;
};

struct ApiUpload {
  uint64_t chunks = 0;
  std::vector<uint64_t> missing;
};

class ApiClient {
 public:
  explicit ApiClient(HttpClient* http) : http_(http) {}

  // The server, proxy and deadlines of this client's connection: another
  // HttpClient made from them reaches the same server on its own connection
  // (through SOCKS5, its own tor stream).
  const HttpOptions& http_options() const { return http_->options(); }
  // A client with this one's bearer token (copied into wiped memory) on
  // another connection, which the caller keeps alive longer than the result.
  // The lookup key only if `with_lookup_key`: for parallel chunk downloads of
  // a returning source, whose chunk route needs it; never for uploads, which
  // must not be linkable to a case (transfer.h).
  ApiClient WithConnection(HttpClient* http, bool with_lookup_key = false) const;

  // Credentials sent with later calls (copied into wiped memory).
  void SetToken(const SecretBytes& token_b64) { token_ = SecretBytes::Copy(token_b64.reveal()); }
  void SetLookupKey(const SecretBytes& key_b64) { lookup_ = SecretBytes::Copy(key_b64.reveal()); }

  Result<InstanceInfo> GetInstance();
  Status PutRoster(ByteView signed_roster);
  // GET /api/v1/rosters?after=: the installed rosters with a version in
  // (after, below), ascending, following the pages (kNotFound from a server
  // without the route).
  Result<std::vector<Bytes>> GetRosters(uint64_t after, uint64_t below);

  Result<Bytes> LoginChallenge(const crypto::Id& reviewer_id);
  // The bearer token (base64url text) in wiped memory.
  Result<SecretBytes> Login(const crypto::Id& reviewer_id, ByteView challenge, ByteView signature);
  Status Logout();

  // All cases with last activity >= since_day, following the pages.
  Result<std::vector<ApiCase>> ListCases(int64_t since_day);
  Result<ApiCaseDetail> GetCase(const crypto::Id& case_id);
  // All messages after `after`, following the pages.
  Result<std::vector<ApiMessage>> GetMessages(const crypto::Id& case_id, uint64_t after);
  Result<uint64_t> PostMessage(const crypto::Id& case_id, ByteView record,
                               const std::vector<crypto::Id>& files);
  // `genesis` (v2, §7.2): sent with the first notes keys of a case, in clear
  // (the server verifies it, then drops it) and as `genesis_envelope`
  // (§7.4, what the server keeps). Both or neither.
  Status PostKeys(const crypto::Id& case_id, const std::vector<ApiSealedKey>& keys,
                  ByteView genesis = {}, ByteView genesis_envelope = {});
  // A case-key anchor (§8.5), in clear and in its envelope (§7.4).
  Status PostAnchor(const crypto::Id& case_id, ByteView anchor, ByteView envelope);
  // A re-key (§7.3): the signed statement in clear, its envelope (§7.4,
  // sealed under the CK it moves from), CK' and NK' sealed to the reviewers
  // (`keys`: no generation; the server numbers it) and the genesis of NK' in
  // clear and in its envelope (sealed under CK', §7.2; both or neither).
  Status PostRekey(const crypto::Id& case_id, ByteView statement, ByteView envelope,
                   const std::vector<ApiSealedKey>& keys, ByteView genesis = {},
                   ByteView genesis_envelope = {});
  // Replaces this reviewer's own key rows with `keys` (the same keys sealed
  // to its new encryption key after a rotation, §12.4): every key must be
  // for the token's reviewer and replace a row it holds.
  Status ResealOwnKeys(const crypto::Id& case_id, const std::vector<ApiSealedKey>& keys);
  // POST /api/v1/cases/{id}/delete with a signed statement (PROTOCOL.md §8.6).
  Status DeleteCase(const crypto::Id& case_id, ByteView statement);
  Result<Bytes> GetChunk(const crypto::Id& case_id, const crypto::Id& file_id, uint64_t index);
  // The same into `record`, whose memory is reused (a download's lane passes
  // the same buffer for every chunk). On failure `record` is unspecified.
  Status GetChunk(const crypto::Id& case_id, const crypto::Id& file_id, uint64_t index,
                  Bytes& record);

  // Uploads (either listener).
  Result<ApiUpload> CreateUpload(const crypto::Id& file_id, uint64_t chunks);
  Result<ApiUpload> GetUpload(const crypto::Id& file_id);
  Status PutChunk(const crypto::Id& file_id, uint64_t index, ByteView record);

  // Source listener.
  Status CreateCase(const crypto::Id& case_id, const SecretBytes& lookup_key,
                    const crypto::X25519Public& source_public,
                    const std::vector<ApiSealedKey>& keys, ByteView message,
                    const std::vector<crypto::Id>& files);
  Result<ApiSourceCase> GetSourceCase(uint64_t after);
  Result<uint64_t> PostSourceMessage(ByteView record, const std::vector<crypto::Id>& files);
  Result<Bytes> GetSourceChunk(const crypto::Id& file_id, uint64_t index);
  Status GetSourceChunk(const crypto::Id& file_id, uint64_t index, Bytes& record);  // as GetChunk

 private:
  Result<HttpResponse> Call(std::string_view method, const std::string& target,
                            const std::string& json_body, bool auth, size_t max_body);
  Result<HttpResponse> CallBinary(std::string_view method, const std::string& target, ByteView body,
                                  bool auth, size_t max_body);
  // The one request path of both: bearer token and lookup key headers (the
  // latter on /api/v1/source/* only), 429 retries, errors as Status.
  // `body_buffer`: as HttpClient::Send.
  Result<HttpResponse> Exchange(std::string_view method, const std::string& target, ByteView body,
                                std::string_view content_type, bool auth, size_t max_body,
                                Bytes body_buffer = {});
  // A chunk record (GET `target`) into `record`, its memory reused.
  Status GetRecord(const std::string& target, bool auth, Bytes& record);

  HttpClient* http_;
  SecretBytes token_;
  SecretBytes lookup_;
};

// The Status for an API error response (exposed for tests).
Status StatusFromErrorResponse(int http_status, ByteView body);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_API_CLIENT_H_
