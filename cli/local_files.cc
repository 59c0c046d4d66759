#include "cli/local_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "cli/exit.h"
#include "client/state_store.h"

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

}  // namespace dojava::cli
