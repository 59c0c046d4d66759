// InstanceInit: `dojavad init`, creating an instance's data directory.
//
// Layout of a data directory D (mode 0700):
//   D/database.key   the SQLCipher key, 64 hex + "\n", mode 0600
//   D/dojava.db      the store, with Settings (random instance id and salt,
//                    the admin public key)
//   D/dojavad.conf   every config key with its value (service/CONFIG.md)
//
// Atomicity: everything is first written into D/.init-partial/ (fsynced),
// then moved into D one file at a time, the config file last, and the
// staging directory removed. So D holds a usable instance exactly when it has
// dojavad.conf and no .init-partial. A crash or error before the moves leaves
// only .init-partial (removed by the next init); a crash during the moves
// leaves .init-partial too, and the next init removes it together with the
// instance files it had moved (D held nothing else when that init started).
// `serve` refuses a directory with .init-partial.
//
// Never overwrites: D must be missing or empty (apart from .init-partial).
#ifndef DOJAVA_SERVICE_DAEMON_INSTANCE_INIT_H_
#define DOJAVA_SERVICE_DAEMON_INSTANCE_INIT_H_

#include <array>
#include <string>
#include <string_view>

#include "crypto/protocol_constants.h"
#include "base/status.h"
#include "service/daemon/instance_config.h"
#include "service/store/store.h"

namespace dojava::service {

inline constexpr const char* kDatabaseKeyFileName = "database.key";
inline constexpr const char* kInitStagingDirName = ".init-partial";

struct InitOptions {
  std::string data_dir;
  std::string admin_public_key_b64;  // base64url, 32 bytes, canonical Ed25519 point
  std::string instance_name;
};

struct InitResult {
  std::string fingerprint;  // AdminKey::FingerprintText of the admin key
  std::string instance_id;  // base64url
};

class InstanceInit {
 public:
  // Validates every input before touching the disk, then creates the
  // instance as described above. kInvalidArgument for a bad key or name,
  // kAlreadyExists if D holds anything, kIoError for file system failures
  // (then nothing usable is left, only .init-partial at worst).
  static Result<InitResult> Create(const InitOptions& options);

  // kFailedPrecondition-like errors for `serve`: kNotFound if D is not an
  // instance (no config file), kInvalidArgument if an init was interrupted.
  static Status CheckInstanceDir(const std::string& data_dir);

  // Parses and checks an admin public key (base64url, canonical Ed25519
  // point of the main subgroup).
  using PublicKeyBytes = std::array<uint8_t, protocol::kEd25519PublicSize>;
  static Result<PublicKeyBytes> ParseAdminPublicKey(std::string_view b64);

 private:
  // Writes the instance into D/.init-partial and moves it into D.
  static Result<InitResult> Stage(const std::string& dir, const PublicKeyBytes& admin,
                                  const std::string& instance_name);
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_DAEMON_INSTANCE_INIT_H_
