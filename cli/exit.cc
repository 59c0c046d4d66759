#include "cli/exit.h"

namespace dojava::cli {

void Fail(Exit exit, std::string message) { throw Failure{exit, std::move(message)}; }

Exit ExitFor(const Status& s) {
  switch (s.code()) {
    case Code::kOk:
      return Exit::kOk;
    case Code::kIoError:
      return Exit::kUnreachable;
    case Code::kWrongPassphrase:
      return Exit::kPassphrase;
    case Code::kBadSignature:
    case Code::kRollback:
      return Exit::kTrust;
    case Code::kNotFound:
      return Exit::kNotFound;
    case Code::kDecryptFailed:
    case Code::kMalformed:
    case Code::kUnsupportedVersion:
    case Code::kTruncated:
    case Code::kExtended:
    case Code::kUnknownAuthor:
      return Exit::kIntegrity;
    case Code::kPermissionDenied:
      return Exit::kAuth;
    case Code::kAlreadyExists:
    case Code::kResourceExhausted:
    case Code::kInternal:
      return Exit::kRefused;
    case Code::kInvalidArgument:
    case Code::kBadChecksum:
      return Exit::kUsage;
    case Code::kCancelled:
      return Exit::kError;
  }
  return Exit::kError;
}

void Check(const Status& s, const std::string& context) {
  if (s.ok()) return;
  Fail(ExitFor(s), context.empty() ? s.message() : context + ": " + s.message());
}

}  // namespace dojava::cli
