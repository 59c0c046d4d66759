// Faults: a writer process killed by SIGKILL at random moments, many times,
// and a writer process that runs out of disk (RLIMIT_FSIZE). After each, the
// database opens, passes every integrity check, and holds every write the
// writer had been told was committed.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstring>
#include <thread>

#include "service/store/sqlite_db.h"
#include "service/store/store_maintenance.h"
#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

using testing::RandomCase;
using testing::RandomId;
using testing::TestStore;

// One acknowledgement, written to the pipe in one write() (< PIPE_BUF, so
// atomic) after the store returned OK.
struct Ack {
  char kind;  // 'C' case created, 'M' message, 'U' chunk, 'E' final error
  Id id;
  uint32_t number;  // message seq, chunk index, or error code
};

void SendAck(int fd, const Ack& ack) {
  if (::write(fd, &ack, sizeof(ack)) != static_cast<ssize_t>(sizeof(ack))) ::_exit(4);
}

std::vector<Ack> ReadAcks(int fd) {
  std::vector<Ack> acks;
  Ack ack;
  while (::read(fd, &ack, sizeof(ack)) == static_cast<ssize_t>(sizeof(ack))) acks.push_back(ack);
  return acks;
}

// Deterministic contents, so the parent can check every byte.
Bytes Pattern(const Id& id, uint32_t n, size_t size) {
  Bytes out(size);
  for (size_t i = 0; i < size; ++i) out[i] = static_cast<uint8_t>(id[i % id.size()] ^ (n + i / 16));
  return out;
}

StoreOptions ChildOptions() {
  StoreOptions o;
  o.disk_reserve_bytes = 0;
  return o;
}

// The child: writers in several threads until killed. Never returns.
[[noreturn]] void CrashChild(const std::string& path, const SecretBytes& key, int fd) {
  auto store = SqlcipherStore::Open(path, key, std::make_shared<ManualClock>(testing::kToday),
                                    ChildOptions());
  if (!store.ok()) ::_exit(3);
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&] {
      while (true) {
        NewCase c = RandomCase();
        c.first_message = Pattern(c.case_id, 1, kMinMessageRecordSize);
        if (!(*store)->CreateCase(c).ok()) ::_exit(5);
        SendAck(fd, Ack{'C', c.case_id, 1});
        for (uint32_t seq = 2; seq <= 4; ++seq) {
          auto got = (*store)->AppendMessage(c.case_id, Pattern(c.case_id, seq, 700), {});
          if (!got.ok() || *got != seq) ::_exit(6);
          SendAck(fd, Ack{'M', c.case_id, seq});
        }
      }
    });
  }
  threads.emplace_back([&] {
    while (true) {
      const Id file = RandomId();
      if (!(*store)->CreateUpload(file, 4, std::nullopt).ok()) ::_exit(7);
      for (uint32_t i = 0; i < 4; ++i) {
        if (!(*store)->PutChunk(file, i, Pattern(file, i, protocol::kChunkRecordSize)).ok()) {
          ::_exit(8);
        }
        SendAck(fd, Ack{'U', file, i});
      }
    }
  });
  for (auto& th : threads) th.join();
  ::_exit(0);
}

// Checks the file and that every acknowledged write is there, byte for byte.
void VerifyAcknowledged(TestStore& t, const std::vector<Ack>& acks) {
  auto report = StoreMaintenance::Check(t.db_path(), t.key);
  REQUIRE(report.ok());
  for (const auto& p : report->problems) FAIL_CHECK(p);
  REQUIRE(t.Reopen(ChildOptions()).ok());
  auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto message = (*db)->Prepare("SELECT record FROM messages WHERE case_id = ?1 AND seq = ?2");
  auto chunk = (*db)->Prepare("SELECT record FROM chunks WHERE file_id = ?1 AND idx = ?2");
  REQUIRE(message.ok());
  REQUIRE(chunk.ok());
  for (const Ack& a : acks) {
    if (a.kind == 'C' || a.kind == 'M') {
      message->Reset();
      message->BindBlob(1, {a.id.data(), a.id.size()});
      message->BindInt(2, a.number);
      REQUIRE(*message->Step());
      const ByteView got = message->ColumnBlob(0);
      const Bytes want = Pattern(a.id, a.number, a.number == 1 ? kMinMessageRecordSize : 700);
      CHECK(Bytes(got.begin(), got.end()) == want);
    } else if (a.kind == 'U') {
      chunk->Reset();
      chunk->BindBlob(1, {a.id.data(), a.id.size()});
      chunk->BindInt(2, a.number);
      REQUIRE(*chunk->Step());
      const ByteView got = chunk->ColumnBlob(0);
      CHECK(Bytes(got.begin(), got.end()) == Pattern(a.id, a.number, protocol::kChunkRecordSize));
    }
  }
}

