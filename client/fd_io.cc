#include "client/fd_io.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dojava::client {
namespace {

Status IoError(const std::string& what, int err) {
  return Status(Code::kIoError, what + ": " + std::strerror(err));
}

// Waits for `events` on fd until the deadline. OK when ready; kIoError on
// timeout ("timed out") or poll failure.
Status WaitFor(int fd, short events, Deadline deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return Status(Code::kIoError, "timed out");
    pollfd p{fd, events, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 60'000)));
    if (r > 0) return Status::Ok();
    if (r < 0 && errno != EINTR) return IoError("poll", errno);
  }
}

Status SetNonBlocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
    return IoError("fcntl", errno);
  }
  return Status::Ok();
}

// Non-blocking connect of an already created socket, bounded by the deadline.
Status ConnectFd(int fd, const sockaddr* addr, socklen_t len, Deadline deadline) {
  DOJAVA_RETURN_IF_ERROR(SetNonBlocking(fd));
  if (::connect(fd, addr, len) == 0) return Status::Ok();
  if (errno != EINPROGRESS && errno != EINTR) return IoError("connect", errno);
  DOJAVA_RETURN_IF_ERROR(WaitFor(fd, POLLOUT, deadline));
  int err = 0;
  socklen_t err_len = sizeof(err);
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &err_len) != 0) {
    return IoError("getsockopt", errno);
  }
  if (err != 0) return IoError("connect", err);
  return Status::Ok();
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
  if (this != &o) {
    reset();
    fd_ = o.release();
  }
  return *this;
}

void UniqueFd::reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<UniqueFd> ConnectTcp(const std::string& host, uint16_t port, Deadline deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  const std::string service = std::to_string(port);
  const int gai = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &list);
  if (gai != 0) {
    return Status(Code::kIoError, "cannot resolve " + host + ": " + ::gai_strerror(gai));
  }
  Status last(Code::kIoError, "no address for " + host);
  for (addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
    UniqueFd fd(::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol));
    if (!fd.valid()) {
      last = IoError("socket", errno);
      continue;
    }
    last = ConnectFd(fd.get(), ai->ai_addr, ai->ai_addrlen, deadline);
    if (last.ok()) {
      ::freeaddrinfo(list);
      return fd;
    }
  }
  ::freeaddrinfo(list);
  return last;
}

Result<UniqueFd> ConnectUnix(const std::string& path, Deadline deadline) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof(addr.sun_path)) {
    return Status(Code::kInvalidArgument, "unix socket path too long");
  }
  std::memcpy(addr.sun_path, path.data(), path.size());
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return IoError("socket", errno);
  DOJAVA_RETURN_IF_ERROR(
      ConnectFd(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof(addr), deadline));
  return fd;
}

Status WriteAll(int fd, ByteView data, Deadline deadline) {
  size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n > 0) {
      off += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      DOJAVA_RETURN_IF_ERROR(WaitFor(fd, POLLOUT, deadline));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return IoError("send", n < 0 ? errno : EPIPE);
  }
  return Status::Ok();
}

Result<size_t> ReadSome(int fd, std::span<uint8_t> out, Deadline deadline) {
  for (;;) {
    const ssize_t n = ::recv(fd, out.data(), out.size(), 0);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      DOJAVA_RETURN_IF_ERROR(WaitFor(fd, POLLIN, deadline));
      continue;
    }
    if (errno == EINTR) continue;
    return IoError("recv", errno);
  }
}

Status ReadExact(int fd, std::span<uint8_t> out, Deadline deadline) {
  size_t off = 0;
  while (off < out.size()) {
    DOJAVA_ASSIGN_OR_RETURN(size_t n, ReadSome(fd, out.subspan(off), deadline));
    if (n == 0) return Status(Code::kIoError, "connection closed early");
    off += n;
  }
  return Status::Ok();
}

}  // namespace dojava::client
