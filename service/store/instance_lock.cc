#include "service/store/instance_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

namespace dojava::service {

Result<InstanceLock> InstanceLock::Acquire(const std::string& data_dir, Mode mode) {
  const int fd = ::open(data_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status(Code::kNotFound, "no data directory at " + data_dir);
    return Status(Code::kIoError, "cannot open the data directory " + data_dir);
  }
  const int op = (mode == Mode::kExclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  int rc;
  do {
    rc = ::flock(fd, op);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status(Code::kPermissionDenied,
                    mode == Mode::kExclusive
                        ? "the instance " + data_dir +
                              " is in use (dojavad serve, backup or purge is running); stop it "
                              "first (systemctl stop dojavad)"
                        : "the instance " + data_dir +
                              " is being rekeyed; try again when "
                              "dojavad rekey has finished");
    }
    return Status(Code::kIoError, "cannot lock the data directory " + data_dir);
  }
  return InstanceLock(fd);
}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

InstanceLock::~InstanceLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace dojava::service
