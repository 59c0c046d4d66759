// InstanceLock: an advisory lock on an instance's data directory, so that
// `dojavad rekey` (which rewrites every page under a new key) never runs
// while `dojavad serve`, `backup` or `purge` has the database open.
//
// flock(2) on the data directory itself (no lock file to leave behind or to
// clean up): serve and the online tools take it shared, rekey exclusive. The
// lock goes with the process (closed fd, exit, crash, SIGKILL), so a dead
// server never leaves the instance locked. Advisory only: a process that
// does not ask (an old dojavad, the sqlcipher shell) is not stopped, which is
// why rekey also checks at the SQLite level (service/store/store_maintenance.cc).
#ifndef DOJAVA_SERVICE_STORE_INSTANCE_LOCK_H_
#define DOJAVA_SERVICE_STORE_INSTANCE_LOCK_H_

#include <string>

#include "base/status.h"

namespace dojava::service {

class InstanceLock {
 public:
  enum class Mode { kShared, kExclusive };

  // Takes the lock without waiting. kPermissionDenied "the instance DIR is in
  // use ..." if a conflicting lock is held; kNotFound / kIoError if the
  // directory cannot be opened.
  static Result<InstanceLock> Acquire(const std::string& data_dir, Mode mode);

  InstanceLock(InstanceLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  InstanceLock& operator=(InstanceLock&& other) noexcept;
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  ~InstanceLock();  // releases the lock

 private:
  explicit InstanceLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_INSTANCE_LOCK_H_
