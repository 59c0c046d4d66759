#include "service/daemon/instance_init.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "crypto/admin_key.h"
#include "base/encoding.h"
#include "base/secret_bytes.h"
#include "service/store/clock.h"
#include "service/store/database_key.h"
#include "service/store/sqlcipher_store.h"

namespace dojava::service {
namespace {

namespace fs = std::filesystem;

Status IoError(const std::string& what) {
  return Status(Code::kIoError, what + ": " + std::string(std::strerror(errno)));
}

// Writes `bytes` to a new file (O_EXCL, mode 0600) and fsyncs it.
Status WriteNewFile(const fs::path& path, ByteView bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return IoError("cannot create " + path.string());
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return IoError("cannot write " + path.string());
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return IoError("cannot sync " + path.string());
  }
  if (::close(fd) != 0) return IoError("cannot close " + path.string());
  return Status::Ok();
}

Status SyncPath(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("cannot open " + path.string());
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return IoError("cannot sync " + path.string());
  return Status::Ok();
}

// The names an init moves into D, in the order it moves them (config last:
// its presence marks a finished instance).
std::vector<std::string> InstanceFileNames() {
  const std::string db = kDatabaseFileName;
  return {kDatabaseKeyFileName, db + "-wal", db + "-shm", db, kConfigFileName};
}

// D must be missing or empty, apart from an interrupted init's leftovers,
// which are removed here.
Status PrepareDataDir(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Status(Code::kIoError, "cannot inspect the data directory");
  }
  if (!fs::exists(st)) {
    if (!dir.parent_path().empty()) {
      fs::create_directories(dir.parent_path(), ec);  // umask 077: 0700
      if (ec) return Status(Code::kIoError, "cannot create the data directory's parent");
    }
    if (::mkdir(dir.c_str(), 0700) != 0) return IoError("cannot create the data directory");
    return Status::Ok();
  }
  if (!fs::is_directory(st)) {
    return Status(Code::kAlreadyExists, "the data directory path exists and is not a directory");
  }
  const bool interrupted = fs::exists(dir / kInitStagingDirName, ec);
  // The config file is moved into place last: if it is here, every file of
  // the instance is too, and only removing the staging directory failed.
  // That is a live instance, never leftovers to clean up.
  if (interrupted && fs::exists(dir / kConfigFileName, ec)) {
    return Status(Code::kAlreadyExists,
                  "an instance exists in this data directory (its init finished but left " +
                      std::string(kInitStagingDirName) +
                      " behind: remove that directory by hand); refusing to overwrite anything");
  }
  std::vector<fs::path> leftovers;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    bool ours = name == kInitStagingDirName;
    if (interrupted) {
      for (const std::string& f : InstanceFileNames()) ours = ours || name == f;
    }
    if (!ours) {
      return Status(Code::kAlreadyExists,
                    "the data directory is not empty (it may hold an instance); refusing to "
                    "overwrite anything");
    }
    leftovers.push_back(entry.path());
  }
  if (ec) return Status(Code::kIoError, "cannot list the data directory");
  // An interrupted init never finished: its key guards no instance.
  for (const fs::path& p : leftovers) {
    fs::remove_all(p, ec);
    if (ec) return Status(Code::kIoError, "cannot remove an interrupted init's files");
  }
  if (::chmod(dir.c_str(), 0700) != 0) return IoError("cannot set the data directory's mode");
  return Status::Ok();
}

}  // namespace

Result<std::array<uint8_t, protocol::kEd25519PublicSize>> InstanceInit::ParseAdminPublicKey(
    std::string_view b64) {
  auto key = Base64UrlDecodeFixed<protocol::kEd25519PublicSize>(b64);
  if (!key.ok()) {
    return Status(Code::kInvalidArgument,
                  "the admin public key must be 32 bytes in base64url without padding");
  }
  EnsureSodium();
  if (crypto_core_ed25519_is_valid_point(key->data()) != 1) {
    return Status(Code::kInvalidArgument, "the admin public key is not a valid Ed25519 key");
  }
  return *key;
}

