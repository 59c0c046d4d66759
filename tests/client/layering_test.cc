// client/'s contract (client/README.md): a library for any front end, so it
// never includes the CLI, the server or Qt, and never prints to or reads
// from a terminal itself (front ends do that through callbacks).
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <string>

TEST_CASE("client/ includes no front end, server or Qt header and never prints", "[layering]") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(DOJAVA_SOURCE_DIR) / "client")) {
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      INFO(entry.path().string() << ": " << line);
      if (line.rfind("#include", 0) == 0) {
        CHECK(line.find("\"cli/") == std::string::npos);
        CHECK(line.find("\"service/") == std::string::npos);
        CHECK(line.find("<Q") == std::string::npos);
        CHECK(line.find("<iostream>") == std::string::npos);
        CHECK(line.find("<termios.h>") == std::string::npos);
      }
      CHECK(line.find("std::cout") == std::string::npos);
      CHECK(line.find("std::cerr") == std::string::npos);
      CHECK(line.find(" printf(") == std::string::npos);
      CHECK(line.find("fprintf(") == std::string::npos);
      CHECK(line.find("isatty") == std::string::npos);
      CHECK(line.find("/dev/tty") == std::string::npos);
    }
  }
  CHECK(files >= 20);
}
