// The counts README.md states are the repository's: the shared test vectors
// (tests/vectors/*.json), the fuzz targets (dojava_fuzz_target in
// fuzz/CMakeLists.txt) and the page's languages (static/www/i18n/*.json).
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

namespace {
namespace fs = std::filesystem;

const fs::path kRoot = DOJAVA_SOURCE_DIR;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int CountFiles(const fs::path& dir, const std::string& extension) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) ++n;
  }
  return n;
}

// The number README.md writes just before `words`, or -1.
int ReadmeCount(const std::string& words) {
  const std::string readme = ReadText(kRoot / "README.md");
  std::smatch m;
  if (!std::regex_search(readme, m, std::regex("([0-9]+) " + words))) return -1;
  return std::stoi(m[1].str());
}

}  // namespace

TEST_CASE("README.md counts the vectors, fuzz targets and languages there are", "[docs]") {
  CHECK(ReadmeCount("shared test vectors") == CountFiles(kRoot / "tests/vectors", ".json"));

  const std::string fuzz = ReadText(kRoot / "fuzz/CMakeLists.txt");
  const std::regex target("\\ndojava_fuzz_target\\(");
  const auto targets =
      std::distance(std::sregex_iterator(fuzz.begin(), fuzz.end(), target), std::sregex_iterator());
  CHECK(ReadmeCount("targets") == targets);

  const char* kNumbers[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                            "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  const int languages = CountFiles(kRoot / "static/www/i18n", ".json");
  REQUIRE(languages < 13);
  const std::string readme = ReadText(kRoot / "README.md");
  CHECK(readme.find(std::string(kNumbers[languages]) + " languages") != std::string::npos);
}
