// The layering table: every directory of C++ code in the repository, and the
// directories of ours each may include. layering_test.cc checks the includes
// against it, that no directory is missing from it, and that CMake declares
// a link edge for every include edge (cmake_graph.h).
#ifndef DOJAVA_TESTS_LAYERING_LAYERS_H_
#define DOJAVA_TESTS_LAYERING_LAYERS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dojava::layering {

struct Layer {
  // A directory relative to the source root ("service/api").
  std::string_view dir;
  // True for a root whose subdirectories are layers of their own with the
  // same rules ("tests": tests/api, tests/nojs...). A file may always include
  // files of its own directory.
  bool covers_subdirectories;
  // True while the directory is planned but may not exist yet.
  bool may_be_absent;
  // The directories of ours this layer's files may include (exact names).
  std::vector<std::string_view> may_include;
  // Substrings no #include line of this layer may contain (external headers).
  std::vector<std::string_view> forbidden;
};

// The table, in dependency order.
std::span<const Layer> Layers();

// The layer that governs `dir` (a directory relative to the source root), or
// nullptr when the table does not declare it.
const Layer* LayerOf(std::string_view dir);

// True when the table lets files of `from_dir` include files of `to_dir`.
bool MayInclude(const Layer& layer, std::string_view from_dir, std::string_view to_dir);

// True for the directories of production code (not tests, fuzz or bench).
bool IsProduction(const Layer& layer);

}  // namespace dojava::layering

#endif  // DOJAVA_TESTS_LAYERING_LAYERS_H_
