// The no-JavaScript pages for sources (service/API.md "No-JavaScript
// pages", crypto/PROTOCOL.md §12.5): plain HTML forms on the source
// listener for Tor Browser at "Safest", where no script runs.
//
// The server does what the JavaScript page and `dojava submit` do in the
// client: it generates the receipt, derives its keys (Argon2id, at most
// `kdf_concurrency` at once), seals the case key to the source and to every
// active reviewer of the verified roster, encrypts the §11 report body (a v2
// record signed with the receipt's key, §8.3) and the files to exactly the
// same formats, stores the chunks with the same store
// calls as the upload routes and creates the case through the API's typed
// CaseIntake (service/api/case_intake.h), as POST /api/v1/cases does (same
// checks). Plaintext and receipt live only in
// SecretBytes for the request and are never stored or logged. The pages say
// so: the server sees the report while it seals it.
//
// A returning source types the receipt once (POST, never in a URL); the
// conversation then stays open under a token in a hidden form field
// (PlainSessions), so follow-ups and downloads need no receipt again.
//
// Ownership: the Store must outlive the routes. Thread safety: handlers run
// concurrently.
#ifndef DOJAVA_SERVICE_NOJS_NOJS_PAGES_H_
#define DOJAVA_SERVICE_NOJS_NOJS_PAGES_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/config_keys.h"
#include "base/status.h"
#include "service/api/api.h"
#include "service/api/case_intake.h"
#include "service/http/http_config.h"
#include "service/http/router.h"
#include "service/store/store.h"

namespace dojava::nojs {

// Every limit of the pages. Each field's initializer is its default; its
// key, range and meaning are in Keys() below (service/CONFIG.md `nojs.*`).
// The instance name and message length are the API's (api::ApiOptions), the
// form body cap and static_dir the HTTP core's (http::HttpConfig).
struct NojsOptions {
  int kdf_concurrency = 2;         // receipts derived at once (Argon2id, 8 MiB each)
  int kdf_wait_ms = 10'000;        // a request waits this long for a slot, then "busy" (503)
  int session_idle_seconds = 600;  // an open conversation closes after this without use
  size_t max_sessions = 1'000;     // open conversations at once (oldest idle dropped)
  uint64_t max_download_bytes = 16u * 1024 * 1024;  // larger reviewer files: use the JS page or CLI
  // The clock of session expiry (tests inject one); steady_clock if empty.
  std::function<std::chrono::steady_clock::time_point()> now;

  // The `nojs.*` keys (the instance config adds the prefix).
  static const config::KeyTable<NojsOptions>& Keys();
};

inline const config::KeyTable<NojsOptions>& NojsOptions::Keys() {
  static const config::KeyTable<NojsOptions> keys = std::move(
      config::KeyTable<NojsOptions>()
          .Int("kdf_concurrency", &NojsOptions::kdf_concurrency, 1, 64,
               "no-JavaScript pages: receipts derived at once on the server (Argon2id, 8 MiB and "
               "about 0.1 s of one core each)")
          .Int("kdf_wait_ms", &NojsOptions::kdf_wait_ms, 0, 600'000,
               "no-JavaScript pages: how long a request waits for a free Argon2id slot before a "
               "\"busy, try again\" page (503)")
          .Int("session_idle_seconds", &NojsOptions::session_idle_seconds, 60, 24 * 3600,
               "no-JavaScript pages: an open conversation (case key in memory under a form "
               "token) closes after this without use")
          .Int("max_sessions", &NojsOptions::max_sessions, 1, 1'000'000,
               "no-JavaScript pages: open conversations at once; the longest idle is dropped")
          .Int("max_download_bytes", &NojsOptions::max_download_bytes, 0, uint64_t{1} << 31,
               "no-JavaScript pages: largest reviewer file served decrypted; larger ones are "
               "left to the JavaScript page and the CLI"));
  return keys;
}

class NojsPages {
 public:
  virtual ~NojsPages() = default;
  virtual void SweepExpired() = 0;
  virtual size_t SessionCount() const = 0;
};

// Adds the /plain routes to `router` (source listener). Case creation and
// follow-ups go through `intake` (Api::Intake() of the same store). The
// pages show the API's instance name and message length (`api`) and the HTTP
// core's form cap, and read the catalogues from <http.static_dir>/i18n.
// kInvalidArgument without a router, store or intake or for bad options;
// kNotFound without the store's settings or the catalogues.
Result<std::shared_ptr<NojsPages>> AddNojsRoutes(http::Router* router, service::Store* store,
                                                 std::shared_ptr<api::CaseIntake> intake,
                                                 const NojsOptions& nojs,
                                                 const api::ApiOptions& api,
                                                 const http::HttpConfig& http);

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_NOJS_PAGES_H_
