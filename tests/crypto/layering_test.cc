// STYLE.md rule 3: crypto/ links libsodium only and knows nothing of HTTP,
// JSON or SQL. CMake enforces the link; this test enforces the includes.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

TEST_CASE("crypto/ includes no Boost, JSON or SQL header", "[layering]") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(DOJAVA_SOURCE_DIR) / "crypto")) {
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include", 0) != 0) continue;
      INFO(entry.path().string() << ": " << line);
      CHECK(line.find("boost") == std::string::npos);
      CHECK(line.find("json") == std::string::npos);
      CHECK(line.find("sqlite") == std::string::npos);
      CHECK(line.find("sqlcipher") == std::string::npos);
      CHECK(line.find("service/") == std::string::npos);
      CHECK(line.find("cli/") == std::string::npos);
      CHECK(line.find("client/") == std::string::npos);
    }
  }
  CHECK(files >= 4);
}

// Entry points that take a construction's randomness from the caller exist
// for test vectors only (crypto/testing/deterministic.h).
TEST_CASE("production code never includes the test-only crypto entry points", "[layering]") {
  namespace fs = std::filesystem;
  for (const char* dir : {"service", "client", "cli", "static"}) {
    const fs::path root = fs::path(DOJAVA_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (ext != ".h" && ext != ".cc") continue;
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) {
        INFO(entry.path().string() << ": " << line);
        CHECK(line.find("crypto/testing/") == std::string::npos);
      }
    }
  }
}
