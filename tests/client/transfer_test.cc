// Downloads: chunk by chunk or several at once, verified, written in order,
// resumable; a substituted chunk or a short file is caught and leaves no
// output file. Uploads on several streams against a scripted loopback
// server: a lost chunk re-sent (§9.2), a changed file refused.
#include "client/transfer.h"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>

#include "base/encoding.h"
#include "tests/support/client_test_util.h"

namespace dojava::client {
namespace {

constexpr size_t kChunk = protocol::kChunkPlainSize;

struct Encrypted {
  crypto::FileSecrets secrets = crypto::FileSecrets::Generate();
  std::string plain;
  std::vector<Bytes> records;
  explicit Encrypted(size_t size) {
    plain.resize(size);
    for (size_t i = 0; i < size; ++i) plain[i] = static_cast<char>(i * 31 + 7);
    const uint64_t count = crypto::ChunkCount(size);
    for (uint64_t i = 0; i < count; ++i) {
      const bool last = i + 1 == count;
      const size_t len = last ? size - i * kChunk : kChunk;
      records.push_back(*crypto::EncryptChunk(
          secrets, i, last, AsBytes(std::string_view(plain).substr(i * kChunk, len))));
    }
  }
};

std::string PartOf(const std::string& out, const crypto::FileSecrets& secrets) {
  return out + "." + HexEncode(secrets.file_id()) + ".part";
}

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("download: byte-identical, 0600 part file renamed at the end", "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(3 * kChunk + 1234);
  const std::string out = dir / "report.pdf";
  Status s = DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                          e.records.size(), e.plain.size(), out, "report.pdf");
  REQUIRE(s.ok());
  CHECK(ReadAll(out) == e.plain);
  CHECK(::access(PartOf(out, e.secrets).c_str(), F_OK) != 0);
  struct stat st {};
  ::stat(out.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);
  // Never overwrites.
  CHECK(DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                     e.records.size(), e.plain.size(), out, "x")
            .code() == Code::kAlreadyExists);
}

TEST_CASE("download: an interrupted download resumes without fetching done chunks again",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(4 * kChunk + 10);
  const std::string out = dir / "f";
  std::vector<uint64_t> fetched;
  Status first = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        if (i == 2) return Status(Code::kIoError, "connection lost");
        fetched.push_back(i);
        return e.records.at(i);
      },
      e.secrets, e.records.size(), e.plain.size(), out, "f");
  CHECK(first.code() == Code::kIoError);
  CHECK(::access(out.c_str(), F_OK) != 0);
  fetched.clear();
  Status second = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        fetched.push_back(i);
        return e.records.at(i);
      },
      e.secrets, e.records.size(), e.plain.size(), out, "f");
  REQUIRE(second.ok());
  CHECK(fetched == std::vector<uint64_t>{2, 3, 4});
  CHECK(ReadAll(out) == e.plain);
}

TEST_CASE("download: progress reported per chunk; a cancel stops it, resumable afterwards",
          "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(4 * kChunk + 10);
  const std::string out = dir / "f";
  CancelToken cancel;
  TransferControl control;
  std::vector<uint64_t> reported;
  control.progress = [&](uint64_t done, uint64_t total) {
    CHECK(total == e.plain.size());
    reported.push_back(done);
    if (reported.size() == 2) cancel.Cancel();
  };
  control.cancel = &cancel;
  auto fetch = [&](uint64_t i) -> Result<Bytes> { return e.records.at(i); };
  Status first =
      DownloadFile(fetch, e.secrets, e.records.size(), e.plain.size(), out, "f", control);
  CHECK(first.code() == Code::kCancelled);
  CHECK(reported == std::vector<uint64_t>{kChunk, 2 * kChunk});
  CHECK(::access(out.c_str(), F_OK) != 0);
  CHECK(ReadAll(PartOf(out, e.secrets)).size() == 2 * kChunk);

  TransferControl again;
  uint64_t resumed_at = 0;
  again.resumed = [&](uint64_t first_chunk, uint64_t chunks) {
    resumed_at = first_chunk;
    CHECK(chunks == 5);
  };
  uint64_t last = 0;
  again.progress = [&](uint64_t done, uint64_t) { last = done; };
  REQUIRE(DownloadFile(fetch, e.secrets, e.records.size(), e.plain.size(), out, "f", again).ok());
  CHECK(resumed_at == 2);
  CHECK(last == e.plain.size());
  CHECK(ReadAll(out) == e.plain);
}

