// The repository stands on its own: no file cites the design documents the
// project was started from, which live outside it. What the code relies on
// from them is written into SECURITY.md, crypto/PROTOCOL.md, service/API.md
// and service/store/STORE.md.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/layering/source_tree.h"

namespace {
namespace fs = std::filesystem;

// Built from parts, so this file does not match itself.
std::vector<std::string> OutsideDocuments() {
  const std::string dir = std::string("shared") + "/";
  return {dir + "BRIEF.md", dir + "FACTS.md", dir + "STYLE.md", dir + "reviews", "../" + dir};
}

}  // namespace

TEST_CASE("no file cites the documents outside the repository", "[layering][docs]") {
  const fs::path root = DOJAVA_SOURCE_DIR;
  int files = 0;
  for (const std::string& path : dojava::layering::ListFiles(root)) {
    std::ifstream in(root / path, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    ++files;
    for (const std::string& cited : OutsideDocuments()) {
      INFO(path << " cites " << cited
                << ": write what the code relies on into the repository's own docs");
      CHECK(text.find(cited) == std::string::npos);
    }
  }
  CHECK(files > 300);
}
