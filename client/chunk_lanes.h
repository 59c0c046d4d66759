// The connections and worker threads of one attachment transfer, shared by
// uploads (transfer.cc) and downloads (download.cc).
//
// A transfer keeps up to `streams` chunk requests in flight, each on its own
// keep-alive connection (through SOCKS5: its own tor stream of the same
// circuit), so that neither a round trip nor the server's work leaves the
// circuit idle, and one stream's window (500 cells) does not cap the
// circuit's (1000). Each connection ("lane") is driven by one worker that
// takes the next chunk index from a shared list, in order, and owns one
// plaintext chunk (wiped memory) and one record buffer: memory stays at
// `streams` of each whatever the file size (a download may swap a worker's
// plaintext buffer for one of its `streams` spares: download.cc).
//
// Internal to dojava_client: front ends use transfer.h.
#ifndef DOJAVA_CLIENT_CHUNK_LANES_H_
#define DOJAVA_CLIENT_CHUNK_LANES_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/api_client.h"

namespace dojava::client {

// kCancelled with "<what>: cancelled".
Status Cancelled(const std::string& what);

// Runs work for chunk indexes on up to `lanes` workers at once: worker 0 is
// the calling thread, workers 1.. are threads started for one Run and joined
// before it returns.
class ChunkWorkers {
 public:
  // The work for one chunk index on one lane, with that worker's buffers: a
  // plaintext chunk of kChunkPlainSize (wiped memory) and a record buffer of
  // kChunkRecordSize bytes (the work may replace either).
  using Work =
      std::function<Status(size_t lane, uint64_t index, SecretBytes& plain, Bytes& record)>;

  explicit ChunkWorkers(size_t lanes) : lanes_(lanes) {}

  // Runs `work` for every index of `indexes`, taken in order, on up to
  // `lanes` workers. Returns the first error (then every worker stops after
  // its current chunk); every thread is joined before it returns, whatever
  // happens. `work` is called from several threads at once.
  Status Run(const std::vector<uint64_t>& indexes, const Work& work);

  // True once a worker failed in the current Run (the others then stop).
  bool stopping() const { return stop_.load(); }

 private:
  const size_t lanes_;
  std::atomic<bool> stop_{false};
};

// The connections of one transfer: lane 0 is the caller's ApiClient, lanes
// 1..streams-1 are opened with its options and bearer token (on their first
// request) and closed with this object; with the lookup key too only if
// `with_lookup_key` (downloads: a returning source's chunk route needs it;
// uploads never carry it). Not thread-safe itself; each lane is used by one
// worker at a time.
class ApiLanes {
 public:
  ApiLanes(ApiClient& main, size_t streams, bool with_lookup_key);
  ApiLanes(const ApiLanes&) = delete;
  ApiLanes& operator=(const ApiLanes&) = delete;

  ApiClient& at(size_t lane) { return lane == 0 ? main_ : extra_[lane - 1]->api; }

 private:
  struct Lane {
    Lane(const ApiClient& main, bool with_lookup_key)
        : http(main.http_options()), api(main.WithConnection(&http, with_lookup_key)) {}
    HttpClient http;
    ApiClient api;
  };

  ApiClient& main_;
  std::vector<std::unique_ptr<Lane>> extra_;
};

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_CHUNK_LANES_H_
