// Group commit: concurrent writers share transactions; a failing write does
// not take its batch down; every acknowledged write is readable.
#include <catch2/catch_test_macros.hpp>
#include <thread>

#include "tests/service/store_test_util.h"

namespace dojava::service {
namespace {

using testing::RandomCase;
using testing::TestStore;

TEST_CASE("group commit: 64 concurrent writers share transactions", "[group_commit]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  constexpr int kThreads = 64, kPerThread = 10;
  std::vector<std::vector<NewCase>> cases(kThreads);
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kPerThread; ++j) {
        NewCase c = RandomCase();
        // Every third write collides with an earlier case of this thread.
        if (j % 3 == 2) c.case_id = cases[i].front().case_id;
        Status s = t.store->CreateCase(c);
        if (j % 3 == 2) {
          if (s.code() != Code::kAlreadyExists) ++failures[i];
        } else if (s.ok()) {
          cases[i].push_back(c);
        } else {
          ++failures[i];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
  const auto stats = t.store->writer_stats();
  const uint64_t acknowledged = 1 + kThreads * (kPerThread - kPerThread / 3);  // + settings
  CHECK(stats.writes == acknowledged);
  CHECK(stats.commits < stats.writes / 2);  // batching happened
  for (const auto& per_thread : cases) {
    for (const auto& c : per_thread) {
      auto got = t.store->FindCaseByLookupHash(c.lookup_hash);
      REQUIRE(got.ok());
      CHECK(got->case_id == c.case_id);
    }
  }
}

TEST_CASE("group commit: batch size 1 is one transaction per write", "[group_commit]") {
  TestStore t;
  StoreOptions options;
  options.group_commit.max_batch_writes = 1;
  REQUIRE(t.Create(options).ok());
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 5; ++j) CHECK(t.store->CreateCase(RandomCase()).ok());
    });
  }
  for (auto& th : threads) th.join();
  const auto stats = t.store->writer_stats();
  CHECK(stats.writes == 41);
  CHECK(stats.commits == 41);
}

TEST_CASE("group commit: acknowledged writes survive closing and reopening", "[group_commit]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  std::vector<NewCase> cases;
  for (int i = 0; i < 20; ++i) {
    cases.push_back(RandomCase());
    REQUIRE(t.store->CreateCase(cases.back()).ok());
  }
  REQUIRE(t.Reopen().ok());
  for (const auto& c : cases) CHECK(t.store->GetCase(c.case_id).ok());
}

}  // namespace
}  // namespace dojava::service