TEST_CASE("download: a flipped, moved or foreign chunk is refused, naming the chunk",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(2 * kChunk + 5);
  Encrypted other(2 * kChunk + 5);
  auto run = [&](std::function<Result<Bytes>(uint64_t)> f) {
    const std::string out = dir / "o";
    Status s = DownloadFile(f, e.secrets, e.records.size(), e.plain.size(), out, "o");
    ::unlink(PartOf(out, e.secrets).c_str());
    CHECK(::access(out.c_str(), F_OK) != 0);
    return s;
  };
  Status flipped = run([&](uint64_t i) -> Result<Bytes> {
    Bytes r = e.records.at(i);
    if (i == 1) r[100] ^= 1;
    return r;
  });
  CHECK(flipped.code() == Code::kDecryptFailed);
  CHECK(flipped.message().find("chunk 1") != std::string::npos);
  CHECK(run([&](uint64_t i) -> Result<Bytes> { return e.records.at(i == 1 ? 0 : i); }).code() ==
        Code::kDecryptFailed);
  CHECK(run([&](uint64_t i) -> Result<Bytes> { return other.records.at(i); }).code() ==
        Code::kDecryptFailed);
  CHECK(run([&](uint64_t i) -> Result<Bytes> {
          Bytes r = e.records.at(i);
          r.pop_back();
          return r;
        }).code() == Code::kMalformed);
}

TEST_CASE("download: a reference whose size disagrees with the data is refused (§9.2)",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(kChunk + 100);
  const std::string out = dir / "o";
  Status s = DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                          e.records.size(), e.plain.size() + 1, out, "o");
  CHECK(s.code() == Code::kMalformed);
  CHECK(::access(out.c_str(), F_OK) != 0);
}

TEST_CASE("download: the part file of another file to the same output is never spliced in",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted a(3 * kChunk + 10), b(3 * kChunk + 20);
  const std::string out = dir / "evidence.bin";
  // A is interrupted after two chunks.
  Status first = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        if (i == 2) return Status(Code::kIoError, "connection lost");
        return a.records.at(i);
      },
      a.secrets, a.records.size(), a.plain.size(), out, "a");
  CHECK(first.code() == Code::kIoError);
  CHECK(::access(PartOf(out, a.secrets).c_str(), F_OK) == 0);
  // B to the same output name starts from chunk 0 in its own part file.
  std::vector<uint64_t> fetched;
  Status second = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        fetched.push_back(i);
        return b.records.at(i);
      },
      b.secrets, b.records.size(), b.plain.size(), out, "b");
  REQUIRE(second.ok());
  CHECK(fetched == std::vector<uint64_t>{0, 1, 2, 3});
  CHECK(ReadAll(out) == b.plain);
  // A's part file is left alone (a later `get` of A resumes from it).
  CHECK(ReadAll(PartOf(out, a.secrets)) == a.plain.substr(0, 2 * kChunk));
}

// A scripted upload server on 127.0.0.1 for UploadFile: one thread per
// keep-alive connection (so several streams really run at once), the three
// upload routes, and one misbehaviour: the first PUT of chunk `lose_once` is
// answered 204 but not kept, as if the server had lost it; GET then reports
// it missing. Before answering the first GET, `before_first_get` runs.
class ScriptedUploadServer {
 public:
  ScriptedUploadServer() {
    Serve();  // fills port_
  }
  ~ScriptedUploadServer() {
    stop_ = true;
    acceptor_.join();
    for (auto& t : connections_) t.join();
    ::close(listen_fd_);
  }
  uint16_t port() const { return port_; }

