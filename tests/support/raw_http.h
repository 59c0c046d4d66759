// A raw HTTP/1.1 client over POSIX sockets for the server tests: bytes in,
// bytes out, no HTTP library that could paper over what the server sends.
#ifndef DOJAVA_TESTS_SUPPORT_RAW_HTTP_H_
#define DOJAVA_TESTS_SUPPORT_RAW_HTTP_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace dojava::http::testing {

struct RawResponse {
  int status = 0;
  // Lower-case names; last wins. Mutable so tests can use [] on a const one.
  mutable std::map<std::string, std::string> headers;
  std::multimap<std::string, std::string> all_headers;
  std::string body;
};

class Conn {
 public:
  static Conn Tcp(uint16_t port);  // 127.0.0.1
  static Conn Unix(const std::string& path);
  Conn(Conn&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Conn& operator=(Conn&&) = delete;
  ~Conn();

  bool ok() const { return fd_ >= 0; }
  // Sends all bytes; false if the peer is gone.
  bool Send(const std::string& bytes);
  // Reads one response (head + Content-Length body). nullopt on EOF/timeout
  // before a whole response arrived.
  std::optional<RawResponse> Read(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True if the peer closes (EOF or reset) within `timeout`, discarding
  // any bytes that arrive first (they are appended to *got if given).
  bool ClosedWithin(std::chrono::milliseconds timeout, std::string* got = nullptr);
  // Half-closes: the peer reads the end of the stream (a client gone
  // mid-request), this side can still read.
  void ShutdownWrite();

 private:
  explicit Conn(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::string pending_;
};

// "GET path HTTP/1.1" with Host and the given extra header lines.
std::string Get(const std::string& path, const std::string& extra = "");

}  // namespace dojava::http::testing

#endif  // DOJAVA_TESTS_SUPPORT_RAW_HTTP_H_
