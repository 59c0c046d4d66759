// ApiService: the state behind AddApiRoutes (api.h) and every route handler
// of service/API.md. Handlers are pure functions of the request over the
// Store, the cached verified roster and the SessionRegistry.
//
// Every handler validates the whole request before it writes anything, so a
// failure is one JSON error (api_error.h) and no state change. Handlers log
// nothing and never put request data in a response they did not mean to send.
//
// The definitions are split by listener role: api_service.cc (construction,
// routes, instance, roster, login), source_routes.cc, reviewer_routes.cc,
// upload_routes.cc, case_intake.cc (the typed source writes of CaseIntake).
//
// Thread safety: handlers run concurrently; the roster cache is guarded by
// roster_mu_, installs are serialised by install_mu_, sessions lock inside
// SessionRegistry, and the Store is thread-safe.
#ifndef DOJAVA_SERVICE_API_API_SERVICE_H_
#define DOJAVA_SERVICE_API_API_SERVICE_H_

#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

#include "service/api/api.h"
#include "service/api/api_error.h"
#include "service/api/case_intake.h"
#include "service/api/installed_roster.h"
#include "service/api/json_reader.h"
#include "service/api/json_writer.h"
#include "service/api/session_registry.h"
#include "service/http/router.h"
#include "service/store/store.h"

