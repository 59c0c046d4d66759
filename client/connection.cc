#include "client/connection.h"

#include <algorithm>
#include <chrono>

namespace dojava::client {

Result<std::unique_ptr<Connection>> Connection::Open(const ConnectionOptions& o) {
  const auto usage = [](std::string m) { return Status(Code::kInvalidArgument, std::move(m)); };
  if (o.server.empty()) return usage("--server is required");
  HttpOptions http;
  auto url = ParseServerUrl(o.server);
  if (!url.ok()) return usage("--server: " + url.status().message());
  http.server = *url;
  if (!o.socks5.empty()) {
    auto hp = ParseHostPort(o.socks5);
    if (!hp.ok()) return usage("--socks5: " + hp.status().message());
    if (url->kind == ServerUrl::Kind::kUnix) return usage("--socks5 with a unix: server");
    http.socks5 = *hp;
  }
  if (url->kind == ServerUrl::Kind::kTcp && !url->is_onion() && !url->is_loopback() &&
      o.socks5.empty()) {
    return usage("--server " + url->canonical +
                 ": refusing a direct (clearnet) connection, it would reveal your address; use "
                 "the .onion address with --socks5 127.0.0.1:9050 (only loopback servers are "
                 "reached without --socks5)");
  }
  if (o.timeout_seconds < kMinTimeoutSeconds || o.timeout_seconds > kMaxTimeoutSeconds) {
    return usage("--timeout must be " + std::to_string(kMinTimeoutSeconds) + ".." +
                 std::to_string(kMaxTimeoutSeconds) + " seconds");
  }
  http.io_timeout = std::chrono::seconds(o.timeout_seconds);
  http.connect_timeout = std::chrono::seconds(std::min(o.timeout_seconds, kMaxConnectSeconds));
  // Sources: nothing on disk unless they ask for it, and never the address.
  if (o.source && o.state_dir.empty()) {
    return std::unique_ptr<Connection>(new Connection(std::move(http), StateStore::InMemory()));
  }
  auto base = DefaultStateDir(o.state_dir);
  if (!base.ok()) return Status(base.code(), "state directory: " + base.status().message());
  StateStore state = StateStore::ForServer(*base, url->canonical, /*write_marker=*/!o.source);
  return std::unique_ptr<Connection>(new Connection(std::move(http), std::move(state)));
}

}  // namespace dojava::client
