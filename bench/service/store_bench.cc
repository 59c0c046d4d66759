// Store benchmarks, on real SQLCipher files in a temporary directory.
//
//   store_bench commit [--seconds S]       durable case creations per second with
//                                          1, 8 and 64 concurrent writers: group
//                                          commit vs one transaction per write
//   store_bench attachment [--mib N]       one N MiB attachment written chunk by
//                                          chunk: throughput and peak RSS
//   store_bench all [--seconds S] [--mib N] [--writers 1,8,64]
//
// Defaults: --seconds 3, --mib 1024, --writers 1,8,64. TMPDIR chooses the disk. Goals (issue 3):
// group commit >= 10x at 64 writers; peak RSS flat and under 64 MiB.
#include <fcntl.h>
#include <sodium.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "service/store/clock.h"
#include "service/store/sqlcipher_store.h"

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

// Process CPU time (user + system, every thread) in seconds.
double CpuSeconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct CommitRun {
  double per_second = 0;        // acknowledged creations per wall-clock second
  double cpu_ms_per_write = 0;  // process CPU (writer + callers) per creation
  double writes_per_commit = 0;
  double pages_per_write = 0;  // WAL frames (encrypted pages) written per creation
};

// Case creations per second with `writers` threads for `seconds`.
CommitRun CreationsPerSecond(int writers, size_t max_batch_writes, double seconds) {
  TempDir dir;
  auto store = NewStore(dir.path, max_batch_writes);
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> done{0}, failed{0};
  std::vector<std::thread> threads;
  const auto stats_before = store->writer_stats();
  const double cpu_before = CpuSeconds();
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
  const double cpu = CpuSeconds() - cpu_before;
  auto stats = store->writer_stats();
  stats.writes -= stats_before.writes;
  stats.commits -= stats_before.commits;
  stats.wal_frames -= stats_before.wal_frames;
  if (std::getenv("DOJAVA_BENCH_VERBOSE")) {
    std::fprintf(stderr, "  writers %d batch<=%zu: %llu writes in %llu commits\n", writers,
                 max_batch_writes, (unsigned long long)stats.writes,
                 (unsigned long long)stats.commits);
  }
  if (failed.load() != 0)
    std::fprintf(stderr, "  %llu writes failed\n", (unsigned long long)failed.load());
  CommitRun run;
  run.per_second = static_cast<double>(done.load()) / elapsed;
  if (done.load() != 0) run.cpu_ms_per_write = 1000 * cpu / static_cast<double>(done.load());
  if (stats.writes != 0) {
    run.pages_per_write = static_cast<double>(stats.wal_frames) / static_cast<double>(stats.writes);
  }
  if (stats.commits != 0) {
    run.writes_per_commit = static_cast<double>(stats.writes) / static_cast<double>(stats.commits);
  }
  return run;
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

double LoadAverage() {
  double load[1] = {0};
  return ::getloadavg(load, 1) == 1 ? load[0] : -1;
}

// Both columns run in the same process, one after the other, on the same
// disk: "txn per write" is the same store with max_batch_writes = 1. CPU is
// the whole process's (writer thread and the calling threads) per
// acknowledged creation, so it shows what grouping cannot share.
void BenchCommit(double seconds, const std::vector<int>& writer_counts) {
  std::printf("fdatasync of one 4 KiB page on this disk: %.2f ms (load average %.2f)\n",
              FsyncMillis(), LoadAverage());
  std::printf("durable case creations/s (WAL, synchronous=FULL, %.0f s each)\n", seconds);
  std::printf("%8s %13s %13s %7s %11s %11s %9s %11s %11s\n", "writers", "group commit",
              "txn per write", "ratio", "cpu ms/w gc", "cpu ms/w 1", "w/commit", "pages/w gc",
              "pages/w 1");
  for (int writers : writer_counts) {
    const CommitRun single = CreationsPerSecond(writers, 1, seconds);
    const CommitRun grouped =
        CreationsPerSecond(writers, GroupCommitOptions{}.max_batch_writes, seconds);
    std::printf("%8d %13.0f %13.0f %6.1fx %11.3f %11.3f %9.1f %11.1f %11.1f\n", writers,
                grouped.per_second, single.per_second, grouped.per_second / single.per_second,
                grouped.cpu_ms_per_write, single.cpu_ms_per_write, grouped.writes_per_commit,
                grouped.pages_per_write, single.pages_per_write);
    std::fflush(stdout);
  }
  std::printf("fdatasync of one 4 KiB page after the runs: %.2f ms (load average %.2f)\n",
              FsyncMillis(), LoadAverage());
}

// "1,8,64" -> {1, 8, 64}; empty on a malformed list.
std::vector<int> ParseWriters(const std::string& list) {
  std::vector<int> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    const size_t comma = std::min(list.find(',', pos), list.size());
    const std::string item = list.substr(pos, comma - pos);
    char* end = nullptr;
    const long n = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || n < 1 || n > 1024) return {};
    out.push_back(static_cast<int>(n));
    pos = comma + 1;
  }
  return out;
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
  std::vector<int> writers = {1, 8, 64};
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") {
      seconds = std::atof(argv[i + 1]);
    } else if (flag == "--mib") {
      mib = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--writers") {
      writers = ParseWriters(argv[i + 1]);
      if (writers.empty()) {
        std::fprintf(stderr, "--writers takes a list like 1,8,64\n");
        return 2;
      }
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (mode != "commit" && mode != "attachment" && mode != "all") {
    std::fprintf(
        stderr,
        "usage: store_bench [commit|attachment|all] [--seconds S] [--mib N] [--writers 1,8,64]\n");
    return 2;
  }
  // The attachment first: peak RSS is a high-water mark for the process.
  if (mode == "attachment" || mode == "all") BenchAttachment(mib);
  if (mode == "commit" || mode == "all") BenchCommit(seconds, writers);
  return 0;
}