namespace dojava::api {

// Writes [{"generation": g, "statement": "<251 bytes>"}, ...] (reviewer_routes.cc).
void WriteRekeys(const std::vector<std::pair<uint32_t, Bytes>>& rekeys, JsonWriter* w);

class ApiService final : public Api,
                         public CaseIntake,
                         public std::enable_shared_from_this<ApiService> {
 public:
  // Reads the settings and the installed roster from `store` and verifies the
  // roster. kNotFound before `dojavad init`; kInvalidArgument for bad
  // options; kInternal if the stored roster does not verify.
  static Result<std::shared_ptr<ApiService>> Create(service::Store* store,
                                                    const ApiOptions& options,
                                                    SessionRegistry::NowFn now);

  // Adds every route of both listeners to `router`.
  Status AddRoutes(http::Router* router);

  void SweepExpired() override { sessions_.SweepExpired(); }
  size_t SessionCount() const override { return sessions_.SessionCount(); }
  std::shared_ptr<CaseIntake> Intake() override { return shared_from_this(); }

  // CaseIntake (case_intake.cc).
  IntakeResult CreateCase(const NewCaseRequest& request) override;
  IntakeResult PostFollowUp(const FollowUpRequest& request) override;

 private:
  using Reviewer = crypto::Id;
  using HttpRequest = http::HttpRequest;
  using HttpResponse = http::HttpResponse;
  using RouteParams = http::RouteParams;

  ApiService(service::Store* store, const ApiOptions& options, SessionRegistry::NowFn now,
             const service::Settings& settings);

  std::shared_ptr<const InstalledRoster> CurrentRoster() const;
  // The /api/v1/instance document for `roster` (null: none installed yet).
  std::shared_ptr<const std::string> BuildInstanceDocument(const InstalledRoster* roster) const;

  // --- both listeners (api_service.cc)
  HttpResponse GetInstance(const HttpRequest& request, const RouteParams& params);
  // --- reviewer listener, no token (api_service.cc)
  HttpResponse PutRoster(const HttpRequest& request, const RouteParams& params);
  HttpResponse PostChallenge(const HttpRequest& request, const RouteParams& params);
  HttpResponse PostLogin(const HttpRequest& request, const RouteParams& params);
  HttpResponse PostLogout(const HttpRequest& request, const RouteParams& params);
  // --- both listeners (token on the reviewer one)
  HttpResponse GetRosters(const HttpRequest& request, const RouteParams& params);

  // --- source listener (source_routes.cc)
  HttpResponse PostCase(const HttpRequest& request, const RouteParams& params);
  HttpResponse GetSourceCase(const HttpRequest& request, const RouteParams& params);
  HttpResponse PostSourceMessage(const HttpRequest& request, const RouteParams& params);
  HttpResponse GetSourceChunk(const HttpRequest& request, const RouteParams& params);
  // The case of the lookup key in X-Dojava-Lookup-Key, or kNotFound.
  Result<service::CaseInfo> CaseOfLookupKey(const HttpRequest& request);
  // The case of `lookup_key`, or kNotFound.
  Result<service::CaseInfo> CaseOfLookupKey(const SecretBytes& lookup_key);

  // --- reviewer listener, token (reviewer_routes.cc)
  HttpResponse ListCases(const HttpRequest& request, const RouteParams& params);
  HttpResponse GetCase(const HttpRequest& request, const RouteParams& params);
  HttpResponse GetCaseMessages(const HttpRequest& request, const RouteParams& params);
  HttpResponse PostCaseMessage(const HttpRequest& request, const RouteParams& params,
                               const Reviewer& reviewer);
  HttpResponse PostCaseKeys(const HttpRequest& request, const RouteParams& params,
                            const Reviewer& reviewer);
  // --- signed case statements (case_statement_routes.cc)
  HttpResponse PostCaseAnchor(const HttpRequest& request, const RouteParams& params,
                              const Reviewer& reviewer);
  HttpResponse PostCaseDelete(const HttpRequest& request, const RouteParams& params,
                              const Reviewer& reviewer);
  // POST keys with "reseal": the token's reviewer replaces its own rows.
  HttpResponse ResealOwnKeys(const service::Id& case_id,
                             const std::vector<service::SealedKey>& keys, const Reviewer& reviewer);
  HttpResponse PostCaseRekey(const HttpRequest& request, const RouteParams& params,
                             const Reviewer& reviewer);
  // F4 (PROTOCOL.md §12.4): nullopt if `reviewer` holds a CK row of the case
  // (its keys then in *keys_out if given), else 404 for an unknown case or
  // 403 permission_denied.
  std::optional<HttpResponse> RequireCaseKey(const service::Id& case_id, const Reviewer& reviewer,
                                             std::vector<service::SealedKey>* keys_out);
  // A statement post: JSON content type, no query, the path's case id and
  // {"<field>": "<bytes, at most max_bytes>", ...}; with an `envelope_type`
  // (PROTOCOL.md §7.4) also "envelope", whose version, type and length (for
  // the clear statement's) are checked. The caller takes any other member and
  // calls Finish().
  struct StatementPost {
    service::Id case_id{};
    std::optional<JsonObject> object;
    Bytes statement;  // in clear: verified, then discarded (never stored or logged)
    Bytes envelope;   // what is stored
  };
  Result<StatementPost> ParseStatementPost(const HttpRequest& request, const RouteParams& params,
                                           std::string_view field, size_t max_bytes,
                                           std::optional<uint8_t> envelope_type, ApiError* error);
  // The genesis of a keys post (§7.2, §7.4): "genesis" in clear and
  // "genesis_envelope", both or neither (nullopt). kMalformed otherwise, for
  // a bad encoding or an envelope that does not fit the statement.
  struct GenesisPost {
    Bytes statement;
    Bytes envelope;
  };
  static Result<std::optional<GenesisPost>> TakeGenesis(JsonObject& object);
  // The notes-key genesis of a keys post (§7.2 checks the server can make):
  // nullopt if acceptable, else the error response.
  std::optional<HttpResponse> CheckGenesis(const service::Id& case_id, const Reviewer& reviewer,
                                           ByteView genesis,
                                           const std::vector<service::SealedKey>& keys,
                                           const InstalledRoster& roster);
  // NK never without CK (§7.2): every notes key of `sent` goes to a reviewer
  // who holds the CK of the same generation, in `stored` or in `sent`.
  static bool NotesKeysFollowCaseKeys(const std::vector<service::SealedKey>& stored,
                                      const std::vector<service::SealedKey>& sent);
  HttpResponse GetCaseChunk(const HttpRequest& request, const RouteParams& params);

  // --- uploads, both listeners (upload_routes.cc)
  HttpResponse PostUpload(const HttpRequest& request, const RouteParams& params);
  HttpResponse PutChunk(const HttpRequest& request, const RouteParams& params);
  HttpResponse GetUpload(const HttpRequest& request, const RouteParams& params);

  // --- shared checks
  // The body of a message post (source follow-up, reviewer reply or notes
  // event): JSON content type, no query, exactly {"message", "files"?}.
  struct MessagePost {
    std::string record_text;  // base64url, checked later against the case
    std::vector<service::Id> files;
  };
  Result<MessagePost> ParseMessagePost(const HttpRequest& request, ApiError* error);
  // A message record in base64url that is a record of `case_id` whose kind
  // is one of `kinds` (PROTOCOL.md §8.1 header checks; nothing decrypted).
  Result<Bytes> ParseRecord(std::string_view text, const service::Id& case_id,
                            std::initializer_list<uint8_t> kinds, uint8_t* kind_out);
  // The same header checks on a decoded record: kUnsupportedVersion for a
  // version byte other than 2, kMalformed for the rest.
  static Status CheckRecord(ByteView record, const service::Id& case_id,
                            std::initializer_list<uint8_t> kinds, uint8_t* kind_out);
  // The answer to a refused record: unsupported_version or bad_request.
  static ApiError RecordError(const Status& status);
  // Every file is a finished upload not yet bound: kNotFound / kAlreadyExists
  // (unfinished), as an ApiError, or nullopt if all are bindable.
  std::optional<ApiError> CheckFilesBindable(const std::vector<service::Id>& files);
  // Appends `record` with `files`: the new sequence number or the error.
  IntakeResult Append(const service::Id& case_id, const Bytes& record,
                      const std::vector<service::Id>& files);
  // 201 {"seq": n} for a done intake, else its error response.
  static HttpResponse SeqResponse(const IntakeResult& result);
  // Writes {"messages": [...], "more": b} members for seq > after; notes
  // are skipped when `source_view`. Returns an error response on failure.
  std::optional<HttpResponse> WriteMessages(const service::Id& case_id, uint64_t after,
                                            bool source_view, JsonWriter* w);
  // Reads the optional ?after=SEQ of a message listing.
  Result<uint64_t> ParseAfter(const HttpRequest& request);

  // Wraps a reviewer handler: answers 401 without a valid token (or for a
  // reviewer no longer active on the installed roster), 429 over the token's
  // rate, otherwise calls `handler` (with the reviewer's id for a
  // ReviewerIdHandler). `charge_token` false: the route does not count
  // against the token's rate (chunk downloads: their own rate class,
  // `rate.download.*`, bounds them).
  using ReviewerHandler = HttpResponse (ApiService::*)(const HttpRequest&, const RouteParams&);
  using ReviewerIdHandler = HttpResponse (ApiService::*)(const HttpRequest&, const RouteParams&,
                                                         const Reviewer&);
  http::Handler WithToken(ReviewerHandler handler, bool charge_token = true);
  http::Handler WithToken(ReviewerIdHandler handler);
  // The reviewer of the request's token, or the error response; the token's
  // rate is charged if `charge_token`.
  Result<Reviewer> Authenticate(const HttpRequest& request, HttpResponse* error,
                                bool charge_token = true);
  // The store's day as a u32 day (clamped), for roster expiry and statements.
  uint32_t Today();

  service::Store* const store_;
  const ApiOptions options_;
  const service::Settings identity_;  // instance id, salt, admin key as at start
  SessionRegistry sessions_;

  // Held exclusively by PutRoster, shared by the writes that check sealed
  // keys against the roster (case creation, grants) from that check until
  // their write is durable: no case is sealed to a reviewer set that a
  // roster installed meanwhile has already replaced.
  std::shared_mutex install_mu_;
  mutable std::mutex roster_mu_;
  std::shared_ptr<const InstalledRoster> roster_;  // GUARDED_BY(roster_mu_); null if none
  // A stored roster this server does not read (version byte 1, from 0.1.0),
  // set once in Create when roster_ is null: /api/v1/instance serves it as it
  // is until a version-2 roster replaces it.
  std::optional<service::Roster> unread_roster_;
  // The body of GET /api/v1/instance, rebuilt whenever roster_ changes (the
  // settings it shows are those read at start): the hottest route answers
  // from memory, without a database read.
  std::shared_ptr<const std::string> instance_document_;  // GUARDED_BY(roster_mu_)
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_API_SERVICE_H_
