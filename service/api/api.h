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
#include <string_view>

#include "base/config_keys.h"
#include "base/status.h"
#include "service/api/case_intake.h"
#include "service/http/http_config.h"
#include "service/http/router.h"
#include "service/store/store.h"

namespace dojava::api {

// Instance names shown to sources: 1..kMaxInstanceNameBytes printable UTF-8
// bytes, no space at either end.
inline constexpr size_t kMaxInstanceNameBytes = 100;
// kInvalidArgument unless `name` is a usable instance name (see above).
Status ValidateInstanceName(std::string_view name);
Status ParseInstanceName(std::string_view text, std::string* out);  // as a config value

// Every API limit and timeout. Each field's initializer is its default; its
// key, range and meaning are in Keys() below (service/CONFIG.md `api.*`).
struct ApiOptions {
  std::string instance_name = "Dojava";
  int challenge_ttl_seconds = 60;
  size_t max_pending_challenges = 10'000;
  int token_idle_seconds = 30 * 60;
  size_t max_sessions = 1'000;
  double token_requests_per_second = 20;
  double token_burst = 60;
  size_t max_response_record_bytes = 8u * 1024 * 1024;
  int message_characters = 100'000;
  int max_cases_per_page = 500;
  int default_cases_per_page = 100;  // at most max_cases_per_page
  // Advertised in /api/v1/instance; the HTTP layer enforces it (the instance
  // config sets it from the HTTP key json_body_limit_bytes).
  uint64_t json_body_limit_bytes = http::kDefaultJsonBodyLimitBytes;

  // The `api.*` keys (the instance config adds the prefix).
  static const config::KeyTable<ApiOptions>& Keys();
  // `instance_name`, which the instance config keeps without a prefix.
  static const config::KeyTable<ApiOptions>& NameKeys();
};

inline const config::KeyTable<ApiOptions>& ApiOptions::NameKeys() {
  static const config::KeyTable<ApiOptions> keys = std::move(config::KeyTable<ApiOptions>().Text(
      "instance_name", &ApiOptions::instance_name,
      config::TextCodec<std::string>{&ParseInstanceName, &config::FormatText,
                                     "1..100 printable UTF-8 bytes, no space at either end"},
      "the organisation's name, shown to sources (`dojavad init --name` sets it)"));
  return keys;
}

inline const config::KeyTable<ApiOptions>& ApiOptions::Keys() {
  constexpr uint64_t kDay = 24 * 3600;
  static const config::KeyTable<ApiOptions> keys = std::move(
      config::KeyTable<ApiOptions>()
          .Int("challenge_ttl_seconds", &ApiOptions::challenge_ttl_seconds, 1, 3600,
               "a reviewer login challenge is single use and expires after this")
          .Int("max_pending_challenges", &ApiOptions::max_pending_challenges, 1, 10'000'000,
               "login challenges held at once; the oldest are dropped")
          .Int("token_idle_seconds", &ApiOptions::token_idle_seconds, 60, kDay,
               "a reviewer's bearer token expires after this long unused")
          .Int("max_sessions", &ApiOptions::max_sessions, 1, 1'000'000,
               "logged-in tokens at once; the longest idle is dropped")
          .Number("token_requests_per_second", &ApiOptions::token_requests_per_second, 0.000001,
                  "per-token rate limit (token bucket rate)")
          .Number("token_burst", &ApiOptions::token_burst, 1, "per-token rate limit (bucket size)")
          .Int("max_response_record_bytes", &ApiOptions::max_response_record_bytes,
               service::kMaxMessageRecordSize, 256u << 20,
               "message records per response page, about (at least one largest record)")
          .Int("message_characters", &ApiOptions::message_characters, 1, 10'000'000,
               "longest message in characters, advertised in `/api/v1/instance` (clients and the "
               "no-JavaScript pages enforce it)")
          .Int("max_cases_per_page", &ApiOptions::max_cases_per_page, 1, 1000,
               "most cases one listing page may ask for")
          .Int("default_cases_per_page", &ApiOptions::default_cases_per_page, 1, 1000,
               "cases per listing page when the client does not say (at most "
               "`api.max_cases_per_page`)"));
  return keys;
}

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
