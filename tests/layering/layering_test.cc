// The layering of the repository (STYLE rule 3, crypto/ knows nothing of
// HTTP, JSON or SQL; service/ and the front ends depend on it, never the
// other way round), checked three ways: every directory of C++ code is in
// the table of layers.cc, every #include follows the table, and CMake
// declares a link edge for every include edge between directories.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "tests/layering/cmake_graph.h"
#include "tests/layering/layers.h"
#include "tests/layering/source_tree.h"

namespace {
namespace fs = std::filesystem;
using namespace dojava::layering;

const fs::path kRoot = DOJAVA_SOURCE_DIR;

const std::vector<SourceFile>& Sources() {
  static const std::vector<SourceFile> sources = ReadSourceTree(kRoot);
  return sources;
}

const SourceFile* FindSource(const std::string& path) {
  for (const SourceFile& file : Sources()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("every directory of C++ code or CMake is declared in the layering table", "[layering]") {
  std::set<std::string> dirs;
  for (const std::string& path : ListFiles(kRoot)) {
    if (IsCxxFile(path) || fs::path(path).filename() == "CMakeLists.txt") dirs.insert(DirOf(path));
  }
  dirs.erase("");  // the root CMakeLists.txt
  REQUIRE(dirs.size() >= 10);
  for (const std::string& dir : dirs) {
    INFO(dir << "/ holds code but the table in tests/layering/layers.cc does not declare it");
    CHECK(LayerOf(dir) != nullptr);
  }
  for (const Layer& layer : Layers()) {
    INFO("the table declares " << layer.dir << "/, which does not exist");
    CHECK((layer.may_be_absent || fs::is_directory(kRoot / layer.dir)));
  }
}

TEST_CASE("every #include follows the layering table", "[layering]") {
  int edges = 0;
  for (const SourceFile& file : Sources()) {
    const std::string dir = DirOf(file.path);
    const Layer* layer = LayerOf(dir);
    if (layer == nullptr) continue;  // reported by the test above
    for (const IncludeLine& include : file.includes) {
      INFO(file.path << ":" << include.line_number << ": " << include.text);
      for (std::string_view forbidden : layer->forbidden)
        CHECK_FALSE(Contains(include.text, forbidden));
      if (!include.ours) continue;
      ++edges;
      CHECK(MayInclude(*layer, dir, DirOf(*include.ours)));
    }
  }
  CHECK(edges > 500);
}

// The rules of the table, spelled out so that loosening one shows in a diff.
TEST_CASE("the table keeps the layers that matter apart", "[layering]") {
  auto allows = [](std::string_view from, std::string_view to) {
    const Layer* layer = LayerOf(from);
    REQUIRE(layer != nullptr);
    return MayInclude(*layer, from, to);
  };
  for (const char* ours :
       {"crypto", "payload", "service/http", "service/store", "service/api", "cli"}) {
    CHECK_FALSE(allows("base", ours));
  }
  CHECK(allows("crypto", "base"));
  for (const char* above : {"service/http", "service/store", "service/api", "cli", "client"}) {
    CHECK_FALSE(allows("crypto", above));
  }
  for (const char* route_layer : {"service/api", "service/nojs", "service/store"}) {
    CHECK_FALSE(allows("service/http", route_layer));
  }
  CHECK_FALSE(allows("service/store", "service/http"));
  CHECK_FALSE(allows("service/api", "service/nojs"));
  for (const char* part : {"service/store", "service/api", "service/nojs"}) {
    CHECK_FALSE(allows("service/notify", part));
  }
  CHECK(allows("service/nojs", "service/api"));
  for (const char* part : {"service/http", "service/store", "service/api", "service/nojs"}) {
    CHECK(allows("service/daemon", part));
    CHECK_FALSE(allows("cli", part));
    CHECK_FALSE(allows("client", part));
    CHECK_FALSE(allows("desk", part));
  }
  CHECK_FALSE(allows("cli", "service/daemon"));
  CHECK_FALSE(allows("tests/api", "tests/service"));
  CHECK(allows("tests/api", "tests/support"));
  CHECK_FALSE(allows("tests/support", "tests/api"));
}

TEST_CASE("crypto/ includes no Boost, JSON or SQL header", "[layering]") {
  int files = 0;
  for (const SourceFile& file : Sources()) {
    if (DirOf(file.path) != "crypto") continue;
    ++files;
    for (const IncludeLine& include : file.includes) {
      INFO(file.path << ": " << include.text);
      for (const char* word :
           {"boost", "json", "sqlite", "sqlcipher", "service/", "cli/", "client/"}) {
        CHECK_FALSE(Contains(include.text, word));
      }
    }
  }
  CHECK(files >= 4);
}

// Entry points that take a construction's randomness from the caller exist
// for test vectors only (crypto/testing/deterministic.h); crypto/ itself
// implements them.
TEST_CASE("production code never includes the test-only crypto entry points", "[layering]") {
  int files = 0;
  for (const SourceFile& file : Sources()) {
    const std::string dir = DirOf(file.path);
    const Layer* layer = LayerOf(dir);
    if (layer == nullptr || !IsProduction(*layer) || dir == "crypto" || dir == "crypto/testing")
      continue;
    ++files;
    std::ifstream in(kRoot / file.path);
    std::string line;
    while (std::getline(in, line)) {
      INFO(file.path << ": " << line);
      CHECK_FALSE(Contains(line, "crypto/testing/"));
    }
  }
  CHECK(files >= 50);
}

namespace {

// Every file of ours `path` includes, directly or through other headers.
std::set<std::string> IncludeClosure(const std::string& path) {
  std::set<std::string> seen;
  std::vector<std::string> todo{path};
  while (!todo.empty()) {
    const SourceFile* file = FindSource(todo.back());
    todo.pop_back();
    if (file == nullptr) continue;
    for (const IncludeLine& include : file->includes) {
      if (include.ours && seen.insert(*include.ours).second) todo.push_back(*include.ours);
    }
  }
  return seen;
}

}  // namespace

// A target that includes a header of another directory must link (directly
// or through a library it links) a library that compiles that directory's
// files. Directories of headers only need no edge. The fuzz targets are
// checked when the build tree is the fuzz preset's.
TEST_CASE("CMake declares a link edge for every include edge between directories", "[layering]") {
  const fs::path commands = fs::path(DOJAVA_BINARY_DIR) / "compile_commands.json";
  REQUIRE(fs::exists(commands));
  const auto compiled = ReadCompiledFiles(commands, kRoot);
  const CmakeGraph graph = ReadCmakeGraph(kRoot);
  std::map<std::string, std::set<std::string>> owners;  // dir -> targets compiling it
  for (const auto& [target, files] : compiled) {
    for (const std::string& file : files) owners[DirOf(file)].insert(target);
  }
  REQUIRE(compiled.count("dojava_crypto") == 1);
  for (const auto& [target, files] : compiled) {
    INFO("target " << target);
    CHECK((graph.libraries.count(target) + graph.executables.count(target)) == 1);
    const std::set<std::string> linked = LinkClosure(graph, target);
    for (const std::string& file : files) {
      for (const std::string& header : IncludeClosure(file)) {
        const std::string dir = DirOf(header);
        if (owners[dir].empty() || owners[dir].count(target)) continue;
        bool declared = false;
        for (const std::string& owner : owners[dir]) {
          declared = declared || (graph.libraries.count(owner) && linked.count(owner));
        }
        INFO(file << " reaches " << header << ": link a library that compiles " << dir << "/");
        CHECK(declared);
      }
    }
  }
}
