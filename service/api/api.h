// The API v1 routes of dojavad (service/API.md) over the Store.
//
// AddApiRoutes registers every route of both listeners on a Router. The
// handlers are pure (http/router.h): they parse the request strictly, call
// the Store, and build the response; they hold no socket. Reviewer sessions
// (login challenges, bearer tokens, per-token rate limits) live in memory
// inside the returned Api object and nowhere else.
//
// Ownership: the Store must outlive the Api and every Router it was added to.
// The Router's handlers share ownership of the Api's state, so the Api object
// may be dropped after AddApiRoutes without breaking them.
// Thread safety: handlers may run concurrently on any threads.
#ifndef DOJAVA_SERVICE_API_API_H_
#define DOJAVA_SERVICE_API_API_H_

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "service/api/case_intake.h"
#include "service/http/router.h"
#include "service/store/store.h"

namespace dojava::api {

// Every API limit and timeout, with its default (service/API.md).
struct ApiOptions {
  std::string instance_name = "Dojava";    // shown by clients; 1..100 printable UTF-8 bytes
  int challenge_ttl_seconds = 60;          // a login challenge is single use and short-lived
  size_t max_pending_challenges = 10'000;  // oldest dropped beyond this
  int token_idle_seconds = 30 * 60;        // a bearer token expires after this without use
  size_t max_sessions = 1'000;             // logged-in tokens at once (oldest idle dropped)
  double token_requests_per_second = 20;   // per-token rate limit (token bucket)
  double token_burst = 60;
  size_t max_response_record_bytes = 8u * 1024 * 1024;  // message paging per response
  int message_characters = 100'000;  // advertised in /api/v1/instance (clients enforce)
  int max_cases_per_page = 500;
  int default_cases_per_page = 100;
  uint64_t json_body_limit_bytes = 1024 * 1024;  // advertised; the HTTP layer enforces it
};

class Api {
 public:
  virtual ~Api() = default;
  // Drops expired challenges and tokens now (handlers also do it lazily).
  virtual void SweepExpired() = 0;
  // Logged-in tokens right now (tests, diagnostics).
  virtual size_t SessionCount() const = 0;
  // The typed entry of case creation and source follow-ups, for the
  // no-JavaScript pages; it shares this Api's state (roster, store).
  virtual std::shared_ptr<CaseIntake> Intake() = 0;
};

// Registers the routes of both listeners on `router`. `store` must hold the
// instance settings (`dojavad init`); kNotFound otherwise, kInvalidArgument
// for bad options.
Result<std::shared_ptr<Api>> AddApiRoutes(http::Router* router, service::Store* store,
                                          const ApiOptions& options);

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_API_H_
