// HttpServer: the two listeners (source, reviewer) of dojavad, their
// connections, and the thread pool that runs them. Beast and Asio stay inside
// the .cc files (internal/ holds their private headers: listener.h,
// session.h for one connection's I/O, request_reader.h for the socket-free
// parsing, deadline.h, server_state.h); this header is cheap to include.
//
// Per connection (a "session", kept alive by shared_from_this):
//   [PROXY v1 line, when enabled] -> request head (header_limit, deadline)
//   -> strict head checks -> route and rate limit (RequestHandler::Begin)
//   -> body with the route's cap (deadline; BodyBuffer: guarded memory grown as
//      bytes arrive, from BodyPool; form bodies within FormBudget and a
//      minimum rate) -> handler -> body buffer wiped and pooled -> response (deadline)
//   -> keep-alive (idle deadline, max requests) or close.
// Over a limit: 400 / 408 / 413 / 431 / 505 and the connection is closed after
// draining briefly, so the client reads the answer. Every response carries
// SecurityHeaders(), never Server, Date or ETag. Nothing is logged per request.
//
// Thread safety: Start() and Stop() from one controlling thread (not from a
// handler). port() after a successful Start() from any thread.
#ifndef DOJAVA_SERVICE_HTTP_HTTP_SERVER_H_
#define DOJAVA_SERVICE_HTTP_HTTP_SERVER_H_

#include <cstdint>
#include <memory>

#include "base/status.h"
#include "service/http/http_config.h"
#include "service/http/router.h"

namespace dojava::http {

class HttpServer {
 public:
  // Validates `config` and loads config.static_dir (if set) into the source
  // listener's allowlist. Binds nothing yet.
  static Result<std::unique_ptr<HttpServer>> Create(const HttpConfig& config, Router router);

  ~HttpServer();  // Stop()s if still running.
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds both listeners and starts the worker threads. A unix socket path is
  // created with mode 0660; a stale socket file there (nobody accepting) is
  // removed, anything else at that path is an error (kAlreadyExists). TCP
  // addresses must be loopback unless allow_non_loopback. On error nothing
  // stays bound.
  Status Start();

  // The bound TCP port of a listener (useful with port 0); 0 for unix sockets.
  uint16_t port(ListenerKind listener) const;

  // Graceful stop: stop accepting, close idle connections, let requests in
  // flight finish (their responses say Connection: close) within
  // shutdown_grace_ms, then close the rest and join the threads. Removes the
  // unix socket files this server created. Idempotent.
  void Stop();

  // Open connections right now (both listeners; for tests).
  int ActiveConnections() const;

  // Bytes of form bodies held now (FormBudget, server-wide), and of wiped
  // body buffers kept for reuse (BodyPool). For tests and benchmarks.
  uint64_t FormBytesInFlight() const;
  uint64_t PooledBodyBytes() const;

 public:
  struct Impl;  // opaque; defined in internal/server_state.h

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_HTTP_SERVER_H_
