#include "service/api/api_error.h"

#include <string>

namespace dojava::api {

http::HttpResponse ErrorResponse(ApiError error, int retry_after_seconds) {
  switch (error) {
    case ApiError::kBadRequest:
      return http::JsonError(400, "bad_request", "The request is malformed.");
    case ApiError::kBadSignature:
      return http::JsonError(400, "bad_signature", "The signature does not verify.");
    case ApiError::kUnauthorized:
      return http::JsonError(401, "unauthorized", "Log in first.");
    case ApiError::kLoginFailed:
      return http::JsonError(401, "login_failed", "Login failed.");
    case ApiError::kNotFound:
      return http::JsonError(404, "not_found", "Not found.");
    case ApiError::kConflict:
      return http::JsonError(409, "conflict", "This conflicts with what is stored.");
    case ApiError::kRollback:
      return http::JsonError(409, "rollback", "That roster is not newer than the installed one.");
    case ApiError::kRosterChanged:
      return http::JsonError(409, "roster_changed",
                             "The roster has changed: fetch /api/v1/instance again.");
    case ApiError::kUnsupportedMediaType:
      return http::JsonError(415, "unsupported_media_type", "Wrong Content-Type.");
    case ApiError::kRateLimited: {
      http::HttpResponse r =
          http::JsonError(429, "rate_limited", "Too many requests; retry later.");
      r.headers.emplace_back("Retry-After",
                             std::to_string(retry_after_seconds < 1 ? 1 : retry_after_seconds));
      return r;
    }
    case ApiError::kNotReady:
      return http::JsonError(503, "not_ready", "The instance has no roster yet.");
    case ApiError::kInsufficientStorage:
      return http::JsonError(507, "insufficient_storage", "The server is low on disk space.");
    case ApiError::kInternal:
      break;
  }
  return http::JsonError(500, "internal", "Something went wrong on our side.");
}

ApiError ErrorFromStore(const Status& status) {
  switch (status.code()) {
    case Code::kNotFound:
      return ApiError::kNotFound;
    case Code::kAlreadyExists:
      return ApiError::kConflict;
    case Code::kRollback:
      return ApiError::kRollback;
    case Code::kInvalidArgument:
    case Code::kMalformed:
      return ApiError::kBadRequest;
    case Code::kResourceExhausted:
      return ApiError::kInsufficientStorage;
    default:
      return ApiError::kInternal;
  }
}

}  // namespace dojava::api