  int lose_once = -1;
  std::function<void()> before_first_get;

  // Read after the upload (threads joined or idle).
  std::map<uint64_t, std::string> stored;
  std::map<uint64_t, std::vector<std::string>> puts;  // every body PUT per index
  int connections = 0;
  int gets = 0;

 private:
  void Serve() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0);
    REQUIRE(::listen(listen_fd_, 16) == 0);
    socklen_t len = sizeof(a);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    acceptor_ = std::thread([this] {
      while (!stop_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (c < 0) continue;
        {
          std::lock_guard<std::mutex> lock(mu_);
          ++connections;
        }
        connections_.emplace_back([this, c] {
          Connection(c);
          ::close(c);
        });
      }
    });
  }

  void Connection(int fd) {
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      while (!stop_ && ::poll(&p, 1, 50) == 0) {
      }
      if (stop_) return;
      const std::string head = testing::ReadHead(fd);
      if (head.empty()) return;
      size_t length = 0;
      if (const size_t at = head.find("Content-Length: "); at != std::string::npos) {
        length = std::stoul(head.substr(at + 16));
      }
      const std::string body = testing::ReadN(fd, length);
      const std::string line = head.substr(0, head.find("\r\n"));
      testing::SendAll(fd, Answer(line, body));
    }
  }

  std::string Json(int status, const std::string& json) {
    return "HTTP/1.1 " + std::to_string(status) +
           " X\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(json.size()) + "\r\n\r\n" + json;
  }

  std::string Missing() {  // under mu_
    std::string list;
    for (uint64_t i = 0; i < chunks_; ++i) {
      if (stored.count(i)) continue;
      list += (list.empty() ? "" : ",") + std::to_string(i);
    }
    return "{\"chunks\":" + std::to_string(chunks_) + ",\"missing\":[" + list + "]}";
  }

  std::string Answer(const std::string& line, const std::string& body) {
    if (line.rfind("POST /api/v1/uploads ", 0) == 0) {
      std::lock_guard<std::mutex> lock(mu_);
      chunks_ = std::stoull(body.substr(body.find("\"chunks\":") + 9));
      return Json(201, Missing());
    }
    if (line.rfind("PUT /api/v1/uploads/", 0) == 0) {
      const size_t at = line.find("/chunks/") + 8;
      const uint64_t index = std::stoull(line.substr(at, line.find(' ', at) - at));
      std::lock_guard<std::mutex> lock(mu_);
      puts[index].push_back(body);
      if (static_cast<int>(index) != lose_once || puts[index].size() > 1) stored[index] = body;
      return "HTTP/1.1 204 No Content\r\n\r\n";
    }
    if (line.rfind("GET /api/v1/uploads/", 0) == 0) {
      bool first = false;
      {
        std::lock_guard<std::mutex> lock(mu_);
        first = gets++ == 0;
      }
      if (first && before_first_get) before_first_get();
      std::lock_guard<std::mutex> lock(mu_);
      return Json(200, Missing());
    }
    return Json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"\"}}");
  }

  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  uint64_t chunks_ = 0;
  std::thread acceptor_;
  std::vector<std::thread> connections_;  // added by the acceptor only, joined after it
};

HttpOptions LoopbackOptions(uint16_t port) {
  HttpOptions o;
  o.server = *ParseServerUrl("http://127.0.0.1:" + std::to_string(port));
  return o;
}

