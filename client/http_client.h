// A small HTTP/1.1 client for the Dojava API: one connection (TCP, unix
// socket, or TCP through a SOCKS5 proxy), kept alive between requests and
// reopened once if the server closed it. Every connect, write and read has a
// deadline; response heads and bodies have size limits. The request head is
// assembled in wiped memory because it may carry a bearer token or a lookup
// key.
//
// Beast is confined to http_client.cc: this header is cheap to include.
// Not thread-safe: one request at a time.
#ifndef DOJAVA_CLIENT_HTTP_CLIENT_H_
#define DOJAVA_CLIENT_HTTP_CLIENT_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/fd_io.h"
#include "client/server_url.h"

namespace dojava::client {

struct HttpOptions {
  ServerUrl server;
  std::optional<HostPort> socks5;                     // tor's SocksPort; required for .onion
  std::chrono::milliseconds connect_timeout{60'000};  // tor circuits can be slow
  std::chrono::milliseconds io_timeout{120'000};      // per request
  size_t max_header_bytes = 16 * 1024;
};

// A header's value is `value`, or `value` followed by `*secret_value` (for
// "Authorization: Bearer <token>" without copying the token elsewhere).
struct HttpHeader {
  std::string name;
  const SecretBytes* secret_value = nullptr;
  std::string value;
};

struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string retry_after;
  Bytes body;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options) : options_(std::move(options)) {}
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads the whole response (body at most `max_body`
  // bytes, else kResourceExhausted). Any HTTP status is a successful
  // Result; kIoError if the server cannot be reached or the exchange fails
  // ("cannot reach <server>: ...").
  // The response body is read into `body_buffer` (then moved into the
  // result): a caller fetching many bodies of one size (chunk records)
  // passes the previous one back, so its memory is reused rather than
  // allocated and filled for every response.
  Result<HttpResponse> Send(std::string_view method, std::string_view target,
                            const std::vector<HttpHeader>& headers, ByteView body,
                            std::string_view content_type, size_t max_body, Bytes body_buffer = {});

  const HttpOptions& options() const { return options_; }

 private:
  Status Connect(Deadline deadline);
  Result<HttpResponse> SendHead(ByteView body, size_t max_body, Bytes body_buffer);
  Result<HttpResponse> Exchange(ByteView body, size_t max_body, Deadline deadline,
                                bool* nothing_received, Bytes* body_buffer);
  Status ReadBody(size_t length, ByteView start, Deadline deadline, Bytes* out);

  HttpOptions options_;
  UniqueFd fd_;
  // The request head of the exchange under way, in wiped memory kept from
  // one request to the next (one allocation per connection, not per request).
  SecretBytes head_;
};

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_HTTP_CLIENT_H_
