#include "client/chunk_lanes.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include "crypto/protocol_constants.h"

namespace dojava::client {

Status Cancelled(const std::string& what) { return Status(Code::kCancelled, what + ": cancelled"); }

Status ChunkWorkers::Run(const std::vector<uint64_t>& indexes, const Work& work) {
  const size_t lanes = std::min(lanes_, indexes.size());
  if (lanes == 0) return Status::Ok();
  std::mutex mu;
  size_t next = 0;     // GUARDED_BY(mu)
  Status first_error;  // GUARDED_BY(mu)
  stop_ = false;
  auto fail = [&](Status s) {
    std::lock_guard<std::mutex> lock(mu);
    if (first_error.ok()) first_error = std::move(s);
    stop_ = true;
  };
  // Never throws: an exception escaping a std::thread would end the process.
  auto worker = [&](size_t lane) noexcept {
    try {
      SecretBytes plain(protocol::kChunkPlainSize);
      Bytes record(protocol::kChunkRecordSize);
      for (;;) {
        uint64_t index = 0;
        {
          std::lock_guard<std::mutex> lock(mu);
          if (stop_ || next == indexes.size()) return;
          index = indexes[next++];
        }
        Status s = work(lane, index, plain, record);
        if (!s.ok()) return fail(std::move(s));
      }
    } catch (const std::exception& e) {
      fail(Status(Code::kInternal, std::string("transfer worker: ") + e.what()));
    } catch (...) {
      fail(Status(Code::kInternal, "transfer worker failed"));
    }
  };
  std::vector<std::thread> threads;
  try {
    threads.reserve(lanes);  // emplace_back then cannot throw after a thread started
    for (size_t k = 1; k < lanes; ++k) threads.emplace_back(worker, k);
  } catch (const std::exception& e) {
    fail(Status(Code::kInternal, std::string("cannot start a transfer thread: ") + e.what()));
  }
  worker(0);
  for (auto& t : threads) t.join();
  return first_error;
}

ApiLanes::ApiLanes(ApiClient& main, size_t streams, bool with_lookup_key) : main_(main) {
  for (size_t k = 1; k < streams; ++k) {
    extra_.push_back(std::make_unique<Lane>(main, with_lookup_key));
  }
}

}  // namespace dojava::client
