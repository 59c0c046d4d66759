// The repository's C++ files and their #include lines, read from disk.
#ifndef DOJAVA_TESTS_LAYERING_SOURCE_TREE_H_
#define DOJAVA_TESTS_LAYERING_SOURCE_TREE_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dojava::layering {

struct IncludeLine {
  int line_number = 0;
  std::string text;  // the whole line, for messages and substring rules
  // The included file relative to the source root when it is one of ours.
  std::optional<std::string> ours;
};

struct SourceFile {
  std::string path;  // relative to the source root ("service/api/api.cc")
  std::vector<IncludeLine> includes;
};

// The directory part of a root-relative path ("service/api" for
// "service/api/api.h"; "" at the root).
std::string DirOf(std::string_view path);

// True for the names of C++ sources and headers.
bool IsCxxFile(const std::filesystem::path& path);

// True for directories the walk skips: hidden ones (.git), node_modules and
// CMake build trees (any directory holding a CMakeCache.txt, and build/).
bool IsSkippedDirectory(const std::filesystem::path& root, const std::filesystem::path& dir);

// Every regular file under `root` outside the skipped directories, relative
// to `root`, sorted.
std::vector<std::string> ListFiles(const std::filesystem::path& root);

// Every C++ file under `root` with its include lines, sorted by path.
std::vector<SourceFile> ReadSourceTree(const std::filesystem::path& root);

}  // namespace dojava::layering

#endif  // DOJAVA_TESTS_LAYERING_SOURCE_TREE_H_