TEST_CASE("upload: 3 streams; a chunk the server lost is re-sent, byte for byte, and only it",
          "[cli][transfer]") {
  testing::TempDir dir;
  const std::string path = dir / "evidence.bin";
  Encrypted source(7 * kChunk + 99);  // 8 chunks: only its plaintext is used
  { std::ofstream(path, std::ios::binary) << source.plain; }
  ScriptedUploadServer server;
  server.lose_once = 5;
  HttpClient http(LoopbackOptions(server.port()));
  ApiClient api(&http);
  auto up = UploadFile(api, path, 0, 3);
  INFO(up.status().message());
  REQUIRE(up.ok());
  CHECK(server.connections == 3);
  CHECK(server.gets == 2);  // missing [5], then none
  REQUIRE(server.stored.size() == 8);
  for (uint64_t i = 0; i < 8; ++i) {
    INFO("chunk " << i);
    CHECK(server.puts[i].size() == (i == 5 ? 2u : 1u));
    // The re-sent record is the same bytes (ReEncryptChunk of the unchanged
    // plaintext), and every record opens to the file's bytes at its place.
    CHECK(server.puts[i].front() == server.stored[i]);
    SecretBytes plain(kChunk);
    auto n = crypto::DecryptChunkInto(up->secrets, i, i == 7, AsBytes(server.stored[i]),
                                      plain.reveal_mut());
    REQUIRE(n.ok());
    CHECK(std::string(plain.reveal_chars().substr(0, *n)) == source.plain.substr(i * kChunk, *n));
  }
}

TEST_CASE("upload: progress counts every byte once; a cancel stops every stream",
          "[client][transfer]") {
  testing::TempDir dir;
  const std::string path = dir / "evidence.bin";
  Encrypted source(7 * kChunk + 99);
  { std::ofstream(path, std::ios::binary) << source.plain; }
  {
    ScriptedUploadServer server;
    HttpClient http(LoopbackOptions(server.port()));
    ApiClient api(&http);
    TransferControl control;
    uint64_t last = 0, calls = 0;
    control.progress = [&](uint64_t done, uint64_t total) {
      CHECK(total == source.plain.size());
      CHECK(done > last);
      last = done;
      ++calls;
    };
    REQUIRE(UploadFile(api, path, 0, 3, control).ok());
    CHECK(calls == 8);
    CHECK(last == source.plain.size());
  }
  ScriptedUploadServer server;
  HttpClient http(LoopbackOptions(server.port()));
  ApiClient api(&http);
  CancelToken cancel;
  TransferControl control;
  control.cancel = &cancel;
  control.progress = [&](uint64_t, uint64_t) { cancel.Cancel(); };
  auto up = UploadFile(api, path, 0, 3, control);
  CHECK(up.code() == Code::kCancelled);
  // The first acknowledged chunk cancels: each stream stops after its current chunk.
  CHECK(server.stored.size() <= 3);
}

TEST_CASE("upload: a file changed before a lost chunk is re-sent is refused (§9.2), on 3 streams",
          "[cli][transfer]") {
  testing::TempDir dir;
  const std::string path = dir / "evidence.bin";
  Encrypted source(4 * kChunk + 1);  // 5 chunks
  { std::ofstream(path, std::ios::binary) << source.plain; }
  ScriptedUploadServer server;
  server.lose_once = 2;
  server.before_first_get = [&] {
    std::string changed = source.plain;
    changed[2 * kChunk + 10] ^= 1;
    std::ofstream(path, std::ios::binary) << changed;
  };
  HttpClient http(LoopbackOptions(server.port()));
  ApiClient api(&http);
  auto up = UploadFile(api, path, 0, 3);
  REQUIRE(!up.ok());
  CHECK(up.code() == Code::kAlreadyExists);
  CHECK(up.status().message().find("changed while uploading") != std::string::npos);
  CHECK(server.puts[2].size() == 1);  // the changed chunk was never encrypted again
}

