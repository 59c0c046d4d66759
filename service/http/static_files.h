// StaticFiles: the source listener's page and assets, as an allowlist built
// once at startup by scanning a directory. A request path is only ever looked
// up in that map, never joined to a file system path, so traversal ("/../",
// "%2e%2e", "//etc/passwd", backslashes, NUL) is impossible by construction:
// such strings are simply not keys.
//
// Only regular files whose every path component matches [A-Za-z0-9_-]
// [A-Za-z0-9._-]* (no dot files) and whose extension is in the content-type
// table are taken; symlinks are skipped, never followed. Contents are read
// into memory at load time: the directory can change afterwards without
// effect until restart. No ETag or Last-Modified is produced.
#ifndef DOJAVA_SERVICE_HTTP_STATIC_FILES_H_
#define DOJAVA_SERVICE_HTTP_STATIC_FILES_H_

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dojava::http {

struct StaticFile {
  std::string content_type;
  std::string body;
};

struct StaticLimits {
  size_t max_files = 1000;
  size_t max_file_bytes = 16 * 1024 * 1024;
  size_t max_total_bytes = 64 * 1024 * 1024;
};

class StaticFiles {
 public:
  StaticFiles() = default;  // empty: serves nothing

  // Scans `dir` recursively. kNotFound if it is not a directory; kIoError if
  // a file cannot be read; kResourceExhausted over a limit. Files with an
  // unknown extension or an unusual name are skipped (and counted).
  static Result<StaticFiles> Load(const std::string& dir, const StaticLimits& limits = {});

  // The file for a request path ("/app.js"); "/" means "/index.html".
  // nullptr if not in the allowlist.
  const StaticFile* Find(std::string_view path) const;

  size_t size() const { return files_.size(); }
  size_t skipped() const { return skipped_; }

  // The content type for a file name's extension, or empty if not allowed.
  static std::string_view ContentTypeFor(std::string_view file_name);

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
  size_t skipped_ = 0;
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_STATIC_FILES_H_
