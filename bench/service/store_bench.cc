// Store benchmarks, on real SQLCipher files in a temporary directory.
//
//   store_bench commit [--seconds S]       durable case creations per second with
//                                          1, 8 and 64 concurrent writers: group
//                                          commit vs one transaction per write
//   store_bench attachment [--mib N]       one N MiB attachment written chunk by
//                                          chunk: throughput and peak RSS
//   store_bench all [--seconds S] [--mib N]
//
// Defaults: --seconds 3, --mib 1024. TMPDIR chooses the disk. Goals (issue 3):
// group commit >= 10x at 64 writers; peak RSS flat and under 64 MiB.
#include <fcntl.h>
#include <sodium.h>
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "service/clock.h"
#include "service/sqlcipher_store.h"

namespace {

using namespace dojava;
using namespace dojava::service;
using Clock = std::chrono::steady_clock;

struct TempDir {
  std::string path;
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/dojava-bench-XXXXXX";
    path = ::mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

Id RandomId() {
  Id id;
  randombytes_buf(id.data(), id.size());
  return id;
}

// A case as a request handler would pass it: ids, hash, keys and a 1 KiB
// message record. All random material comes from one libsodium call, so the
// clients' system calls do not dominate a 2-core machine.
NewCase RandomCase() {
  constexpr size_t kRecord = kMinMessageRecordSize + 512;
  constexpr size_t kKeys = 3 * protocol::kSealedKeySize;
  std::array<uint8_t, 16 + 32 + 32 + 16 + kKeys + kRecord> r;
  randombytes_buf(r.data(), r.size());
  NewCase c;
  const uint8_t* p = r.data();
  std::copy(p, p + 16, c.case_id.begin());
  p += 16;
  std::copy(p, p + 32, c.lookup_hash.begin());
  p += 32;
  std::copy(p, p + 32, c.source_public_key.begin());
  p += 32;
  Id reviewer;
  std::copy(p, p + 16, reviewer.begin());
  p += 16;
  const std::pair<std::optional<Id>, Role> recipients[] = {
      {std::nullopt, Role::kCaseKey}, {reviewer, Role::kCaseKey}, {reviewer, Role::kNotesKey}};
  for (const auto& [who, role] : recipients) {
    SealedKey k{who, role, {}};
    std::copy(p, p + k.sealed.size(), k.sealed.begin());
    p += k.sealed.size();
    c.keys.push_back(k);
  }
  c.first_message.assign(p, p + kRecord);
  return c;
}

std::unique_ptr<SqlcipherStore> NewStore(const std::string& dir, size_t max_batch_writes) {
  StoreOptions options;
  options.group_commit.max_batch_writes = max_batch_writes;
  const SecretBytes key = SecretBytes::Random(32);
  auto store = SqlcipherStore::Create(dir + "/" + kDatabaseFileName, key,
                                      std::make_shared<SystemClock>(), options);
  if (!store.ok()) {
    std::fprintf(stderr, "cannot create the store: %s\n", store.status().message().c_str());
    std::exit(1);
  }
  Settings settings;
  settings.instance_id = RandomId();
  if (!(*store)->PutSettings(settings).ok()) std::exit(1);
  return std::move(store).value();
}

// Case creations per second with `writers` threads for `seconds`.
double CreationsPerSecond(int writers, size_t max_batch_writes, double seconds) {
  TempDir dir;
  auto store = NewStore(dir.path, max_batch_writes);
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> done{0}, failed{0};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int i = 0; i < writers; ++i) {
    threads.emplace_back([&] {
      while (!stop.load(std::memory_order_relaxed)) {
        if (store->CreateCase(RandomCase()).ok()) {
          done.fetch_add(1);
        } else {
          failed.fetch_add(1);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const auto stats = store->writer_stats();
  if (std::getenv("DOJAVA_BENCH_VERBOSE")) {
    std::fprintf(stderr, "  writers %d batch<=%zu: %llu writes in %llu commits\n", writers,
                 max_batch_writes, (unsigned long long)stats.writes,
                 (unsigned long long)stats.commits);
  }
  if (failed.load() != 0)
    std::fprintf(stderr, "  %llu writes failed\n", (unsigned long long)failed.load());
  return static_cast<double>(done.load()) / elapsed;
}

// Mean latency of a 4 KiB write + fdatasync on this disk: what group commit
// amortises. (On a virtual disk with a write cache it can be far below 1 ms.)
double FsyncMillis() {
  TempDir dir;
  const std::string path = dir.path + "/fsync";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return -1;
  std::array<uint8_t, 4096> page{};
  constexpr int kRounds = 200;
  const auto start = Clock::now();
  for (int i = 0; i < kRounds; ++i) {
    if (::pwrite(fd, page.data(), page.size(), 0) != static_cast<ssize_t>(page.size()) ||
        ::fdatasync(fd) != 0) {
      ::close(fd);
      return -1;
    }
  }
  ::close(fd);
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count() / kRounds;
}

void BenchCommit(double seconds) {
  std::printf("fdatasync of one 4 KiB page on this disk: %.2f ms\n", FsyncMillis());
  std::printf("durable case creations/s (WAL, synchronous=FULL, %.0f s each)\n", seconds);
  std::printf("%8s %18s %18s %8s\n", "writers", "group commit", "txn per write", "ratio");
  for (int writers : {1, 8, 64}) {
    const double single = CreationsPerSecond(writers, 1, seconds);
    const double grouped =
        CreationsPerSecond(writers, GroupCommitOptions{}.max_batch_writes, seconds);
    std::printf("%8d %18.0f %18.0f %7.1fx\n", writers, grouped, single, grouped / single);
    std::fflush(stdout);
  }
}

long PeakRssKiB() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

void BenchAttachment(uint64_t mib) {
  TempDir dir;
  auto store = NewStore(dir.path, GroupCommitOptions{}.max_batch_writes);
  const uint64_t chunks =
      (mib * 1024 * 1024 + protocol::kChunkPlainSize - 1) / protocol::kChunkPlainSize;
  const Id file = RandomId();
  const long rss_before = PeakRssKiB();
  if (!store->CreateUpload(file, static_cast<uint32_t>(chunks), std::nullopt).ok()) {
    std::fprintf(stderr, "cannot create the upload (over max_chunks_per_file or disk reserve?)\n");
    std::exit(1);
  }
  Bytes chunk(protocol::kChunkRecordSize);
  const auto start = Clock::now();
  for (uint32_t i = 0; i < chunks; ++i) {
    randombytes_buf(chunk.data(), 4096);  // vary each chunk cheaply
    chunk[4096 + (i % 1000)] ^= 1;
    Status s = store->PutChunk(file, i, chunk);
    if (!s.ok()) {
      std::fprintf(stderr, "chunk %u: %s\n", i, s.message().c_str());
      std::exit(1);
    }
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  auto status = store->GetUploadStatus(file);
  if (!status.ok() || !status->missing.empty()) std::exit(1);
  const double stored_mib = static_cast<double>(chunks * protocol::kChunkRecordSize) / (1 << 20);
  std::printf(
      "attachment: %llu chunks (%.0f MiB) in %.1f s = %.1f MiB/s; peak RSS %.1f MiB "
      "(%.1f MiB before the upload)\n",
      (unsigned long long)chunks, stored_mib, elapsed, stored_mib / elapsed,
      static_cast<double>(PeakRssKiB()) / 1024.0, static_cast<double>(rss_before) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  EnsureSodium();
  std::string mode = argc > 1 ? argv[1] : "all";
  double seconds = 3;
  uint64_t mib = 1024;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") {
      seconds = std::atof(argv[i + 1]);
    } else if (flag == "--mib") {
      mib = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (mode != "commit" && mode != "attachment" && mode != "all") {
    std::fprintf(stderr, "usage: store_bench [commit|attachment|all] [--seconds S] [--mib N]\n");
    return 2;
  }
  // The attachment first: peak RSS is a high-water mark for the process.
  if (mode == "attachment" || mode == "all") BenchAttachment(mib);
  if (mode == "commit" || mode == "all") BenchCommit(seconds);
  return 0;
}
