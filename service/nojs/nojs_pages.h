// The no-JavaScript pages for sources (service/API.md "No-JavaScript
// pages", crypto/PROTOCOL.md §12.5): plain HTML forms on the source
// listener for Tor Browser at "Safest", where no script runs.
//
// The server does what the JavaScript page and `dojava submit` do in the
// client: it generates the receipt, derives its keys (Argon2id, at most
// `kdf_concurrency` at once), seals the case key to the source and to every
// reviewer of the verified roster, encrypts the §11 report body and the
// files to exactly the same formats, stores the chunks with the same store
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

#include "base/status.h"
#include "service/api/case_intake.h"
#include "service/http/router.h"
#include "service/store/store.h"

namespace dojava::nojs {

// Every limit of the pages, with its default (service/CONFIG.md `nojs.*`).
struct NojsOptions {
  bool enabled = true;
  int kdf_concurrency = 2;         // receipts derived at once (Argon2id, 8 MiB each)
  int kdf_wait_ms = 10'000;        // a request waits this long for a slot, then "busy" (503)
  int session_idle_seconds = 600;  // an open conversation closes after this without use
  size_t max_sessions = 1'000;     // open conversations at once (oldest idle dropped)
  uint64_t max_download_bytes = 16u * 1024 * 1024;  // larger reviewer files: use the JS page or CLI
  uint64_t form_body_limit_bytes =
      32u * 1024 * 1024;             // shown on the page (the HTTP layer enforces)
  int message_characters = 100'000;  // as api.message_characters
  std::string instance_name = "Dojava";
  std::string static_dir;  // the catalogues are read from <static_dir>/i18n
  // The clock of session expiry (tests inject one); steady_clock if empty.
  std::function<std::chrono::steady_clock::time_point()> now;
};

class NojsPages {
 public:
  virtual ~NojsPages() = default;
  virtual void SweepExpired() = 0;
  virtual size_t SessionCount() const = 0;
};

// Adds the /plain routes to `router` (source listener). Case creation and
// follow-ups go through `intake` (Api::Intake() of the same store).
// kInvalidArgument without a router, store or intake or for bad options;
// kNotFound without the store's settings or the catalogues.
Result<std::shared_ptr<NojsPages>> AddNojsRoutes(http::Router* router, service::Store* store,
                                                 std::shared_ptr<api::CaseIntake> intake,
                                                 const NojsOptions& options);

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_NOJS_PAGES_H_
