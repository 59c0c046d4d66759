#include "tests/layering/source_tree.h"

#include <algorithm>
#include <fstream>
#include <regex>

namespace dojava::layering {
namespace fs = std::filesystem;
namespace {

// `#include "x"` or `#include <x>`, with the spaces the preprocessor allows.
const std::regex& IncludePattern() {
  static const std::regex pattern(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  return pattern;
}

// The root-relative path of an included file when it is in the repository:
// our includes are written from the root; a bare name is looked up beside
// the including file.
std::optional<std::string> ResolveOurs(const fs::path& root, const std::string& from_path,
                                       const std::string& included) {
  std::error_code ec;
  if (fs::is_regular_file(root / included, ec))
    return fs::path(included).lexically_normal().string();
  const fs::path beside = fs::path(DirOf(from_path)) / included;
  if (fs::is_regular_file(root / beside, ec)) return beside.lexically_normal().string();
  return std::nullopt;
}

SourceFile ReadSource(const fs::path& root, const std::string& path) {
  SourceFile file{path, {}};
  std::ifstream in(root / path);
  std::string line;
  std::smatch match;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!std::regex_search(line, match, IncludePattern())) continue;
    file.includes.push_back({number, line, ResolveOurs(root, path, match[1].str())});
  }
  return file;
}

}  // namespace

std::string DirOf(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool IsCxxFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  for (const char* cxx : {".h", ".hh", ".hpp", ".c", ".cc", ".cpp", ".cxx", ".ipp"}) {
    if (ext == cxx) return true;
  }
  return false;
}

bool IsSkippedDirectory(const fs::path& root, const fs::path& dir) {
  const std::string name = dir.filename().string();
  std::error_code ec;
  return name.starts_with(".") || name == "node_modules" || dir == root / "build" ||
         fs::exists(dir / "CMakeCache.txt", ec);
}

std::vector<std::string> ListFiles(const fs::path& root) {
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && IsSkippedDirectory(root, it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().lexically_relative(root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<SourceFile> ReadSourceTree(const fs::path& root) {
  std::vector<SourceFile> files;
  for (const std::string& path : ListFiles(root)) {
    if (IsCxxFile(path)) files.push_back(ReadSource(root, path));
  }
  return files;
}

}  // namespace dojava::layering