TEST_CASE("crash safety: SIGKILL at random moments loses no acknowledged write", "[fault]") {
  TestStore t;
  REQUIRE(t.Create(ChildOptions()).ok());
  t.store.reset();
  // Bounded in count and time so the suite stays quick under ASan on 2 cores.
  constexpr int kMaxKills = 40;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
  std::vector<Ack> all_acks;
  int kills = 0;
  for (; kills < kMaxKills && std::chrono::steady_clock::now() < deadline; ++kills) {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(fds[0]);
      CrashChild(t.db_path(), t.key, fds[1]);
    }
    ::close(fds[1]);
    // Random moment: during open/recovery, mid-batch, mid-checkpoint...
    const auto delay = std::chrono::milliseconds(5 + randombytes_uniform(400));
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    // Killed, not exited on an error of its own.
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
    const auto acks = ReadAcks(fds[0]);
    ::close(fds[0]);
    all_acks.insert(all_acks.end(), acks.begin(), acks.end());
    INFO("kill " << kills << " after " << delay.count() << " ms, " << acks.size() << " acks");
    VerifyAcknowledged(t, acks);
    t.store.reset();  // no threads in the parent at the next fork
  }
  // Later crashes did not lose what earlier runs were told was committed.
  VerifyAcknowledged(t, all_acks);
  WARN(kills << " kills, " << all_acks.size() << " acknowledged writes verified");
  CHECK(kills >= 10);
  CHECK(all_acks.size() > 0);
}

TEST_CASE("disk full: a clear error, then the database opens intact", "[fault]") {
  TestStore t;
  REQUIRE(t.Create(ChildOptions()).ok());
  for (int i = 0; i < 5; ++i) REQUIRE(t.store->CreateCase(RandomCase()).ok());
  t.store.reset();
  const auto file_size = std::filesystem::file_size(t.db_path());

  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    ::signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
    const rlim_t limit = file_size + 6 * 1024 * 1024;
    struct rlimit rl {
      limit, limit
    };
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) ::_exit(3);
    auto store = SqlcipherStore::Open(
        t.db_path(), t.key, std::make_shared<ManualClock>(testing::kToday), ChildOptions());
    if (!store.ok()) ::_exit(4);
    const Id file = RandomId();
    if (!(*store)->CreateUpload(file, 200, std::nullopt).ok()) ::_exit(5);
    for (uint32_t i = 0; i < 200; ++i) {
      Status s = (*store)->PutChunk(file, i, Pattern(file, i, protocol::kChunkRecordSize));
      if (!s.ok()) {
        Ack e{'E', file, static_cast<uint32_t>(s.code())};
        const bool clear = s.message().find("disk is full") != std::string::npos;
        e.id[0] = clear ? 1 : 0;
        SendAck(fds[1], e);
        // The store keeps answering: a small write is refused or works, no crash.
        (void)(*store)->CreateCase(RandomCase());
        store->reset();
        ::_exit(0);
      }
      SendAck(fds[1], Ack{'U', file, i});
    }
    ::_exit(6);  // 100 MiB fitted under a 6 MiB limit: the limit did not work
  }
  ::close(fds[1]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  auto acks = ReadAcks(fds[0]);
  ::close(fds[0]);
  REQUIRE_FALSE(acks.empty());
  const Ack last = acks.back();
  REQUIRE(last.kind == 'E');
  CHECK(static_cast<Code>(last.number) == Code::kResourceExhausted);
  CHECK(last.id[0] == 1);  // the message says the disk is full
  acks.pop_back();
  CHECK(acks.size() >= 2);  // some chunks fitted before the limit
  VerifyAcknowledged(t, acks);
  CHECK(t.store->CreateCase(RandomCase()).ok());
}

}  // namespace
}  // namespace dojava::service
