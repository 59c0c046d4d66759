#include "base/status.h"

namespace dojava {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kMalformed:
      return "malformed";
    case Code::kUnsupportedVersion:
      return "unsupported_version";
    case Code::kDecryptFailed:
      return "decrypt_failed";
    case Code::kBadSignature:
      return "bad_signature";
    case Code::kRollback:
      return "rollback";
    case Code::kTruncated:
      return "truncated";
    case Code::kExtended:
      return "extended";
    case Code::kBadChecksum:
      return "bad_checksum";
    case Code::kWrongPassphrase:
      return "wrong_passphrase";
    case Code::kUnknownAuthor:
      return "unknown_author";
    case Code::kNotFound:
      return "not_found";
    case Code::kAlreadyExists:
      return "already_exists";
    case Code::kPermissionDenied:
      return "permission_denied";
    case Code::kIoError:
      return "io_error";
    case Code::kResourceExhausted:
      return "resource_exhausted";
    case Code::kInternal:
      return "internal";
    case Code::kCancelled:
      return "cancelled";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s(CodeName(code_));
  if (!message_.empty()) {
    s += ": ";
    s += message_;
  }
  return s;
}

}  // namespace dojava
