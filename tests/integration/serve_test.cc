// Integration: the real dojavad binary (init, serve, check) on a real
// SQLCipher database in a temp dir, listening on 127.0.0.1 ephemeral ports,
// driven by a raw HTTP/1.1 client (tests/support/raw_http.h). Chunk records
// are built with the crypto library, as a client would.
#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/encoding.h"
#include "crypto/admin_key.h"
#include "crypto/attachment.h"
#include "crypto/protocol_constants.h"
#include "tests/support/api_requests.h"
#include "tests/support/dojavad_instance.h"
#include "tests/support/dojavad_process.h"
#include "tests/support/raw_http.h"
#include "tests/support/raw_requests.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_file.h"

namespace dojava::testing {
namespace {

using namespace std::chrono_literals;

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
using http::testing::TempDir;

// The security headers service/API.md lists under "Conventions"
// (service/http/http_message.cc has the full list).
void CheckSecurityHeaders(const RawResponse& r) {
  INFO("status " << r.status);
  CHECK(r.headers["cache-control"] == "no-store");
  CHECK(r.headers["referrer-policy"] == "no-referrer");
  CHECK(r.headers["x-content-type-options"] == "nosniff");
  CHECK(r.headers["content-security-policy"].find("frame-ancestors 'none'") != std::string::npos);
  CHECK(r.headers["content-security-policy"].find("default-src 'none'") != std::string::npos);
  CHECK(r.headers["cross-origin-opener-policy"] == "same-origin");
  CHECK(r.headers["cross-origin-resource-policy"] == "same-origin");
  CHECK(r.headers.count("server") == 0);
  CHECK(r.headers.count("date") == 0);
  CHECK(r.headers.count("etag") == 0);
  CHECK(r.headers.count("set-cookie") == 0);
}

TEST_CASE("init + serve: GET /api/v1/instance shows the instance init created", "[integration]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  INFO(inst.init().out << inst.init().err);
  CHECK(inst.init().out.find("admin key fingerprint: ") != std::string::npos);
  CHECK(inst.init().out.find("instance id: ") != std::string::npos);
  struct stat st {};
  REQUIRE(::stat(inst.data_dir().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat((inst.data_dir() + "/database.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK_FALSE(std::filesystem::exists(inst.data_dir() + "/.init-partial"));

  DojavadServer server(inst.data_dir());
  REQUIRE(server.ok());
  Conn c = Conn::Tcp(server.source_port());
  RawResponse r = Exchange(c, Get("/api/v1/instance"));
  CHECK(r.status == 200);
  CHECK(r.headers["content-type"] == "application/json");
  CHECK(r.body.find("\"name\":\"Test Newsroom\"") != std::string::npos);
  CHECK(r.body.find("\"admin_public_key\":\"" + inst.admin_public_key() + "\"") !=
        std::string::npos);
  const std::string id = inst.instance_id();
  CHECK(r.body.find("\"instance_id\":\"" + id + "\"") != std::string::npos);
  CheckSecurityHeaders(r);
  // The reviewer listener serves it too.
  Conn v = Conn::Tcp(server.reviewer_port());
  CHECK(Exchange(v, Get("/api/v1/instance")).body == r.body);

  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
  const std::string err = server.Stderr();
  CHECK(err.find("/api/v1") == std::string::npos);  // no request data in the log
  CHECK(err.find("stopped") != std::string::npos);
}

TEST_CASE("init refuses bad input and never overwrites an instance", "[integration][init]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  const std::string key_before = [&] {
    std::ifstream in(inst.data_dir() + "/database.key");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  RunResult again = RunDojavad({"init", "--data-dir", inst.data_dir(), "--admin-public-key",
                                inst.admin_public_key(), "--name", "Other"});
  CHECK(again.exit_code == 1);
  std::ifstream in(inst.data_dir() + "/database.key");
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == key_before);

  TempDir tmp;
  const std::string dir = tmp.path() + "/new";
  for (const std::string& key :
       {std::string("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),  // small order
        std::string("not base64"), inst.admin_public_key() + "A",
        inst.admin_public_key().substr(0, 42)}) {
    INFO(key);
    RunResult bad =
        RunDojavad({"init", "--data-dir", dir, "--admin-public-key", key, "--name", "X"});
    CHECK(bad.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir));  // nothing written for bad input
  }
  RunResult bad_name = RunDojavad({"init", "--data-dir", dir, "--admin-public-key",
                                   inst.admin_public_key(), "--name", " padded"});
  CHECK(bad_name.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir));
  CHECK(RunDojavad({"init", "--data-dir", dir}).exit_code == 2);  // usage

  // An interrupted init (staging left behind, one file moved) is no instance:
  // serve refuses it and a rerun of init starts over.
  std::filesystem::create_directories(dir + "/.init-partial");
  { std::ofstream(dir + "/database.key") << "0000"; }
  CHECK(RunDojavad({"serve", "--data-dir", dir}).exit_code == 1);
  RunResult rerun = RunDojavad({"init", "--data-dir", dir, "--admin-public-key",
                                inst.admin_public_key(), "--name", "Rerun"});
  CHECK(rerun.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir + "/.init-partial"));
  RunResult checked = RunDojavad({"check", "--data-dir", dir});
  CHECK(checked.exit_code == 0);
  CHECK(checked.out.find("roster: none installed") != std::string::npos);

  // Regression (review M6): an init that moved every file into place but
  // could not remove its staging directory left a live instance. Neither
  // init nor serve may treat that as leftovers: init refuses, and the
  // database and key are untouched.
  std::filesystem::create_directories(dir + "/.init-partial");
  const std::string live_key = ReadFileText(dir + "/database.key");
  RunResult over = RunDojavad({"init", "--data-dir", dir, "--admin-public-key",
                               inst.admin_public_key(), "--name", "Again"});
  CHECK(over.exit_code == 1);
  CHECK(over.err.find("remove that directory by hand") != std::string::npos);
  RunResult refused = RunDojavad({"serve", "--data-dir", dir});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("do not run 'dojavad init' again") != std::string::npos);
  CHECK(ReadFileText(dir + "/database.key") == live_key);
  std::filesystem::remove(dir + "/.init-partial");
  CHECK(RunDojavad({"check", "--data-dir", dir}).exit_code == 0);
}

TEST_CASE("Security headers on every response; one 404 for unknown routes and wrong methods",
          "[integration]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  TempDir site;
  site.Write("index.html", "<!DOCTYPE html><title>t</title>");
  // The message catalogues the no-JavaScript pages load at start.
  std::filesystem::copy(DOJAVA_SOURCE_DIR "/static/www/i18n", site.path() + "/i18n");
  DojavadServer server(inst.data_dir(), {"static_dir=" + site.path()});
  REQUIRE(server.ok());
  const uint16_t port = server.source_port();
  Conn c = Conn::Tcp(port);
  std::vector<RawResponse> seen;
  seen.push_back(Exchange(c, Get("/api/v1/instance")));
  CHECK(seen.back().status == 200);
  seen.push_back(Exchange(c, Get("/")));
  CHECK(seen.back().status == 200);
  CHECK(seen.back().body == "<!DOCTYPE html><title>t</title>");
  seen.push_back(Exchange(c, Get("/nothing.html")));
  CHECK(seen.back().status == 404);
  CHECK(seen.back().headers["content-type"] == "text/html; charset=utf-8");

  const RawResponse unknown = Exchange(c, Get("/api/v1/nothing"));
  const RawResponse wrong_method =
      Exchange(c, "DELETE /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n");
  const RawResponse other_listener = Exchange(c, Get("/api/v1/cases"));
  const RawResponse unknown_upload = Exchange(c, Get("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA"));
  for (const RawResponse* r : {&wrong_method, &other_listener, &unknown_upload}) {
    CHECK(r->status == 404);
    CHECK(r->body == unknown.body);
    CHECK(r->headers["content-type"] == unknown.headers["content-type"]);
  }
  CHECK(unknown.body.find("\"code\":\"not_found\"") != std::string::npos);
  seen.push_back(unknown);
  seen.push_back(wrong_method);
  // API errors from handlers (bad JSON) and from the HTTP core (malformed).
  seen.push_back(Exchange(c, Post("/api/v1/uploads", "{\"file_id\":1}")));
  CHECK(seen.back().status == 400);
  CHECK(seen.back().body.find("\"code\":\"bad_request\"") != std::string::npos);
  Conn bad = Conn::Tcp(port);
  seen.push_back(Exchange(bad, "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n"));
  CHECK(seen.back().status == 400);
  Conn rev = Conn::Tcp(server.reviewer_port());
  seen.push_back(Exchange(rev, Get("/api/v1/cases")));
  CHECK(seen.back().status == 401);
  seen.push_back(Exchange(rev, Get("/")));  // no static files on the reviewer listener
  CHECK(seen.back().status == 404);
  for (const RawResponse& r : seen) CheckSecurityHeaders(r);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("Oversized and malformed requests: 431, 413, 400, 505, closed cleanly", "[integration]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  DojavadServer server(inst.data_dir(), {"close_linger_ms=200"});
  REQUIRE(server.ok());
  const uint16_t port = server.source_port();
  auto expect_close = [&](const std::string& request, int status) {
    Conn c = Conn::Tcp(port);
    RawResponse r = Exchange(c, request);
    CHECK(r.status == status);
    CHECK(r.headers["connection"] == "close");
    CheckSecurityHeaders(r);
    CHECK(c.ClosedWithin(kBound));
    return r;
  };
  // Head over 8 KiB (default header_limit_bytes).
  RawResponse big_head =
      expect_close(Get("/api/v1/instance", "X-Big: " + std::string(9000, 'b') + "\r\n"), 431);
  CHECK(big_head.body.find("\"code\":\"header_too_large\"") != std::string::npos);
  // JSON body over 1 MiB, declared: answered before the body is sent.
  expect_close(
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 1048577\r\n\r\n",
      413);
  // A chunk body over its cap (2 MiB), declared.
  expect_close(
      "PUT /api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/chunks/0 HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/octet-stream\r\nContent-Length: 2097153\r\n\r\n",
      413);
  // Chunked JSON body growing past 1 MiB while it is read.
  {
    Conn c = Conn::Tcp(port);
    REQUIRE(
        c.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n"));
    const std::string piece = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    for (int i = 0; i < 17 && c.Send(piece); ++i) {
    }
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(c.ClosedWithin(kBound));
  }
  for (const std::string& req : {
           std::string("GET /api/v1/instance HTTP/1.1\r\n\r\n"),  // no Host
           std::string("GET /api/v1/instance HTTP/1.1\nHost: x\r\n\r\n"),
           std::string("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
           std::string("GET http://x/api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n"),
           std::string("\x01\x02\x03\r\n\r\n"),
       }) {
    INFO(req);
    expect_close(req, 400);
  }
  expect_close("GET /api/v1/instance HTTP/1.0\r\nHost: x\r\n\r\n", 505);
  // After all that, the server still answers.
  Conn ok = Conn::Tcp(port);
  CHECK(Exchange(ok, Get("/api/v1/instance")).status == 200);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("Slow clients trickling bytes do not stop a normal client", "[integration][slow]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  DojavadServer server(inst.data_dir(), {"header_timeout_ms=20000", "body_timeout_ms=20000"});
  REQUIRE(server.ok());
  const uint16_t port = server.source_port();
  constexpr int kSlow = 100;  // well under source.max_connections (256)
  std::vector<Conn> slow;
  for (int i = 0; i < kSlow; ++i) slow.push_back(Conn::Tcp(port));
  std::atomic<bool> stop{false};
  std::thread trickler([&] {
    const std::string head =
        "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: "
        "application/json\r\nContent-Length: 100\r\n\r\n";
    size_t pos = 0;
    while (!stop) {
      for (auto& c : slow) c.Send(std::string(1, head[pos % head.size()]));
      ++pos;
      std::this_thread::sleep_for(50ms);
    }
  });
  // Meanwhile a normal client creates an upload and uploads a chunk.
  std::this_thread::sleep_for(300ms);
  TestFile file(1);
  Conn c = Conn::Tcp(port);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) CHECK(Exchange(c, Get("/api/v1/instance")).status == 200);
  RawResponse created =
      Exchange(c, Post("/api/v1/uploads", UploadRequest(file.secrets.file_id(), 1)));
  CHECK(created.status == 201);
  CHECK(Exchange(c, PutChunkHead(file.id, 0) + file.Record(0)).status == 204);
  RawResponse status = Exchange(c, Get("/api/v1/uploads/" + file.id));
  CHECK(status.body.find("\"missing\":[]") != std::string::npos);
  const auto took = std::chrono::steady_clock::now() - t0;
  CHECK(took < 5s);
  stop = true;
  trickler.join();
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE(
    "SIGTERM with an upload in flight: the request finishes, nothing acknowledged is "
    "lost, the upload resumes after restart",
    "[integration][shutdown]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  constexpr uint32_t kChunks = 5;
  TestFile file(kChunks);
  std::set<uint32_t> acknowledged;
  {
    DojavadServer server(inst.data_dir(), {"shutdown_grace_ms=10000"});
    REQUIRE(server.ok());
    Conn c = Conn::Tcp(server.source_port());
    RawResponse created =
        Exchange(c, Post("/api/v1/uploads", UploadRequest(file.secrets.file_id(), 5)));
    REQUIRE(created.status == 201);
    CHECK(created.body.find("\"missing\":[0,1,2,3,4]") != std::string::npos);
    for (uint32_t i : {0u, 1u}) {
      REQUIRE(Exchange(c, PutChunkHead(file.id, i) + file.Record(i)).status == 204);
      acknowledged.insert(i);
    }
    // Chunk 2: head and half the body, then SIGTERM, then the rest.
    Conn up = Conn::Tcp(server.source_port());
    const std::string rec = file.Record(2);
    REQUIRE(up.Send(PutChunkHead(file.id, 2) + rec.substr(0, rec.size() / 2)));
    std::this_thread::sleep_for(300ms);
    server.Signal(SIGTERM);
    std::this_thread::sleep_for(300ms);
    // Not accepting any more; the idle keep-alive connection is closed.
    CHECK(c.ClosedWithin(kBound));
    REQUIRE(up.Send(rec.substr(rec.size() / 2)));
    auto r = up.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 204);
    CHECK(r->headers["connection"] == "close");
    if (r->status == 204) acknowledged.insert(2);
    CHECK(server.Wait() == 0);
    Conn late = Conn::Tcp(server.source_port());
    const bool answered = late.ok() && late.Send(Get("/api/v1/instance")) && late.Read(1s);
    CHECK_FALSE(answered);
  }
  RunResult check = RunDojavad({"check", "--data-dir", inst.data_dir()});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("ok") != std::string::npos);

  DojavadServer again(inst.data_dir());
  REQUIRE(again.ok());
  Conn c = Conn::Tcp(again.source_port());
  RawResponse status = Exchange(c, Get("/api/v1/uploads/" + file.id));
  REQUIRE(status.status == 200);
  CHECK(status.body.find("\"missing\":[3,4]") != std::string::npos);
  // Resuming: re-sending an acknowledged chunk is a no-op, then the rest.
  CHECK(Exchange(c, PutChunkHead(file.id, 1) + file.Record(1)).status == 204);
  for (uint32_t i : {3u, 4u}) {
    CHECK(Exchange(c, PutChunkHead(file.id, i) + file.Record(i)).status == 204);
  }
  status = Exchange(c, Get("/api/v1/uploads/" + file.id));
  CHECK(status.body.find("\"missing\":[]") != std::string::npos);
  // Other bytes for a stored chunk are refused: what was stored is what was sent.
  TestFile other(kChunks);
  CHECK(Exchange(c, PutChunkHead(file.id, 0) + other.Record(0)).status == 409);
  again.Signal(SIGINT);
  CHECK(again.Wait() == 0);
  CHECK(RunDojavad({"check", "--data-dir", inst.data_dir()}).exit_code == 0);
}

TEST_CASE("serve reads --config FILE, and key=value arguments win over it",
          "[integration][config]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  std::string conf = [&] {
    std::ifstream in(inst.data_dir() + "/dojavad.conf");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const size_t at = conf.find("instance_name = Test Newsroom\n");
  REQUIRE(at != std::string::npos);
  conf.replace(at, 30, "instance_name = From The File\n");
  TempDir other;
  const std::string path = other.Write("other.conf", conf);
  {
    DojavadServer server(inst.data_dir(), {"--config", path});
    REQUIRE(server.ok());
    Conn c = Conn::Tcp(server.source_port());
    CHECK(Exchange(c, Get("/api/v1/instance")).body.find("\"name\":\"From The File\"") !=
          std::string::npos);
    server.Signal(SIGTERM);
    CHECK(server.Wait() == 0);
  }
  {
    DojavadServer server(inst.data_dir(), {"--config", path, "instance_name=From Argv"});
    REQUIRE(server.ok());
    Conn c = Conn::Tcp(server.source_port());
    CHECK(Exchange(c, Get("/api/v1/instance")).body.find("\"name\":\"From Argv\"") !=
          std::string::npos);
    server.Signal(SIGTERM);
    CHECK(server.Wait() == 0);
  }
}

TEST_CASE("serve refuses a bad config and a wrong key; --help lists every key",
          "[integration][config]") {
  DojavadInstance inst;
  REQUIRE(inst.init().exit_code == 0);
  RunResult bad_key = RunDojavad({"serve", "--data-dir", inst.data_dir(), "no_such_key=1"});
  CHECK(bad_key.exit_code == 1);
  CHECK(bad_key.err.find("no_such_key") != std::string::npos);
  RunResult bad_value = RunDojavad({"serve", "--data-dir", inst.data_dir(), "threads=0"});
  CHECK(bad_value.exit_code == 1);
  RunResult help = RunDojavad({"serve", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* key :
       {"instance_name", "handler_threads", "api.token_idle_seconds", "store.disk_reserve_bytes",
        "purge_interval_seconds", "source.listen", "retention_days", "header_limit_bytes"}) {
    INFO(key);
    CHECK(help.out.find(std::string(key) + " = ") != std::string::npos);
  }
  for (const char* sub : {"init", "serve", "backup", "restore", "purge", "check", "rekey"}) {
    INFO(sub);
    RunResult h = RunDojavad({sub, "--help"});
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("Usage: dojavad " + std::string(sub)) != std::string::npos);
  }
  RunResult top = RunDojavad({"--help"});
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("serve") != std::string::npos);
  // A wrong database key: refused, the file untouched.
  TempDir keys;
  const std::string wrong = keys.Write("wrong.key", std::string(64, 'a') + "\n");
  ::chmod(wrong.c_str(), 0600);
  RunResult wrong_key = RunDojavad({"serve", "--data-dir", inst.data_dir(), "--key-file", wrong});
  CHECK(wrong_key.exit_code == 1);
  CHECK(RunDojavad({"check", "--data-dir", inst.data_dir()}).exit_code == 0);
}

}  // namespace
}  // namespace dojava::testing
