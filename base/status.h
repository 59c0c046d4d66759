// Status and Result<T>: errors are values in Dojava. No exception crosses a
// module boundary; every fallible function returns one of these.
//
// The error codes are part of the test-vector format (tests/vectors/*.json,
// field "expect"), so their names are stable: see CodeName().
#ifndef DOJAVA_BASE_STATUS_H_
#define DOJAVA_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dojava {

enum class Code {
  kOk = 0,
  kInvalidArgument,     // the caller passed something unusable
  kMalformed,           // bytes do not parse: wrong length, non-canonical, bad field
  kUnsupportedVersion,  // a version byte this implementation does not know (unknown kinds are
                        // kMalformed)
  kDecryptFailed,       // AEAD authentication failed (wrong key, tampered, reordered...)
  kBadSignature,        // an Ed25519 signature does not verify
  kRollback,            // a roster older than (or forking from) one already seen
  kTruncated,           // an attachment stream ended before its final chunk
  kExtended,            // data after an attachment's final chunk
  kBadChecksum,         // a receipt's check digit does not match
  kWrongPassphrase,     // a key file did not open with the given passphrase
  kUnknownAuthor,       // a signed message names a reviewer not on the roster
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,  // e.g. a key file readable by group or others
  kIoError,
  kResourceExhausted,  // disk full, over a limit
  kInternal,
  kCancelled,  // the caller asked an operation to stop (client transfers)
};

// Stable lower-case name of a code ("decrypt_failed"), used in vector files.
std::string_view CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // A human-readable message. Never contains secrets or plaintext.
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing value() of an error aborts in
// debug builds; callers check ok() first.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an OK status");
  }
  Result(Code code, std::string message) : v_(Status(code, std::move(message))) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  Code code() const { return ok() ? Code::kOk : std::get<Status>(v_).code(); }

  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace dojava

// Propagate a non-OK Status from an expression returning Status.
#define DOJAVA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::dojava::Status dojava_status_ = (expr);        \
    if (!dojava_status_.ok()) return dojava_status_; \
  } while (0)

#define DOJAVA_CONCAT_INNER_(a, b) a##b
#define DOJAVA_CONCAT_(a, b) DOJAVA_CONCAT_INNER_(a, b)
// `DOJAVA_ASSIGN_OR_RETURN(auto x, Foo());` — x is the value, or the function
// returns Foo()'s Status.
#define DOJAVA_ASSIGN_OR_RETURN(lhs, expr) \
  DOJAVA_ASSIGN_OR_RETURN_IMPL_(DOJAVA_CONCAT_(dojava_result_, __LINE__), lhs, expr)
#define DOJAVA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

#endif  // DOJAVA_BASE_STATUS_H_
