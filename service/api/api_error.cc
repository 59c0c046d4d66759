#include "service/api/api_error.h"

#include <string>

namespace dojava::api {

namespace {

struct ErrorText {
  int status;
  std::string_view code;
  const char* message;
};

ErrorText TextOf(ApiError error) {
  switch (error) {
    case ApiError::kBadRequest:
      return {400, "bad_request", "The request is malformed."};
    case ApiError::kBadSignature:
      return {400, "bad_signature", "The signature does not verify."};
    case ApiError::kExpired:
      return {400, "expired", "The roster is past its expiry day."};
    case ApiError::kUnsupportedVersion:
      return {400, "unsupported_version", "This format version is not supported (only version 2)."};
    case ApiError::kUnauthorized:
      return {401, "unauthorized", "Log in first."};
    case ApiError::kLoginFailed:
      return {401, "login_failed", "Login failed."};
    case ApiError::kPermissionDenied:
      return {403, "permission_denied", "You do not hold a key of this case."};
    case ApiError::kNotFound:
      return {404, "not_found", "Not found."};
    case ApiError::kConflict:
      return {409, "conflict", "This conflicts with what is stored."};
    case ApiError::kRollback:
      return {409, "rollback", "That roster is not newer than the installed one."};
    case ApiError::kBrokenChain:
      return {409, "broken_chain", "That roster does not continue the installed one."};
    case ApiError::kRosterChanged:
      return {409, "roster_changed", "The roster has changed: fetch /api/v1/instance again."};
    case ApiError::kUnsupportedMediaType:
      return {415, "unsupported_media_type", "Wrong Content-Type."};
    case ApiError::kRateLimited:
      return {429, "rate_limited", "Too many requests; retry later."};
    case ApiError::kNotReady:
      return {503, "not_ready", "The instance has no roster yet."};
    case ApiError::kInsufficientStorage:
      return {507, "insufficient_storage", "The server is low on disk space."};
    case ApiError::kInternal:
      break;
  }
  return {500, "internal", "Something went wrong on our side."};
}

}  // namespace

int ErrorStatus(ApiError error) { return TextOf(error).status; }

std::string_view ErrorCodeName(ApiError error) { return TextOf(error).code; }

http::HttpResponse ErrorResponse(ApiError error, int retry_after_seconds) {
  const ErrorText t = TextOf(error);
  http::HttpResponse r = http::JsonError(t.status, t.code, t.message);
  if (error == ApiError::kRateLimited) {
    r.headers.emplace_back("Retry-After",
                           std::to_string(retry_after_seconds < 1 ? 1 : retry_after_seconds));
  }
  return r;
}

ApiError ErrorFromStore(const Status& status) {
  switch (status.code()) {
    case Code::kNotFound:
      return ApiError::kNotFound;
    case Code::kAlreadyExists:
    case Code::kLimitReached:
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
