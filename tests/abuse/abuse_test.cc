// Abuse and fault tests (issue 7) against the real dojavad binary on
// 127.0.0.1: slow and never-reading clients, bounded floods, smuggling and
// header-injection shapes, encoded paths, hostile JSON, the chunk-count
// limit, a full disk, SIGKILL during submissions, and a clock set back.
// Each asserts a clear error, no crash, no state change, nothing lost.
// What tests/integration/serve_test.cc and tests/http/server_test.cc already
// cover is not repeated here (see the comments of each case).
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "tests/abuse/abuse_util.h"

namespace dojava::abuse {
namespace {

// A TCP connection to 127.0.0.1:port with a tiny receive buffer, for a
// client that never reads (the window closes after a few KiB).
int TinyWindowSocket(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int small = 4096;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Bytes readable until EOF or reset within `timeout`; -1 if still open.
long DrainUntilClosed(int fd, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  long total = 0;
  char buf[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) return total;
    total += n;
  }
  return -1;
}

// A string literal with embedded NULs, all of it but the terminator.
template <size_t N>
std::string Lit(const char (&s)[N]) {
  return std::string(s, N - 1);
}

std::string UploadStatus(Conn& c, const std::string& file_id) {
  RawResponse r = Exchange(c, Get("/api/v1/uploads/" + file_id));
  REQUIRE(r.status == 200);
  const size_t at = r.body.find("\"missing\":");
  REQUIRE(at != std::string::npos);
  return r.body.substr(at + 10, r.body.find(']', at) - at - 9);
}

// The "missing" list of an upload as a set.
std::set<uint32_t> Missing(Conn& c, const std::string& file_id) {
  const std::string list = UploadStatus(c, file_id);
  std::set<uint32_t> out;
  for (size_t i = 1; i + 1 < list.size();) {
    const size_t end = list.find_first_of(",]", i);
    out.insert(static_cast<uint32_t>(std::stoul(list.substr(i, end - i))));
    i = end + 1;
  }
  return out;
}

int CountCases(World& w, const std::string& reviewer) {
  auto r = w.As(reviewer, {"cases", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return static_cast<int>(JsonOut(r)["cases"].as_array().size());
}

// serve_test.cc "Slow clients trickling bytes" covers slow-loris against an
// upload; this adds clients that never read their response, and a whole
// submission (the real CLI) completing while both kinds hold connections.
TEST_CASE("abuse: slow-loris and never-reading clients do not stop a submission", "[abuse][slow]") {
  World w;
  TempDir site;
  constexpr size_t kBig = 12 << 20;  // far more than the socket buffers hold
  site.Write("index.html", "<!DOCTYPE html><title>t</title>");
  site.Write("big.js", std::string(kBig, 'x'));
  // The message catalogues the no-JavaScript pages load at start.
  std::filesystem::copy(DOJAVA_SOURCE_DIR "/static/www/i18n", site.path() + "/i18n");
  auto server = w.Serve({"static_dir=" + site.path(), "header_timeout_ms=20000",
                         "write_timeout_ms=1000", "close_linger_ms=200", "shutdown_grace_ms=1000"});
  w.AddReviewer("ana");

  // 20 clients ask for the big file and never read.
  constexpr int kReaders = 20;
  std::vector<int> stalled;
  for (int i = 0; i < kReaders; ++i) {
    const int fd = TinyWindowSocket(w.source_port());
    REQUIRE(fd >= 0);
    const std::string req = Get("/big.js");
    REQUIRE(::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(req.size()));
    stalled.push_back(fd);
  }
  const auto sent = std::chrono::steady_clock::now();
  // 100 clients trickle a request head, one byte per 50 ms per connection.
  std::vector<Conn> loris;
  for (int i = 0; i < 100; ++i) loris.push_back(Conn::Tcp(w.source_port()));
  std::atomic<bool> stop{false};
  std::thread trickler([&] {
    const std::string head = "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n";
    for (size_t pos = 0; !stop; ++pos) {
      for (auto& c : loris) c.Send(std::string(1, head[pos % head.size()]));
      std::this_thread::sleep_for(50ms);
    }
  });

  const std::string receipt = w.Submit("slow clients around, still submitted");
  CHECK_FALSE(receipt.empty());
  CHECK(w.Inbox(receipt).out.find("slow clients around, still submitted") != std::string::npos);
  stop = true;
  trickler.join();

  // The never-reading clients are cut after write_timeout_ms, before the
  // whole body was sent: the server does not hold them forever. (Reading
  // before the cut would let the server finish: wait well past it first.)
  std::this_thread::sleep_until(sent + 4s);
  for (const int fd : stalled) {
    const long got = DrainUntilClosed(fd, kBound);
    CHECK(got >= 0);                       // closed by the server
    CHECK(got < static_cast<long>(kBig));  // before the whole file
    ::close(fd);
  }
  Conn after = Conn::Tcp(w.source_port());
  CHECK(Exchange(after, Get("/")).status == 200);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

// How many of `rs` have `status`.
long CountStatus(const std::vector<RawResponse>& rs, int status) {
  return std::count_if(rs.begin(), rs.end(), [&](const auto& r) { return r.status == status; });
}

// 60 creations, each on its own connection (its own "circuit"): only
// the listener's global bucket can stop them. Nothing is created; once the
// bucket refills a real submission works.
void FloodCaseCreations(World& w) {
  std::vector<RawResponse> answers;
  const std::string body = "{\"case_id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"lookup_key\":\"" +
                           std::string(43, 'A') + "\",\"source_public_key\":\"" +
                           std::string(43, 'A') + "\",\"keys\":[],\"message\":\"\"}";
  for (int i = 0; i < 60; ++i) {
    Conn c = Conn::Tcp(w.source_port());
    answers.push_back(Exchange(c, Post("/api/v1/cases", body)));
  }
  CHECK(CountStatus(answers, 429) >= 20);  // at most 10 + 5 per second pass
  CHECK(CountStatus(answers, 400) + CountStatus(answers, 429) == 60);
  for (const auto& r : answers) {
    if (r.status != 429) continue;
    CheckApiError(r, 429, "rate_limited");
    CHECK(r.headers["retry-after"] == "1");  // 5 per second
  }
  // Nothing was created; once the bucket refills a real submission works.
  CHECK(CountCases(w, "ana") == 0);
  std::this_thread::sleep_for(1s);
  CHECK_FALSE(w.Submit("after the flood").empty());
}

// The same chunk again and again on one connection (one circuit); it is
// stored as sent, nothing else.
void FloodChunkUploads(World& w) {
  TestFile file(3);
  Conn c = Conn::Tcp(w.source_port());
  REQUIRE(Exchange(c, Post("/api/v1/uploads", file.CreateBody())).status == 201);
  // The same chunk again and again on one connection (one circuit).
  int accepted = 0, limited = 0;
  for (int i = 0; i < 30 && limited == 0; ++i) {
    RawResponse r = Exchange(c, PutChunkHead(file.id, 0) + file.Record(0));
    if (r.status == 204) ++accepted;
    if (r.status == 429) {
      ++limited;
      CheckApiError(r, 429, "rate_limited");
    }
    REQUIRE((r.status == 204 || r.status == 429));
  }
  CHECK(limited == 1);
  CHECK(accepted >= 5);
  CHECK(accepted < 30);
  // Stored as sent, nothing else: other bytes for chunk 0 are refused, the
  // rest is still missing, and the upload completes.
  Conn d = Conn::Tcp(w.source_port());
  CHECK(UploadStatus(d, file.id) == "[1,2]");
  TestFile other(3);
  CHECK(Exchange(d, PutChunkHead(file.id, 0) + other.Record(0)).status == 409);
  for (uint32_t i : {1u, 2u}) {
    CHECK(Exchange(d, PutChunkHead(file.id, i) + file.Record(i)).status == 204);
  }
  CHECK(UploadStatus(d, file.id) == "[]");
}

// Login challenges from many connections (the global bucket), then from
// one (its circuit bucket); a real login works afterwards.
void FloodLogins(World& w) {
  std::vector<RawResponse> answers;
  for (int i = 0; i < 30; ++i) {
    Conn c = Conn::Tcp(w.reviewer_port());
    answers.push_back(Exchange(
        c, Post("/api/v1/login/challenge", "{\"reviewer_id\":\"AAAAAAAAAAAAAAAAAAAAAA\"}")));
  }
  CHECK(CountStatus(answers, 429) >= 10);  // at most 4 + 2 per second pass
  CHECK(CountStatus(answers, 200) + CountStatus(answers, 429) == 30);
  // One connection's circuit bucket: 2, then 429 (and the connection is
  // closed: the body was never read).
  Conn one = Conn::Tcp(w.reviewer_port());
  std::this_thread::sleep_for(1500ms);  // the global bucket refills
  std::vector<RawResponse> same;
  for (int i = 0; i < 4; ++i) {
    same.push_back(Exchange(
        one, Post("/api/v1/login/challenge", "{\"reviewer_id\":\"AAAAAAAAAAAAAAAAAAAAAA\"}")));
    if (same.back().status == 429) break;
  }
  REQUIRE(same.size() == 3);
  CHECK(same[0].status == 200);
  CHECK(same[1].status == 200);
  CheckApiError(same[2], 429, "rate_limited");
  CHECK(same[2].headers["retry-after"] == "5");  // 0.2 per second per circuit
  std::this_thread::sleep_for(1500ms);
  auto login = w.As("ana", {"login"});
  INFO(login.err);
  CHECK(login.exit_code == 0);
}

// request_handler_test.cc checks the limiter in process; here the real
// binary, bounded floods, and what the flood leaves behind.
TEST_CASE("abuse: floods of case creations, chunk uploads and logins get 429 and change nothing",
          "[abuse][flood]") {
  World w;
  auto server = w.Serve();
  w.AddReviewer("ana");
  server->Signal(SIGTERM);
  REQUIRE(server->Wait() == 0);
  server = w.Serve({"rate.api.global_per_second=5", "rate.api.global_burst=10",
                    "rate.upload.circuit_per_second=1", "rate.upload.circuit_burst=5",
                    "rate.costly.global_per_second=2", "rate.costly.global_burst=4",
                    "rate.costly.circuit_per_second=0.2", "rate.costly.circuit_burst=2"});

  SECTION("case creations") { FloodCaseCreations(w); }

  SECTION("chunk uploads") { FloodChunkUploads(w); }

  SECTION("logins") { FloodLogins(w); }

  // Responsive throughout: the instance document is served.
  Conn c = Conn::Tcp(w.source_port());
  std::this_thread::sleep_for(500ms);
  CHECK(Exchange(c, Get("/api/v1/instance")).status == 200);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
  CHECK(RunDojavad({"check", "--data-dir", w.data_dir()}).exit_code == 0);
}

// Requests every one of which is refused with 400; `smuggled` rides behind
// those with a body.
std::vector<std::string> SmugglingShapes(const std::string& smuggled) {
  return {
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}" +
          smuggled,
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\ncontent-length: 2\r\n\r\n{}" +
          smuggled,
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" +
          smuggled,
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n" +
          smuggled,
      "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\n chunked\r\n\r\n" +
          smuggled,
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-A: evil\r\n\tSet-Cookie: y\r\n\r\n",
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\nX-A: evil\r\n\r\n",
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\rX-A: evil\r\n\r\n",
      Lit("GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-A: ev\0il\r\n\r\n"),
      Lit("GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-\0A: evil\r\n\r\n"),
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX A: evil\r\n\r\n",
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nHost: evil\r\n\r\n",
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-A : evil\r\n\r\n",
      "GET /api/v1/instance HTTP/1.1 \r\nHost: x\r\n\r\n",
      "GET  /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n",
  };
}

// Each refused: 400, the connection closed, nothing reflected, the smuggled
// request never answered.
void CheckRefused(const World& w, const std::string& smuggled) {
  for (const std::string& req : SmugglingShapes(smuggled)) {
    INFO(req);
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, req);
    CHECK(r.status == 400);
    CHECK(r.headers["connection"] == "close");
    CHECK(r.headers.count("set-cookie") == 0);
    CHECK(r.body.find("evil") == std::string::npos);
    std::string rest;
    CHECK(c.ClosedWithin(kBound, &rest));
    CHECK(rest.find("HTTP/1.1") == std::string::npos);  // the smuggled request got no answer
  }
}

void CheckBareLineFeeds(const World& w, const std::string& smuggled) {
  // Bare LF line ends only: the head never ends (no CR LF CR LF), so it is
  // a slow head: 408 at header_timeout_ms, closed, never answered as a request.
  // With a CR LF request behind it, the whole is one head with bare LFs: 400.
  {
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, "GET /api/v1/instance HTTP/1.1\nHost: x\n\n" + smuggled);
    CHECK(r.status == 400);
    std::string rest;
    CHECK(c.ClosedWithin(kBound, &rest));
    CHECK(rest.find("HTTP/1.1") == std::string::npos);
  }
  {
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, "GET /api/v1/instance HTTP/1.1\nHost: x\n\n");
    CHECK(r.status == 408);
    CHECK(r.body.find("\"instance_id\"") == std::string::npos);
    std::string rest;
    CHECK(c.ClosedWithin(kBound, &rest));
    CHECK(rest.find("HTTP/1.1") == std::string::npos);
  }
}

void CheckInjectionThroughTargets(const World& w) {
  // CR LF injected through the target, percent-encoded or in a query: a
  // plain 404 or 400 with no injected header and nothing echoed.
  for (const std::string& target : {std::string("/api/v1/uploads/x%0d%0aSet-Cookie:%20evil=1"),
                                    std::string("/api/v1/instance?x=%0d%0aSet-Cookie:evil"),
                                    std::string("/%0d%0aLocation:%20http://evil/"),
                                    std::string("/api/v1/source/case?after=1%0d%0aX-Evil:1")}) {
    INFO(target);
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, Get(target));
    CHECK((r.status == 404 || r.status == 400));
    CHECK(r.headers.count("set-cookie") == 0);
    CHECK(r.headers.count("location") == 0);
    CHECK(r.headers.count("x-evil") == 0);
    CHECK(r.body.find("evil") == std::string::npos);
    CHECK(r.body.find("Evil") == std::string::npos);
  }
  // A lookup key header with junk is a plain 404 that does not echo it.
  Conn k = Conn::Tcp(w.source_port());
  RawResponse r =
      Exchange(k, Get("/api/v1/source/case", "X-Dojava-Lookup-Key: evil\xff\x01value\r\n"));
  CHECK((r.status == 404 || r.status == 400));
  CHECK(r.body.find("evil") == std::string::npos);
}

