// config_doc: writes the key tables of service/CONFIG.md and
// service/http/CONFIG.md from the code's key tables (InstanceConfig::OwnKeys,
// HttpConfig::Keys: each key's name, default, accepted values and help), or
// checks that the committed files hold exactly what it would write.
//
//   config_doc write SOURCE_DIR   rewrite the tables in place
//   config_doc check SOURCE_DIR   exit 1 if a table differs (ctest
//                                 config_docs_are_generated)
//
// Only the lines between the two marker comments are generated; the prose
// around them is written by hand.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "base/config_keys.h"
#include "service/daemon/instance_config.h"
#include "service/http/http_config.h"

namespace {

constexpr std::string_view kBegin =
    "<!-- BEGIN generated key table (tests/integration/config_doc.cc); do not edit -->\n";
constexpr std::string_view kEnd = "<!-- END generated key table -->\n";

struct Doc {
  const char* path;  // relative to the source directory
  std::string table;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  *out = text.str();
  return !in.bad();
}

// `doc` with the text between the markers replaced by `table`; false
// without exactly one pair of markers.
bool Regenerate(const std::string& doc, const std::string& table, std::string* out) {
  const size_t begin = doc.find(kBegin);
  const size_t end = doc.find(kEnd);
  if (begin == std::string::npos || end == std::string::npos || end < begin ||
      doc.find(kBegin, begin + 1) != std::string::npos) {
    return false;
  }
  const size_t from = begin + kBegin.size();
  *out = doc.substr(0, from) + table + doc.substr(end);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dojava;
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "write" && mode != "check") {
    std::fprintf(stderr, "usage: config_doc write|check SOURCE_DIR\n");
    return 2;
  }
  const std::string root = argv[2];
  const Doc docs[] = {
      {"service/CONFIG.md",
       std::string(config::kMarkdownHeader) +
           service::InstanceConfig::OwnKeys().MarkdownRows(service::InstanceConfig())},
      {"service/http/CONFIG.md", std::string(config::kMarkdownHeader) +
                                     http::HttpConfig::Keys().MarkdownRows(http::HttpConfig())},
  };
  int differing = 0;
  for (const Doc& d : docs) {
    const std::string path = root + "/" + d.path;
    std::string text, fresh;
    if (!ReadFile(path, &text)) {
      std::fprintf(stderr, "config_doc: cannot read %s\n", path.c_str());
      return 1;
    }
    if (!Regenerate(text, d.table, &fresh)) {
      std::fprintf(stderr, "config_doc: %s lacks one pair of generated-table markers\n", d.path);
      return 1;
    }
    if (fresh == text) continue;
    if (mode == "check") {
      std::fprintf(stderr,
                   "config_doc: %s differs from the key tables: run "
                   "build/default/tests/integration/config_doc write .\n",
                   d.path);
      ++differing;
      continue;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << fresh;
    if (!out.flush()) {
      std::fprintf(stderr, "config_doc: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("config_doc: wrote %s\n", d.path);
  }
  return differing == 0 ? 0 : 1;
}