Result<InitResult> InstanceInit::Create(const InitOptions& options) {
  // Every input first: nothing is written for a bad one.
  if (options.data_dir.empty()) return Status(Code::kInvalidArgument, "give --data-dir");
  auto admin = ParseAdminPublicKey(options.admin_public_key_b64);
  if (!admin.ok()) return admin.status();
  DOJAVA_RETURN_IF_ERROR(api::ValidateInstanceName(options.instance_name));
  const fs::path dir = fs::absolute(options.data_dir).lexically_normal();
  DOJAVA_RETURN_IF_ERROR(PrepareDataDir(dir));
  const std::string dir_name = dir.string();

  const fs::path staging = dir / kInitStagingDirName;
  if (::mkdir(staging.c_str(), 0700) != 0) return IoError("cannot create the staging directory");
  Result<InitResult> result = Stage(dir_name, *admin, options.instance_name);
  if (!result.ok()) {
    // Before the moves: the staging directory is all there is. During them:
    // leave it, so the next init knows to clean up (see the header).
    std::error_code ec;
    if (!fs::exists(dir / kDatabaseKeyFileName, ec)) fs::remove_all(staging, ec);
  }
  return result;
}

Result<InitResult> InstanceInit::Stage(const std::string& dir_name, const PublicKeyBytes& admin,
                                       const std::string& instance_name) {
  const fs::path dir(dir_name);
  const fs::path staging = dir / kInitStagingDirName;
  DOJAVA_RETURN_IF_ERROR(SyncPath(dir));

  Settings settings;
  randombytes_buf(settings.instance_id.data(), settings.instance_id.size());
  randombytes_buf(settings.salt.data(), settings.salt.size());
  settings.admin_public_key = admin;
  InstanceConfig config;  // the retention rules: Settings' defaults, as in `settings`
  config.api.instance_name = instance_name;
  {
    const SecretBytes key = SecretBytes::Random(kDatabaseKeySize);
    const SecretBytes key_text = DatabaseKey::Format(key);
    DOJAVA_RETURN_IF_ERROR(WriteNewFile(staging / kDatabaseKeyFileName, key_text.reveal()));
    auto store = SqlcipherStore::Create((staging / kDatabaseFileName).string(), key,
                                        std::make_shared<SystemClock>());
    if (!store.ok()) return store.status();
    DOJAVA_RETURN_IF_ERROR((*store)->PutSettings(settings));
    auto back = (*store)->GetSettings();  // verify what we wrote before publishing it
    if (!back.ok() || !(*back == settings)) {
      return Status(Code::kInternal, "the settings did not read back as written");
    }
  }  // the store is closed here
  const std::string text = InstanceConfigText(config);
  DOJAVA_RETURN_IF_ERROR(WriteNewFile(staging / kConfigFileName, AsBytes(text)));
  DOJAVA_RETURN_IF_ERROR(SyncPath(staging));

  std::error_code ec;
  for (const std::string& name : InstanceFileNames()) {
    if (!fs::exists(staging / name, ec)) continue;
    if (::rename((staging / name).c_str(), (dir / name).c_str()) != 0) {
      return IoError("cannot move " + name + " into the data directory");
    }
    DOJAVA_RETURN_IF_ERROR(SyncPath(dir));
  }
  fs::remove_all(staging, ec);
  if (ec) return Status(Code::kIoError, "cannot remove the staging directory");
  DOJAVA_RETURN_IF_ERROR(SyncPath(dir));

  InitResult out;
  out.fingerprint = crypto::AdminKey::FingerprintText(admin);
  out.instance_id = Base64UrlEncode(settings.instance_id);
  return out;
}

Status InstanceInit::CheckInstanceDir(const std::string& data_dir) {
  const fs::path dir(data_dir);
  std::error_code ec;
  if (fs::exists(dir / kInitStagingDirName, ec)) {
    if (fs::exists(dir / kConfigFileName, ec)) {
      return Status(Code::kInvalidArgument,
                    "this instance's init finished but left " + std::string(kInitStagingDirName) +
                        " behind; remove that directory by hand (do not run 'dojavad init' again)");
    }
    return Status(Code::kInvalidArgument,
                  "an earlier 'dojavad init' was interrupted in this data directory; run "
                  "'dojavad init' again");
  }
  if (!fs::exists(dir / kConfigFileName, ec) || !fs::exists(dir / kDatabaseFileName, ec)) {
    return Status(Code::kNotFound,
                  "no instance in this data directory (create one with 'dojavad init')");
  }
  return Status::Ok();
}

}  // namespace dojava::service
