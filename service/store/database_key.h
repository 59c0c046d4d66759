// The database key: 32 random bytes the operator gives dojavad, never derived
// from anything on the disk (SECURITY.md "Key lifecycle").
//
// Key file format: exactly 64 lower-case hex characters, optionally followed
// by one "\n". The file must not be readable, writable or executable by group
// or others (mode & 077 == 0), which also holds for systemd credentials
// ($CREDENTIALS_DIRECTORY/NAME, mode 0400 owned by the service user).
#ifndef DOJAVA_SERVICE_STORE_DATABASE_KEY_H_
#define DOJAVA_SERVICE_STORE_DATABASE_KEY_H_

#include <string>
#include <string_view>

#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::service {

inline constexpr size_t kDatabaseKeySize = 32;
inline constexpr size_t kDatabaseKeyHexSize = 2 * kDatabaseKeySize;

class DatabaseKey {
 public:
  // Parses the key file contents (see above). kMalformed on anything else.
  static Result<SecretBytes> Parse(ByteView text);
  // Reads and parses a key file. kPermissionDenied if group/other have any
  // access; kNotFound / kIoError if it cannot be read. The file's bytes only
  // ever live in wiped memory.
  static Result<SecretBytes> LoadFile(const std::string& path);
  // The path of systemd credential `name` ($CREDENTIALS_DIRECTORY/name);
  // kNotFound if the variable is unset, kInvalidArgument for a name that is
  // not a plain file name.
  static Result<std::string> CredentialPath(std::string_view name);
  // Formats a key as a key file (64 hex + "\n"), in wiped memory.
  static SecretBytes Format(const SecretBytes& key);
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_DATABASE_KEY_H_
