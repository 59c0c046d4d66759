// The server addresses `dojava` accepts, parsed strictly:
//   http://HOST[:PORT][/]   HOST a DNS name, an IPv4 address, [IPv6] or
//                           NAME.onion (port 80 by default)
//   unix:/ABSOLUTE/PATH     a unix stream socket (the Host header is
//                           "localhost")
// and the SOCKS5 proxy address `HOST:PORT` (tor's SocksPort). Anything else
// (https, user info, a path, a query) is kInvalidArgument: the client talks
// to the API root only, and an onion address already authenticates and
// encrypts the connection.
#ifndef DOJAVA_CLIENT_SERVER_URL_H_
#define DOJAVA_CLIENT_SERVER_URL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dojava::client {

struct ServerUrl {
  enum class Kind { kTcp, kUnix };
  Kind kind = Kind::kTcp;
  std::string host;  // kTcp: lower case, IPv6 without brackets
  uint16_t port = 80;
  std::string path;       // kUnix: the socket's path
  std::string canonical;  // "http://host:port" or "unix:/path": the key of local state

  bool is_onion() const;
  // 127.0.0.0/8, ::1 or "localhost" (the only TCP servers reached without
  // --socks5: anything else would be a clearnet connection from your address).
  bool is_loopback() const;
  // The Host header value: "host[:port]" (brackets for IPv6), "localhost" for unix.
  std::string HostHeader() const;
};

Result<ServerUrl> ParseServerUrl(std::string_view text);

struct HostPort {
  std::string host;
  uint16_t port = 0;
};

// "HOST:PORT" or "[IPv6]:PORT", port 1..65535 required.
Result<HostPort> ParseHostPort(std::string_view text);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_SERVER_URL_H_