TEST_CASE("upload: streams outside 1..8 are refused before anything is sent", "[cli][transfer]") {
  testing::TempDir dir;
  const std::string path = dir / "a.bin";
  { std::ofstream(path, std::ios::binary) << "x"; }
  ScriptedUploadServer server;
  HttpClient http(LoopbackOptions(server.port()));
  ApiClient api(&http);
  for (int streams : {0, -1, kMaxUploadStreams + 1}) {
    auto up = UploadFile(api, path, 0, streams);
    CHECK(up.code() == Code::kInvalidArgument);
  }
  CHECK(server.connections == 0);
}

// ---- issue 19: several chunk GETs in flight --------------------------------

// A fetch function for `e` that records how many calls overlap; chunk i
// answers after (i % 3) ms, so chunks complete out of order.
struct OverlappingFetch {
  explicit OverlappingFetch(const Encrypted& enc) : e(enc) {}
  const Encrypted& e;
  std::mutex mu;
  int in_flight = 0, peak = 0;    // GUARDED_BY(mu)
  std::vector<uint64_t> fetched;  // GUARDED_BY(mu)

  Result<Bytes> operator()(uint64_t i) {
    {
      std::lock_guard<std::mutex> lock(mu);
      peak = std::max(peak, ++in_flight);
      fetched.push_back(i);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2 + 3 * (2 - i % 3)));
    std::lock_guard<std::mutex> lock(mu);
    --in_flight;
    return e.records.at(i);
  }
};

TEST_CASE("download: N chunks in flight, written in order, byte-identical", "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(11 * kChunk + 77);  // 12 chunks
  OverlappingFetch f(e);
  std::vector<uint64_t> reported;
  TransferControl control;
  control.progress = [&](uint64_t done, uint64_t) { reported.push_back(done); };
  const std::string out = dir / "f";
  Status s =
      DownloadFile(std::ref(f), e.secrets, e.records.size(), e.plain.size(), out, "f", control, 3);
  REQUIRE(s.ok());
  CHECK(ReadAll(out) == e.plain);
  CHECK(f.peak == 3);
  CHECK(f.fetched.size() == 12);
  // Progress in order, one report per chunk, whatever order they arrived in.
  REQUIRE(reported.size() == 12);
  for (size_t k = 0; k + 1 < reported.size(); ++k) CHECK(reported[k] == (k + 1) * kChunk);
  CHECK(reported.back() == e.plain.size());
  for (int streams : {0, kMaxDownloadStreams + 1}) {
    CHECK(DownloadFile(std::ref(f), e.secrets, e.records.size(), e.plain.size(), dir / "g", "g", {},
                       streams)
              .code() == Code::kInvalidArgument);
  }
}

TEST_CASE(
    "download: a substituted chunk in the middle of a parallel run is named; the chunks "
    "before it stay for a resume",
    "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(15 * kChunk + 3);  // 16 chunks
  const std::string out = dir / "f";
  std::mutex mu;
  std::vector<uint64_t> fetched;
  Status bad = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        {
          std::lock_guard<std::mutex> lock(mu);
          fetched.push_back(i);
        }
        return e.records.at(i == 7 ? 8 : i);  // chunk 8's record in place of chunk 7
      },
      e.secrets, e.records.size(), e.plain.size(), out, "evidence.pdf", {}, 4);
  CHECK(bad.code() == Code::kDecryptFailed);
  CHECK(bad.message().find("chunk 7 of evidence.pdf") != std::string::npos);
  CHECK(bad.message().find("damaged or substituted") != std::string::npos);
  CHECK(::access(out.c_str(), F_OK) != 0);
  // No worker ran far ahead: 4 in flight, at most 4 more held until the ones before
  // them are written.
  CHECK(fetched.size() <= 7 + 4 + 4);
  // Exactly the verified chunks before it, none after.
  CHECK(ReadAll(PartOf(out, e.secrets)) == e.plain.substr(0, 7 * kChunk));

  // A later run starts at chunk 7.
  OverlappingFetch f(e);
  uint64_t resumed_at = 0;
  TransferControl control;
  control.resumed = [&](uint64_t first, uint64_t) { resumed_at = first; };
  REQUIRE(
      DownloadFile(std::ref(f), e.secrets, e.records.size(), e.plain.size(), out, "f", control, 4)
          .ok());
  CHECK(resumed_at == 7);
  std::sort(f.fetched.begin(), f.fetched.end());
  CHECK(f.fetched == std::vector<uint64_t>{7, 8, 9, 10, 11, 12, 13, 14, 15});
  CHECK(ReadAll(out) == e.plain);
}