// serve_test.cc and server_test.cc cover CL+TE, obs-fold, bare LF and NUL
// in the request line; here the rest, on the real binary, and that nothing
// smuggled behind a refused request is ever answered.
TEST_CASE("abuse: smuggling shapes and header injection are refused, nothing reflected",
          "[abuse][smuggling]") {
  World w;
  auto server = w.Serve({"close_linger_ms=200", "header_timeout_ms=1500"});
  const std::string smuggled = "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n";
  CheckRefused(w, smuggled);
  CheckBareLineFeeds(w, smuggled);
  CheckInjectionThroughTargets(w);
  Conn ok = Conn::Tcp(w.source_port());
  CHECK(Exchange(ok, Get("/api/v1/instance")).status == 200);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

// server_test.cc covers the basic traversal shapes in process; here double
// encoding, encoded backslashes and NUL, overlong UTF-8, on the real binary.
TEST_CASE("abuse: traversal and encoded paths never leave the static directory",
          "[abuse][static]") {
  World w;
  TempDir outside;
  outside.Write("secret.txt", "TOP-SECRET-OUTSIDE");
  TempDir site;
  site.Write("index.html", "<!DOCTYPE html><title>t</title>");
  site.Write("app.js", "console.log(1);");
  site.Write("sub/page.html", "<!DOCTYPE html><p>sub</p>");
  // The message catalogues the no-JavaScript pages load at start.
  std::filesystem::copy(DOJAVA_SOURCE_DIR "/static/www/i18n", site.path() + "/i18n");
  std::filesystem::create_symlink(outside.path() + "/secret.txt", site.path() + "/link.txt");
  const std::string rel = "../" + std::filesystem::path(outside.path()).filename().string();
  auto server = w.Serve({"static_dir=" + site.path(), "max_requests_per_connection=1000"});
  Conn m = Conn::Tcp(w.source_port());
  const RawResponse miss = Exchange(m, Get("/nothing.html"));
  REQUIRE(miss.status == 404);
  for (const std::string& path :
       std::vector<std::string>{"/" + rel + "/secret.txt",
                                "/sub/../../" + rel.substr(3) + "/secret.txt",
                                "/%2e%2e/" + rel.substr(3) + "/secret.txt",
                                "/%2E%2E%2F" + rel.substr(3) + "%2Fsecret.txt",
                                "/..%2f" + rel.substr(3) + "%2fsecret.txt",
                                "/%252e%252e/" + rel.substr(3) + "/secret.txt",
                                "/%25252e%25252e%25252fsecret.txt",
                                "/..\\" + rel.substr(3) + "\\secret.txt",
                                "/%5c..%5c" + rel.substr(3) + "%5csecret.txt",
                                "/sub%2fpage.html",
                                "/sub%5cpage.html",
                                "/app.js%00.html",
                                "/app.js%2500",
                                "/%c0%ae%c0%ae/" + rel.substr(3) + "/secret.txt",
                                "/%c0%af" + rel.substr(3) + "/secret.txt",
                                "/%e0%80%ae%e0%80%ae/secret.txt",
                                "/link.txt",
                                "/sub/./page.html",
                                "//app.js",
                                "/app.js/.",
                                "/app.js/..",
                                "/.%2fapp.js",
                                "/app.js;.html",
                                "/sub/page.html%20",
                                "/APP.JS",
                                "/app.j%73"}) {
    INFO(path);
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, Get(path));
    CHECK((r.status == 404 || r.status == 400));
    CHECK(r.body.find("TOP-SECRET") == std::string::npos);
    CHECK(r.body.find("console.log") == std::string::npos);
    if (r.status == 404) CHECK(r.body == miss.body);
  }
  // Raw bytes the request line may not hold: 400 and closed.
  for (const std::string& raw :
       {std::string("/\xc0\xae\xc0\xae/secret.txt"), std::string("/app.js\0.html", 13),
        std::string("/a\\..\\b"), std::string("/caf\xc3\xa9.html"), std::string("/\x7f")}) {
    INFO(raw);
    Conn d = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(d, "GET " + raw + " HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK((r.status == 400 || r.status == 404));
    CHECK(r.body.find("TOP-SECRET") == std::string::npos);
  }
  Conn e = Conn::Tcp(w.source_port());
  CHECK(Exchange(e, Get("/app.js")).body == "console.log(1);");
  CHECK(Exchange(e, Get("/sub/page.html")).status == 200);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

// The no-JavaScript forms' memory budget (security review finding, medium):
// form bodies were reserved from their declared Content-Length, so four
// connections declaring the largest form and trickling held the whole
// budget for body_timeout_ms and every no-JS source got 503. Now a form
// holds what it has received (service/http/CONFIG.md, "Request bodies");
// tests/http/server_test.cc checks the accounting byte for byte in process,
// this the real binary and a real submission.
std::string PlainPart(const std::string& boundary, const std::string& name,
                      const std::string& value, const std::string& filename = "") {
  return FormPart(boundary, name, value, filename);
}

// A POST /plain/submit (Albanian pages) whose body is exactly `body_size`
// bytes if that is at least the form without a file, padded with a file.
std::string PlainSubmission(const std::string& text, const std::string& form_token,
                            size_t body_size = 0) {
  const std::string boundary = "----budgetboundary3";
  const std::string fields =
      PlainPart(boundary, "lang", "sq") + PlainPart(boundary, "form_token", form_token) + PlainPart(boundary, "country", "ME") +
      PlainPart(boundary, "incident", "interception") + PlainPart(boundary, "when", "2026-11") +
      PlainPart(boundary, "responsible", "state") + PlainPart(boundary, "title", "budget") +
      PlainPart(boundary, "text", text);
  const std::string end = "--" + boundary + "--\r\n";
  std::string body = fields + end;
  if (body_size > 0) {
    const size_t file_overhead = PlainPart(boundary, "files", "", "evidence.txt").size();
    REQUIRE(body_size >= body.size() + file_overhead);
    const size_t file_size = body_size - body.size() - file_overhead;
    body = fields + PlainPart(boundary, "files", std::string(file_size, 'e'), "evidence.txt") + end;
    REQUIRE(body.size() == body_size);
  }
  return "POST /plain/submit?lang=sq HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\n"
         "Content-Type: multipart/form-data; boundary=" +
         boundary + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST_CASE("abuse: forms declared large and trickled do not block the no-JavaScript path",
          "[abuse][form]") {
  World w;
  constexpr size_t kLimit = 4 << 20;  // form_body_limit_bytes = form_inflight_bytes here
  auto server =
      w.Serve({"static_dir=" DOJAVA_SOURCE_DIR "/static/www",
               "form_body_limit_bytes=" + std::to_string(kLimit),
               "form_inflight_bytes=" + std::to_string(kLimit),
               "form_circuit_inflight_bytes=" + std::to_string(kLimit),
               "form_min_bytes_per_second=4096", "form_rate_grace_ms=3000", "close_linger_ms=200"});
  w.AddReviewer("ana");
  const std::string declared_max =
      "POST /plain/submit?lang=sq HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: multipart/form-data; boundary=x\r\n"
      "Content-Length: " +
      std::to_string(kLimit) + "\r\n";

  // Four connections declare the largest form and trickle. Their "100
  // Continue" comes after the server reserved their first step: with the
  // whole declared length reserved, the second would already get 503.
  std::vector<Conn> tricklers;
  for (int i = 0; i < 4; ++i) {
    tricklers.push_back(Conn::Tcp(w.source_port()));
    Conn& t = tricklers.back();
    REQUIRE(t.Send(declared_max + "Expect: 100-continue\r\n\r\n"));
    auto interim = t.Read(kBound);
    REQUIRE(interim);
    REQUIRE(interim->status == 100);
    REQUIRE(t.Send("--x\r\n"));
  }
  // A source on the no-JavaScript page submits meanwhile.
  {
    Conn c = Conn::Tcp(w.source_port());
    const std::string token = PlainFormToken(w.source_port());
    const RawResponse sent =
        Exchange(c, PlainSubmission("submitted while four forms trickle", token));
    INFO(sent.body.substr(0, 300));
    CHECK(sent.status == 303);
    const RawResponse r = FollowSubmission(w.source_port(), sent);
    CHECK(r.status == 200);
    CHECK(r.body.find("receipt-value") != std::string::npos);
  }
  // Two clients send a quarter of the largest form each and go away.
  for (int i = 0; i < 2; ++i) {
    Conn gone = Conn::Tcp(w.source_port());
    REQUIRE(gone.Send(declared_max + "\r\n" + std::string(kLimit / 4, 'g')));
    gone.ShutdownWrite();
    CHECK(gone.ClosedWithin(kBound));  // read all of it, then the end: closed
  }
  // The tricklers fall behind form_min_bytes_per_second: 408, as a page in
  // their language, long before body_timeout_ms (60 s).
  for (auto& t : tricklers) {
    auto r = t.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 408);
    CHECK(r->headers["content-type"].find("text/html") == 0);
    CHECK(r->body.find("lang=\"sq\"") != std::string::npos);
    CHECK(t.ClosedWithin(kBound));
  }
  // Every byte of the budget came back: a form of nearly the whole budget
  // fits (64 KiB still held by anyone would refuse it).
  {
    Conn c = Conn::Tcp(w.source_port());
    const std::string token = PlainFormToken(w.source_port());
    const RawResponse r =
        Exchange(c, PlainSubmission("nearly the largest form", token, kLimit - 16384));
    INFO(r.body.substr(0, 300));
    CHECK(r.status == 303);
  }
  // Over the limit: 413 at once, before a byte of the body is sent, as a page.
  {
    Conn c = Conn::Tcp(w.source_port());
    REQUIRE(
        c.Send("POST /plain/submit?lang=sq HTTP/1.1\r\nHost: x\r\n"
               "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " +
               std::to_string(kLimit + 1) + "\r\n\r\n"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(r->body.find("lang=\"sq\"") != std::string::npos);
    CHECK(c.ClosedWithin(kBound));
  }
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

// api/json_test.cc and errors_test.cc cover strict JSON on the Api object;
// here the bodies are sent to the real binary at the size cap.
TEST_CASE("abuse: huge, deeply nested and malformed JSON is a 400 and creates nothing",
          "[abuse][json]") {
  World w;
  auto server = w.Serve();
  TestFile file(1);
  const std::string good = file.CreateBody();
  constexpr size_t kCap = 1 << 20;
  std::vector<std::string> bodies = {
      std::string(kCap / 2, '[') + std::string(kCap / 2, ']'),
      [] {
        std::string s;
        while (s.size() + 6 < kCap / 2) s += "{\"a\":";
        return s + "1" + std::string(s.size() / 5, '}');
      }(),
      std::string(kCap / 2 - 1, '[') + "1" + std::string(kCap / 2 - 1, ']'),
      std::string(kCap - 10, '['),  // never closed
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"file_id\":\"" + file.id + "\"}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"chunks\":2}",
      "{\"file_id\":\"\xff\xfe" + file.id.substr(2) + "\",\"chunks\":1}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"x\":\"\xc0\xaf\"}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"x\":\"\xed\xa0\x80\"}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"x\":\"\\ud800\"}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1e400}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":99999999999999999999999999}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":-0}",
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1}" + std::string(1, '\0'),
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1} {}",
      "\xef\xbb\xbf" + good,
      [&] {
        std::string s = "{";
        for (int i = 0; s.size() + 100 < kCap; ++i) s += "\"k" + std::to_string(i) + "\":1,";
        return s + "\"file_id\":\"" + file.id + "\",\"chunks\":1}";
      }(),
      "{\"file_id\":\"" + file.id + "\",\"chunks\":1,\"pad\":\"" + std::string(kCap - 100, 'a') +
          "\"}",
  };
  for (const std::string& body : bodies) {
    INFO(body.substr(0, 60) << " (" << body.size() << " bytes)");
    Conn c = Conn::Tcp(w.source_port());
    RawResponse r = Exchange(c, Post("/api/v1/uploads", body));
    CheckApiError(r, 400, "bad_request");
  }
  // On the reviewer listener too (login is parsed before any key check).
  Conn rev = Conn::Tcp(w.reviewer_port());
  CheckApiError(Exchange(rev, Post("/api/v1/login/challenge", bodies[0])), 400, "bad_request");
  // Nothing was created: the file id is unknown; the good body still works.
  Conn c = Conn::Tcp(w.source_port());
  CheckApiError(Exchange(c, Get("/api/v1/uploads/" + file.id)), 404, "not_found");
  CHECK(Exchange(c, Post("/api/v1/uploads", good)).status == 201);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

TEST_CASE("abuse: 10,000 chunks in one upload is over the limit the instance advertises",
          "[abuse][limits]") {
  World w;
  auto server = w.Serve();
  Conn c = Conn::Tcp(w.source_port());
  const RawResponse instance = Exchange(c, Get("/api/v1/instance"));
  CHECK(instance.body.find("\"max_chunks_per_file\":4096") != std::string::npos);
  TestFile file(1);
  for (const char* n : {"10000", "4097", "0", "4294967296"}) {
    INFO(n);
    const std::string body = "{\"file_id\":\"" + file.id + "\",\"chunks\":" + n + "}";
    RawResponse r = Exchange(c, Post("/api/v1/uploads", body));
    CheckApiError(r, 400, "bad_request");
    CHECK((r.body.find(n) == std::string::npos || std::string(n) == "0"));
  }
  CheckApiError(Exchange(c, Get("/api/v1/uploads/" + file.id)), 404, "not_found");
  // A chunk index past any possible count is refused as well.
  CHECK(Exchange(c, Post("/api/v1/uploads", file.CreateBody())).status == 201);
  CheckApiError(Exchange(c, PutChunkHead(file.id, 10000) + file.Record(0)), 400, "bad_request");
  CHECK(UploadStatus(c, file.id) == "[0]");
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
}

// store_fault_test.cc "disk full" runs the store in process; here the real
// server, whose file writes fail with EFBIG past RLIMIT_FSIZE (no mount
// needed), answers, survives, and the upload resumes once space is back.
TEST_CASE("abuse: disk full during an upload: a clear error, nothing lost, the upload resumes",
          "[abuse][disk]") {
  World w;
  auto first = w.Serve();
  first->Signal(SIGTERM);
  REQUIRE(first->Wait() == 0);
  const auto db_size = std::filesystem::file_size(w.data_dir() + "/dojava.db");
  constexpr uint32_t kChunks = 40;  // 20 MiB: cannot fit under the limit
  TestFile file(kChunks);
  std::set<uint32_t> acknowledged;
  {
    // The child inherits the limit and SIGXFSZ ignored (so a write fails
    // with EFBIG instead of killing it); the test's own soft limit is put
    // back at once.
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = db_size + 6 * 1024 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    auto server = w.Serve({"store.disk_reserve_bytes=0"});
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
    ::signal(SIGXFSZ, old_handler);

    std::optional<Conn> c;
    c.emplace(Conn::Tcp(w.source_port()));
    REQUIRE(Exchange(*c, Post("/api/v1/uploads", file.CreateBody())).status == 201);
    int refused = 0;
    for (uint32_t i = 0; i < kChunks; ++i) {
      RawResponse r = Exchange(*c, PutChunkHead(file.id, i) + file.Record(i));
      if (r.status == 204) {
        acknowledged.insert(i);
      } else {
        INFO("chunk " << i);
        CheckApiError(r, 507, "insufficient_storage");
        ++refused;
      }
      if (r.headers["connection"] == "close") c.emplace(Conn::Tcp(w.source_port()));
    }
    CHECK(refused > 0);
    CHECK(acknowledged.size() >= 2);
    // Still serving, and what it says is consistent with what it acknowledged.
    Conn d = Conn::Tcp(w.source_port());
    CHECK(Exchange(d, Get("/api/v1/instance")).status == 200);
    const std::set<uint32_t> missing = Missing(d, file.id);
    for (uint32_t i : acknowledged) CHECK(missing.count(i) == 0);
    server->Signal(SIGTERM);
    CHECK(server->Wait() == 0);
  }
  auto check = RunDojavad({"check", "--data-dir", w.data_dir()});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  // Space is back: the upload resumes with the missing chunks only.
  auto server = w.Serve();
  Conn c = Conn::Tcp(w.source_port());
  const std::set<uint32_t> missing = Missing(c, file.id);
  for (uint32_t i = 0; i < kChunks; ++i) {
    const bool listed = missing.count(i) == 1;
    INFO("chunk " << i);
    CHECK(listed == !acknowledged.count(i));
    if (listed) CHECK(Exchange(c, PutChunkHead(file.id, i) + file.Record(i)).status == 204);
  }
  CHECK(UploadStatus(c, file.id) == "[]");
  // What was acknowledged under the full disk is what was sent.
  for (uint32_t i : acknowledged) {
    CHECK(Exchange(c, PutChunkHead(file.id, i) + file.Record(i)).status == 204);
  }
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
  CHECK(RunDojavad({"check", "--data-dir", w.data_dir()}).exit_code == 0);
}

// serve_test.cc covers SIGTERM with an upload in flight; store_fault_test.cc
// SIGKILL of the store in process. Here SIGKILL of the real server while
// real clients submit.
TEST_CASE("abuse: SIGKILL during concurrent submissions loses no acknowledged case",
          "[abuse][kill]") {
  World w;
  auto server = w.Serve();
  w.AddReviewer("ana");
  constexpr uint32_t kChunks = 6;
  TestFile upload(kChunks);
  std::set<uint32_t> chunks_acked;
  std::vector<std::pair<std::string, std::string>> acked;  // receipt, text
  int failed = 0;
  {
    Conn u = Conn::Tcp(w.source_port());
    REQUIRE(Exchange(u, Post("/api/v1/uploads", upload.CreateBody())).status == 201);
    for (uint32_t i = 0; i < 2; ++i) {
      REQUIRE(Exchange(u, PutChunkHead(upload.id, i) + upload.Record(i)).status == 204);
      chunks_acked.insert(i);
    }
    constexpr int kClients = 6;
    std::mutex mu;
    std::vector<std::thread> clients;
    std::atomic<int> done{0};
    for (int i = 0; i < kClients; ++i) {
      clients.emplace_back([&, i] {
        for (int j = 0; j < 3; ++j) {
          const std::string text = "report " + std::to_string(i) + "/" + std::to_string(j);
          CliResult fail;
          const std::string receipt = w.Submit(text, {}, &fail);
          std::lock_guard<std::mutex> lock(mu);
          if (receipt.empty()) {
            ++failed;
          } else {
            acked.emplace_back(receipt, text);
          }
        }
        ++done;
      });
    }
    // Kill once some submissions were acknowledged, with others in flight;
    // an upload's chunk is half sent at that moment.
    for (int i = 0; i < 400; ++i) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (acked.size() >= 3) break;
      }
      std::this_thread::sleep_for(20ms);
    }
    const std::string rec = upload.Record(2);
    REQUIRE(u.Send(PutChunkHead(upload.id, 2) + rec.substr(0, rec.size() / 2)));
    server->Signal(SIGKILL);
    server->Wait();
    for (auto& t : clients) t.join();
  }
  WARN(acked.size() << " submissions acknowledged, " << failed << " cut by the kill");
  REQUIRE(acked.size() >= 3);

  auto check = RunDojavad({"check", "--data-dir", w.data_dir()});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  server = w.Serve();
  for (const auto& [receipt, text] : acked) {
    INFO(text);
    auto r = w.Inbox(receipt);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(text) != std::string::npos);
  }
  CHECK(CountCases(w, "ana") >= static_cast<int>(acked.size()));
  // The interrupted upload resumes: the half-sent chunk was not stored.
  Conn c = Conn::Tcp(w.source_port());
  CHECK(UploadStatus(c, upload.id) == "[2,3,4,5]");
  for (uint32_t i = 2; i < kChunks; ++i) {
    CHECK(Exchange(c, PutChunkHead(upload.id, i) + upload.Record(i)).status == 204);
  }
  CHECK(UploadStatus(c, upload.id) == "[]");
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
  CHECK(RunDojavad({"check", "--data-dir", w.data_dir()}).exit_code == 0);
}

