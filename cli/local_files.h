// Local files a command writes: refusing to overwrite (Exit::kLocalFile),
// and the metadata-stripped copy `get --clean` makes with mat2.
#ifndef DOJAVA_CLI_LOCAL_FILES_H_
#define DOJAVA_CLI_LOCAL_FILES_H_

#include <string>

#include "base/bytes.h"
#include "base/status.h"
#include "client/file_metadata.h"

namespace dojava::cli {

// Fail(kLocalFile) if `path` exists (as anything, even a dangling link),
// telling the user to choose another `option`.
void FailIfExists(const std::string& path, const std::string& option);

// Writes `bytes` to the new file `path` (0600, atomically); Fail(kLocalFile)
// if it exists or cannot be written.
void WriteNewFile(const std::string& path, ByteView bytes, const std::string& option);

// The metadata-stripped copy `get --clean` makes (client/file_metadata.h).
using client::CleanWithMat2;

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_LOCAL_FILES_H_