TEST_CASE("download: a slow chunk does not stop the other lanes; memory stays bounded",
          "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(15 * kChunk + 9);  // 16 chunks
  std::mutex mu;
  std::condition_variable cv;
  size_t others = 0;      // GUARDED_BY(mu): chunks other than 0 fetched
  size_t while_slow = 0;  // others when chunk 0 was released
  auto fetch = [&](uint64_t i) -> Result<Bytes> {
    std::unique_lock<std::mutex> lock(mu);
    if (i == 0) {
      // Chunk 0 answers once the other lanes stopped asking for 300 ms.
      size_t seen = SIZE_MAX;
      while (seen != others) {
        seen = others;
        cv.wait_for(lock, std::chrono::milliseconds(300));
      }
      while_slow = others;
    } else {
      ++others;
      cv.notify_all();
    }
    return e.records.at(i);
  };
  const std::string out = dir / "f";
  REQUIRE(DownloadFile(fetch, e.secrets, e.records.size(), e.plain.size(), out, "f", {}, 3).ok());
  CHECK(ReadAll(out) == e.plain);
  // While chunk 0 was slow the 2 other lanes fetched on: 3 chunks held (the
  // spares) and 2 in their hands; one chunk each would have been 2.
  CHECK(while_slow == 5);
}

TEST_CASE("download: a lost connection in a parallel run is retried once, then stops cleanly",
          "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(9 * kChunk + 1);  // 10 chunks
  const std::string out = dir / "f";
  std::mutex mu;
  std::map<uint64_t, int> calls;
  // Chunk 3 fails once (retried on the same lane), chunk 6 always.
  auto flaky = [&](uint64_t i) -> Result<Bytes> {
    std::lock_guard<std::mutex> lock(mu);
    const int n = ++calls[i];
    if ((i == 3 && n == 1) || i == 6) return Status(Code::kIoError, "connection lost");
    return e.records.at(i);
  };
  Status s = DownloadFile(flaky, e.secrets, e.records.size(), e.plain.size(), out, "f", {}, 3);
  CHECK(s.code() == Code::kIoError);
  CHECK(s.message().find("chunk 6 of f") != std::string::npos);
  CHECK(calls[3] == 2);
  CHECK(calls[6] == 2);
  CHECK(ReadAll(PartOf(out, e.secrets)) == e.plain.substr(0, 6 * kChunk));
}

TEST_CASE("download: a cancel stops every worker; what was verified stays", "[client][transfer]") {
  testing::TempDir dir;
  Encrypted e(20 * kChunk);  // 21 chunks, the last one empty
  const std::string out = dir / "f";
  CancelToken cancel;
  TransferControl control;
  control.cancel = &cancel;
  control.progress = [&](uint64_t done, uint64_t) {
    if (done == 5 * kChunk) cancel.Cancel();
  };
  OverlappingFetch f(e);
  Status s =
      DownloadFile(std::ref(f), e.secrets, e.records.size(), e.plain.size(), out, "f", control, 3);
  CHECK(s.code() == Code::kCancelled);
  CHECK(f.fetched.size() < 21);
  const std::string held = ReadAll(PartOf(out, e.secrets));
  CHECK(held.size() >= 5 * kChunk);
  CHECK(held.size() % kChunk == 0);
  CHECK(held == e.plain.substr(0, held.size()));
}

}  // namespace
}  // namespace dojava::client
