// The client side of a SOCKS5 CONNECT (RFC 1928) without authentication,
// naming the destination by domain name (ATYP 3) so that the proxy (tor)
// resolves it: .onion names cannot be resolved locally, and resolving a
// clearnet name locally would leak it to the local resolver.
//
// The message builders and reply checks are pure functions (unit-tested);
// Socks5Connect runs them over a connected socket with a deadline.
#ifndef DOJAVA_CLIENT_SOCKS5_H_
#define DOJAVA_CLIENT_SOCKS5_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "base/status.h"
#include "client/fd_io.h"

namespace dojava::client {

inline constexpr uint8_t kSocks5Version = 5;
inline constexpr uint8_t kSocks5NoAuth = 0;
inline constexpr uint8_t kSocks5NoAcceptableMethod = 0xFF;
inline constexpr uint8_t kSocks5CmdConnect = 1;
inline constexpr uint8_t kSocks5AtypIpv4 = 1;
inline constexpr uint8_t kSocks5AtypDomain = 3;
inline constexpr uint8_t kSocks5AtypIpv6 = 4;

// 05 01 00: version 5, one method, "no authentication".
Bytes Socks5Greeting();
// The server's method choice (2 bytes). OK iff 05 00.
Status CheckSocks5MethodReply(ByteView reply);
// 05 01 00 03 len host port(be16). kInvalidArgument if host is empty or
// longer than 255 bytes.
Result<Bytes> Socks5ConnectRequest(std::string_view host, uint16_t port);
// The first 5 bytes of the reply (VER REP RSV ATYP and the first address
// byte). Returns how many more bytes follow (rest of the address + port);
// kIoError naming the proxy's reason if REP != 0 (0xF0/0xF4 are tor's
// "onion descriptor not found" / "client authorization missing").
Result<size_t> ParseSocks5ReplyHead(ByteView head5);
// A readable reason for a reply code.
std::string Socks5ReplyText(uint8_t rep);

// Runs the whole handshake on `fd` (connected to the proxy). OK once the
// tunnel to host:port is open.
Status Socks5Connect(int fd, std::string_view host, uint16_t port, Deadline deadline);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_SOCKS5_H_
