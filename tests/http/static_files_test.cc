#include "service/http/static_files.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>

#include "tests/support/temp_dir.h"

namespace dojava::http {
namespace {

using testing::TempDir;

TEST_CASE("Static allowlist: regular files with known extensions only", "[static]") {
  TempDir secret;
  secret.Write("passwd", "root:x:0:0");
  TempDir d;
  d.Write("index.html", "<h1>hi</h1>");
  d.Write("app.js", "1;");
  d.Write("sub/style.css", "b{}");
  d.Write(".hidden.html", "no");
  d.Write(".git/config.txt", "no");
  d.Write("run.sh", "no");
  d.Write("noext", "no");
  d.Write("we ird.html", "no");
  std::filesystem::create_symlink(secret.path() + "/passwd", d.path() + "/link.txt");
  std::filesystem::create_directory_symlink(secret.path(), d.path() + "/linkdir");

  Result<StaticFiles> r = StaticFiles::Load(d.path());
  REQUIRE(r.ok());
  const StaticFiles& s = r.value();
  CHECK(s.size() == 3);
  REQUIRE(s.Find("/") != nullptr);
  CHECK(s.Find("/")->body == "<h1>hi</h1>");
  CHECK(s.Find("/index.html")->content_type == "text/html; charset=utf-8");
  CHECK(s.Find("/app.js")->content_type == "text/javascript; charset=utf-8");
  CHECK(s.Find("/sub/style.css")->content_type == "text/css; charset=utf-8");
  for (const char* no : {"/.hidden.html", "/.git/config.txt", "/run.sh", "/noext", "/we ird.html",
                         "/link.txt", "/linkdir/passwd", "/sub/../app.js", "/../app.js",
                         "/%2e%2e/app.js", "//app.js", "/sub\\style.css", "app.js", "/APP.JS",
                         "/sub/", "/sub"}) {
    INFO(no);
    CHECK(s.Find(no) == nullptr);
  }
  CHECK(StaticFiles::Load(d.path() + "/missing").code() == Code::kNotFound);
  StaticLimits tiny;
  tiny.max_file_bytes = 5;
  CHECK(StaticFiles::Load(d.path(), tiny).code() == Code::kResourceExhausted);
}

}  // namespace
}  // namespace dojava::http
