// Front-end input: secret files' permission checks, and untrusted text made
// safe for the terminal.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <fstream>

#include "cli/secret_input.h"
#include "cli/text_input.h"
#include "tests/client/test_util.h"

namespace dojava::cli {
namespace {

using client::testing::TempDir;

void WriteText(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
}

TEST_CASE("secret files: owner-only permissions required, one newline stripped", "[cli][secret]") {
  TempDir dir;
  const std::string p = dir / "pass";
  WriteText(p, "correct horse\n", 0600);
  auto ok = ReadSecretFile(p);
  REQUIRE(ok.ok());
  CHECK(ok->reveal_chars() == "correct horse");
  WriteText(p, "with crlf\r\n", 0600);
  CHECK(ReadSecretFile(p)->reveal_chars() == "with crlf");
  WriteText(p, "two\n\n", 0600);
  CHECK(ReadSecretFile(p)->reveal_chars() == "two\n");

  for (mode_t m : {0640, 0604, 0644, 0660}) {
    ::chmod(p.c_str(), m);
    auto r = ReadSecretFile(p);
    CHECK(r.code() == Code::kPermissionDenied);
    CHECK(r.status().message().find("chmod 600") != std::string::npos);
  }
  ::chmod(p.c_str(), 0400);
  CHECK(ReadSecretFile(p).ok());

  const std::string link = dir / "link";
  REQUIRE(::symlink(p.c_str(), link.c_str()) == 0);
  CHECK(ReadSecretFile(link).code() == Code::kPermissionDenied);
  CHECK(ReadSecretFile(dir / "missing").code() == Code::kNotFound);
  WriteText(dir / "empty", "\n", 0600);
  CHECK(ReadSecretFile(dir / "empty").code() == Code::kInvalidArgument);
  WriteText(dir / "big", std::string(kMaxSecretFileBytes + 1, 'a'), 0600);
  CHECK(ReadSecretFile(dir / "big").code() == Code::kMalformed);
}

TEST_CASE("display escapes untrusted text", "[cli][case]") {
  CHECK(TerminalSafe("ok\n\ttab") == "ok\n\ttab");
  CHECK(TerminalSafe("\x1b]0;title\x07") == "?]0;title?");
  CHECK(TerminalSafe("c1:\xc2\x9b"
                     "31m") == "c1:?31m");
  CHECK(TerminalSafe("ćšž") == "ćšž");
}

}  // namespace
}  // namespace dojava::cli
