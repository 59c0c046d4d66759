// ApiError: the API's error codes (service/API.md "Errors") and the one place
// that turns them, or a Store / crypto Status, into an HTTP response.
//
// Messages are fixed text per code: never request data, never a Status
// message (which could name internals).
#ifndef DOJAVA_SERVICE_API_API_ERROR_H_
#define DOJAVA_SERVICE_API_API_ERROR_H_

#include <string_view>

#include "base/status.h"
#include "service/http/http_message.h"

namespace dojava::api {

enum class ApiError {
  kBadRequest,            // 400 bad_request
  kBadSignature,          // 400 bad_signature
  kExpired,               // 400 expired
  kUnsupportedVersion,    // 400 unsupported_version
  kUnauthorized,          // 401 unauthorized
  kLoginFailed,           // 401 login_failed
  kPermissionDenied,      // 403 permission_denied
  kNotFound,              // 404 not_found
  kConflict,              // 409 conflict
  kRollback,              // 409 rollback
  kBrokenChain,           // 409 broken_chain
  kRosterChanged,         // 409 roster_changed
  kUnsupportedMediaType,  // 415 unsupported_media_type
  kRateLimited,           // 429 rate_limited
  kNotReady,              // 503 not_ready
  kInsufficientStorage,   // 507 insufficient_storage
  kInternal,              // 500 internal
};

// The JSON error response for `error`. For kRateLimited, `retry_after_seconds`
// (>= 1) becomes the Retry-After header.
http::HttpResponse ErrorResponse(ApiError error, int retry_after_seconds = 1);
// The HTTP status and the stable code ("insufficient_storage") of `error`.
int ErrorStatus(ApiError error);
std::string_view ErrorCodeName(ApiError error);

// The API error for a failed Store call (store.h codes): kNotFound ->
// not_found, kAlreadyExists / kLimitReached -> conflict, kRollback -> rollback,
// kInvalidArgument / kMalformed -> bad_request, kResourceExhausted ->
// insufficient_storage, anything else -> internal.
ApiError ErrorFromStore(const Status& status);

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_API_ERROR_H_
