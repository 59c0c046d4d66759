// An open line to one Dojava server: the HTTP client (TCP, unix socket or
// SOCKS5 to tor), the API client on top of it, and this machine's pinned
// state for that server (client/state_store.h).
//
// Not thread-safe: one Connection per thread (ApiClient::WithConnection opens
// more for parallel uploads).
#ifndef DOJAVA_CLIENT_CONNECTION_H_
#define DOJAVA_CLIENT_CONNECTION_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "client/api_client.h"
#include "client/http_client.h"
#include "client/state_store.h"

namespace dojava::client {

// How to reach a server and where its local state lives.
struct ConnectionOptions {
  std::string server;     // http://HOST[:PORT] or unix:/PATH (client/server_url.h)
  std::string socks5;     // HOST:PORT of tor's SocksPort; empty: direct (loopback only)
  std::string state_dir;  // empty: the XDG default (client/state_store.h)
  int timeout_seconds = 120;
  // Sources: no state on disk unless `state_dir` is given, and never the
  // `server` marker file naming the address.
  bool source = false;
};

inline constexpr int kMinTimeoutSeconds = 1;
inline constexpr int kMaxTimeoutSeconds = 3600;
// Connecting never waits longer than this, whatever the request deadline.
inline constexpr int kMaxConnectSeconds = 60;

class Connection {
 public:
  // Checks the options and locates the state directory; connects lazily (on
  // the first request). kInvalidArgument, naming the option, for a bad or
  // missing address, a SOCKS5 proxy with a unix socket, a clearnet address
  // without SOCKS5 (it would reveal the user's address), a timeout outside
  // kMinTimeoutSeconds..kMaxTimeoutSeconds, or no state directory.
  static Result<std::unique_ptr<Connection>> Open(const ConnectionOptions& options);

  ApiClient& api() { return api_; }
  StateStore& state() { return state_; }
  const ServerUrl& url() const { return http_.options().server; }

 private:
  Connection(HttpOptions http, StateStore state)
      : http_(std::move(http)), api_(&http_), state_(std::move(state)) {}
  HttpClient http_;
  ApiClient api_;
  StateStore state_;
};

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_CONNECTION_H_