// Reads one case's days from the stopped server's database.
struct Days {
  int64_t created = 0, last = 0, expiry = 0;
};
std::vector<Days> CaseDays(const std::string& data_dir) {
  auto key = service::DatabaseKey::LoadFile(data_dir + "/database.key");
  REQUIRE(key.ok());
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto stmt = (*db)->Prepare(
      "SELECT created_day, last_activity_day, expiry_day FROM cases ORDER BY created_day");
  REQUIRE(stmt.ok());
  std::vector<Days> out;
  while (true) {
    auto row = stmt->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    out.push_back(Days{stmt->ColumnInt(0), stmt->ColumnInt(1), stmt->ColumnInt(2)});
  }
  return out;
}

std::vector<int64_t> UploadDays(const std::string& data_dir) {
  auto key = service::DatabaseKey::LoadFile(data_dir + "/database.key");
  REQUIRE(key.ok());
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto stmt = (*db)->Prepare("SELECT created_day FROM uploads");
  REQUIRE(stmt.ok());
  std::vector<int64_t> out;
  while (true) {
    auto row = stmt->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    out.push_back(stmt->ColumnInt(0));
  }
  return out;
}

int64_t SystemDay() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())
      .time_since_epoch()
      .count();
}

// The store-level regression is store_clock_test.cc; this moves the real
// server's wall clock (day_shift.cc) across restarts, as a machine with a
// bad RTC or a wrong NTP answer would.
TEST_CASE("abuse: the clock set back: no crash, no day in the past, nothing purged early",
          "[abuse][clock]") {
  World w;
  std::unique_ptr<DojavadServer> server;
  {
    // Control: on an empty database the shim does move the server's day
    // (an upload is stamped 1970-01-02).
    ScopedEnv env(DayShiftEnv(-20000));
    server = w.Serve();
    w.AddReviewer("ana");
    TestFile file(1);
    Conn c = Conn::Tcp(w.source_port());
    REQUIRE(Exchange(c, Post("/api/v1/uploads", file.CreateBody())).status == 201);
    server->Signal(SIGTERM);
    REQUIRE(server->Wait() == 0);
  }
  CHECK(UploadDays(w.data_dir()) == std::vector<int64_t>{SystemDay() - 20000});
  server = w.Serve();  // the right day: that stale upload is purged at start
  w.RenewRoster();     // the roster signed 20000 days ago has expired (PROTOCOL.md §6)
  ProcessResult failed;
  const std::string receipt = w.Submit("before the clock went back", {}, &failed);
  INFO(failed.out << failed.err);
  REQUIRE_FALSE(receipt.empty());
  server->Signal(SIGTERM);
  REQUIRE(server->Wait() == 0);
  const std::vector<Days> before = CaseDays(w.data_dir());
  REQUIRE(before.size() == 1);
  const int64_t today = before[0].created;
  CHECK(today == SystemDay());
  CHECK(before[0].expiry >= today + 90);
  CHECK(UploadDays(w.data_dir()).empty());

  // The clock jumps back to 1970-01-02 (an RTC reset): a follow-up, a reply,
  // a new case, and the purge at start all run on that "day".
  std::string late_receipt;
  {
    ScopedEnv env(DayShiftEnv(-(today - 1)));
    server = w.Serve();
    auto follow = w.Inbox(receipt, "written while the clock was wrong");
    INFO(follow.err);
    CHECK(follow.exit_code == 0);
    auto cases = w.As("ana", {"cases", "--json"});
    INFO(cases.err);
    REQUIRE(cases.exit_code == 0);
    const std::string case_id(
        JsonOut(cases)["cases"].as_array()[0].as_object()["case_id"].as_string());
    CHECK(w.As("ana", {"reply", case_id, "reply on a wrong day"}).exit_code == 0);
    late_receipt = w.Submit("a new case while the clock was wrong");
    CHECK_FALSE(late_receipt.empty());
    server->Signal(SIGTERM);
    CHECK(server->Wait() == 0);
  }
  for (const Days& d : CaseDays(w.data_dir())) {
    CHECK(d.created >= today);  // the shim worked and no day went back
    CHECK(d.last >= today);
    CHECK(d.expiry >= today + 90);
  }
  // The clock is right again; the purge at start deletes nothing.
  server = w.Serve();
  auto first = w.Inbox(receipt);
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("written while the clock was wrong") != std::string::npos);
  CHECK(first.out.find("reply on a wrong day") != std::string::npos);
  CHECK(w.Inbox(late_receipt).exit_code == 0);
  server->Signal(SIGTERM);
  CHECK(server->Wait() == 0);
  CHECK(server->Stderr().find("purged") == std::string::npos);
  CHECK(RunDojavad({"check", "--data-dir", w.data_dir()}).exit_code == 0);
}

}  // namespace
}  // namespace dojava::abuse
