// POSIX socket I/O with a deadline on every operation, for the client's
// transports (TCP, unix socket, SOCKS5). Descriptors are non-blocking; every
// wait is a poll() bounded by the deadline, so no connect, read or write can
// hang the client.
//
// Thread safety: no shared state.
#ifndef DOJAVA_CLIENT_FD_IO_H_
#define DOJAVA_CLIENT_FD_IO_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "base/bytes.h"
#include "base/status.h"

namespace dojava::client {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

// Owns one file descriptor; closes it on destruction. Move-only.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }
  void reset();

 private:
  int fd_ = -1;
};

// Connects to host:port over TCP (name resolved locally with getaddrinfo:
// never use this for .onion names, which must go through SOCKS5).
// kIoError with a readable reason ("connection refused", "timed out").
Result<UniqueFd> ConnectTcp(const std::string& host, uint16_t port, Deadline deadline);

// Connects to a unix stream socket at `path`. kIoError on failure.
Result<UniqueFd> ConnectUnix(const std::string& path, Deadline deadline);

// Writes all of `data`. kIoError on error, peer close or deadline.
Status WriteAll(int fd, ByteView data, Deadline deadline);

// Reads exactly out.size() bytes. kIoError on error, early end or deadline.
Status ReadExact(int fd, std::span<uint8_t> out, Deadline deadline);

// Reads at least one byte (up to out.size()); 0 means the peer closed.
// kIoError on error or deadline.
Result<size_t> ReadSome(int fd, std::span<uint8_t> out, Deadline deadline);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_FD_IO_H_
