#include "desk/plain_error.h"

#include <QCoreApplication>

namespace dojava::desk {
namespace {

const char* Explain(Code code) {
  switch (code) {
    case Code::kWrongPassphrase:
      return QT_TRANSLATE_NOOP("PlainError",
                               "The passphrase does not open this key file. Check the keyboard "
                               "layout and Caps Lock and try again.");
    case Code::kBadSignature:
      return QT_TRANSLATE_NOOP(
          "PlainError",
          "Verification failed: what the server sent is not signed by your organisation's "
          "admin key, or a case key changed since you last opened the case. The server may have "
          "been tampered with. Do not rely on this data; tell your admin before you go on.");
    case Code::kRollback:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Verification failed: the server shows an older list of reviewers "
                               "than this computer saw before. Someone may be replaying old data. "
                               "Tell your admin.");
    case Code::kExpired:
    case Code::kBrokenChain:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Verification failed: the list of reviewers the server shows has "
                               "expired or does not continue the one this computer saw before. "
                               "Someone may be replaying old data. Tell your admin.");
    case Code::kWrongKey:
    case Code::kRetiredAuthor:
    case Code::kReordered:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Verification failed: the case's records were changed, reordered "
                               "or signed by someone no longer on the team. Do not rely on this "
                               "data; tell your admin before you go on.");
    case Code::kDecryptFailed:
    case Code::kMalformed:
    case Code::kUnsupportedVersion:
    case Code::kTruncated:
    case Code::kExtended:
    case Code::kUnknownAuthor:
    case Code::kBadChecksum:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Verification failed: data from the server does not decrypt or "
                               "authenticate. It was damaged or changed on the server. Nothing of "
                               "it is shown as genuine; tell your admin.");
    case Code::kIoError:
      return QT_TRANSLATE_NOOP("PlainError",
                               "The server cannot be reached. Check the address, that tor is "
                               "running (for an onion address) and your network, then try again.");
    case Code::kPermissionDenied:
      return QT_TRANSLATE_NOOP(
          "PlainError",
          "Not allowed: your key is not on the reviewer list, this case was "
          "not shared with you, or a file has unsafe permissions. Send your "
          "public key line to the admin, or ask a colleague to grant the case.");
    case Code::kNotFound:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Not found: the case or file no longer exists, or the address is "
                               "not the reviewer address of the server.");
    case Code::kAlreadyExists:
      return QT_TRANSLATE_NOOP("PlainError",
                               "Something with this name already exists, or the server changed "
                               "meanwhile. Choose another name or try again.");
    case Code::kResourceExhausted:
      return QT_TRANSLATE_NOOP("PlainError",
                               "The server's disk is full or it is busy: nothing was stored. "
                               "Try again later; tell the operator if it lasts.");
    case Code::kLimitReached:
      return QT_TRANSLATE_NOOP("PlainError",
                               "The server's limit for this case is reached (too many messages, "
                               "keys or file chunks). Nothing more can be added to it.");
    case Code::kInvalidArgument:
      return QT_TRANSLATE_NOOP("PlainError", "This setting or input cannot be used.");
    case Code::kCancelled:
      return QT_TRANSLATE_NOOP("PlainError", "Stopped as you asked.");
    case Code::kInternal:
    case Code::kOk:
      break;
  }
  return QT_TRANSLATE_NOOP("PlainError", "The server refused the request.");
}

}  // namespace

QString PlainError(const Status& st) {
  return QCoreApplication::translate("PlainError", Explain(st.code())) + PlainDetails(st);
}

QString PlainDetails(const Status& st) {
  if (st.message().empty()) return {};
  return QStringLiteral("\n\n") + QCoreApplication::translate("PlainError", "Details: ") +
         QString::fromStdString(st.message());
}

}  // namespace dojava::desk
