// ApiHarness: the real API of dojavad for the fuzz targets, set up once per
// process exactly as tests/api does it: a real SqlcipherStore in a temporary
// directory (under /dev/shm when it exists, so fsync costs nothing), the
// routes of AddApiRoutesForTesting behind a real http::RequestHandler, a
// signed roster with one reviewer who is logged in, and one case whose
// source lookup key is known.
//
// So that fuzz inputs can reach past authentication, Substitute() replaces
// the placeholders below in a request with the live values; the seeds and
// the dictionary use them.
//
// Not thread-safe (libFuzzer runs one input at a time). The process keeps the
// harness until it exits; the store is closed and its temporary directory
// removed at exit (a crash leaves it behind, under $TMPDIR or /dev/shm, named
// dojava-store-*).
// Inputs may change the store (new cases, uploads, messages): a crash found
// this way may need the inputs before it; libFuzzer's -runs=1 on the
// artefact alone tells.
#ifndef DOJAVA_FUZZ_API_HARNESS_H_
#define DOJAVA_FUZZ_API_HARNESS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "service/http/http_config.h"
#include "service/http/http_message.h"
#include "service/http/request_handler.h"

namespace dojava::fuzz {

inline constexpr std::string_view kTokenPlaceholder = "$TOKEN";    // a valid bearer token
inline constexpr std::string_view kLookupPlaceholder = "$LOOKUP";  // the case's lookup key (b64url)
inline constexpr std::string_view kCasePlaceholder = "$CASE";      // the case id (b64url)
inline constexpr std::string_view kReviewerPlaceholder = "$REVIEWER";  // the reviewer id (b64url)

// The case's id is 16 bytes of kFuzzCaseIdByte (base64url "ysrKysrKysrKysrKysrKyg"),
// its lookup key 32 bytes of kFuzzLookupKeyByte, the reviewer's id 16 bytes
// of kFuzzReviewerIdByte: seeds may embed records of that case.
inline constexpr uint8_t kFuzzCaseIdByte = 0xca;
inline constexpr uint8_t kFuzzLookupKeyByte = 0x1c;
inline constexpr uint8_t kFuzzReviewerIdByte = 0x5e;

class ApiHarness {
 public:
  // The one harness of this process (built on first use; aborts if the
  // setup fails, which is a bug of the harness, not a finding).
  static ApiHarness& Get();

  const http::HttpConfig& config() const { return config_; }
  const http::RequestHandler& handler() const { return *handler_; }

  // Call at the start of every input: an earlier input may have logged the
  // reviewer out or deleted the case; this logs in again / creates a new
  // case, so inputs do not depend on the ones before them.
  void BeginInput();

  // `text` with every placeholder replaced.
  std::string Substitute(std::string_view text) const;

  // Checks what every response must satisfy whatever the request was: a
  // known status, never 500 (a handler that threw or failed on bad input),
  // errors under /api/ as JSON. Aborts otherwise.
  static void CheckResponse(const http::HttpRequest& request, const http::HttpResponse& response);

  const std::string& token() const { return token_; }
  const std::string& lookup_key() const { return lookup_key_; }
  const std::string& case_id() const { return case_id_; }
  const std::string& reviewer_id() const { return reviewer_id_; }

 private:
  ApiHarness();
  void Login();
  void CreateCase();
  struct State;
  State* state_;  // freed by an exit handler (see the constructor)
  http::HttpConfig config_;
  const http::RequestHandler* handler_ = nullptr;
  std::string token_, lookup_key_, case_id_, reviewer_id_;
};

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_API_HARNESS_H_
