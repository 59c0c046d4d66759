// The CMake target graph as declared in the repository's CMakeLists.txt
// files, and which target compiles which file (the build's
// compile_commands.json), so the layering test can check that every include
// edge between directories has a declared link edge.
#ifndef DOJAVA_TESTS_LAYERING_CMAKE_GRAPH_H_
#define DOJAVA_TESTS_LAYERING_CMAKE_GRAPH_H_

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace dojava::layering {

struct CmakeGraph {
  std::set<std::string> libraries;    // add_library
  std::set<std::string> executables;  // add_executable (and dojava_fuzz_target)
  // target_link_libraries, every visibility: target -> what it names.
  std::map<std::string, std::set<std::string>> links;
};

// Parses add_library, add_executable, target_link_libraries and fuzz/'s
// dojava_fuzz_target in every CMakeLists.txt under `root` (skipping build
// trees). A target whose name is computed (`${name}`) is not resolved: such a
// target is reported as compiled but undeclared.
CmakeGraph ReadCmakeGraph(const std::filesystem::path& root);

// Every target `target` links, directly or through the libraries it links.
std::set<std::string> LinkClosure(const CmakeGraph& graph, const std::string& target);

// target -> the files of the repository it compiles (root-relative), from
// the compile_commands.json CMake writes into the build tree.
std::map<std::string, std::set<std::string>> ReadCompiledFiles(
    const std::filesystem::path& compile_commands, const std::filesystem::path& root);

}  // namespace dojava::layering

#endif  // DOJAVA_TESTS_LAYERING_CMAKE_GRAPH_H_
