#include "cli/local_files.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "cli/exit.h"
#include "client/state_store.h"

extern char** environ;

namespace dojava::cli {

void FailIfExists(const std::string& path, const std::string& option) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    Fail(Exit::kLocalFile, path + " exists (never overwritten); choose another " + option);
  }
}

void WriteNewFile(const std::string& path, ByteView bytes, const std::string& option) {
  FailIfExists(path, option);
  const Status w = client::WriteFileAtomic(path, bytes, false);
  if (w.code() == Code::kAlreadyExists) FailIfExists(path, option);
  if (!w.ok()) Fail(Exit::kLocalFile, path + ": " + w.message());
}

Result<std::string> CleanWithMat2(const std::string& path) {
  char* argv[] = {const_cast<char*>("mat2"), const_cast<char*>("--"),
                  const_cast<char*>(path.c_str()), nullptr};
  pid_t pid;
  if (::posix_spawnp(&pid, "mat2", nullptr, nullptr, argv, environ) != 0) {
    return Status(
        Code::kNotFound,
        "mat2 is not installed (apt install mat2), so no metadata-stripped copy was made");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const size_t dot = path.rfind('.');
  const std::string cleaned = dot == std::string::npos || dot < path.rfind('/') + 1
                                  ? path + ".cleaned"
                                  : path.substr(0, dot) + ".cleaned" + path.substr(dot);
  struct stat st {};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || ::lstat(cleaned.c_str(), &st) != 0) {
    return Status(Code::kIoError, "mat2 could not clean " + path +
                                      " (a format it does not support?), so no metadata-stripped "
                                      "copy was made");
  }
  return cleaned;
}

}  // namespace dojava::cli
