#include "client/socks5.h"

#include <vector>

namespace dojava::client {

Bytes Socks5Greeting() { return {kSocks5Version, 1, kSocks5NoAuth}; }

Status CheckSocks5MethodReply(ByteView reply) {
  if (reply.size() != 2 || reply[0] != kSocks5Version) {
    return Status(Code::kIoError, "the proxy is not a SOCKS5 proxy");
  }
  if (reply[1] != kSocks5NoAuth) {
    return Status(Code::kIoError, "the SOCKS5 proxy requires authentication");
  }
  return Status::Ok();
}

Result<Bytes> Socks5ConnectRequest(std::string_view host, uint16_t port) {
  if (host.empty() || host.size() > 255) {
    return Status(Code::kInvalidArgument, "host name must be 1..255 bytes for SOCKS5");
  }
  Bytes req;
  ByteWriter w(&req);
  w.U8(kSocks5Version);
  w.U8(kSocks5CmdConnect);
  w.U8(0);  // reserved
  w.U8(kSocks5AtypDomain);
  w.U8(static_cast<uint8_t>(host.size()));
  w.Raw(host);
  w.U16(port);
  return req;
}

std::string Socks5ReplyText(uint8_t rep) {
  switch (rep) {
    case 0x01:
      return "general SOCKS server failure";
    case 0x02:
      return "connection not allowed by ruleset";
    case 0x03:
      return "network unreachable";
    case 0x04:
      return "host unreachable";
    case 0x05:
      return "connection refused";
    case 0x06:
      return "TTL expired (the onion service did not answer in time)";
    case 0x07:
      return "command not supported";
    case 0x08:
      return "address type not supported";
    case 0xF0:
      return "onion service descriptor not found (not published yet, or offline)";
    case 0xF1:
      return "onion service descriptor is invalid";
    case 0xF2:
      return "onion service introduction failed";
    case 0xF3:
      return "onion service rendezvous failed";
    case 0xF4:
      return "onion service client authorization missing (add the .auth_private file)";
    case 0xF5:
      return "onion service client authorization is wrong";
    case 0xF6:
      return "invalid onion address";
    case 0xF7:
      return "onion service introduction timed out";
    default:
      return "SOCKS5 error " + std::to_string(rep);
  }
}

Result<size_t> ParseSocks5ReplyHead(ByteView head) {
  if (head.size() != 5 || head[0] != kSocks5Version || head[2] != 0) {
    return Status(Code::kIoError, "malformed SOCKS5 reply");
  }
  if (head[1] != 0) return Status(Code::kIoError, "through the proxy: " + Socks5ReplyText(head[1]));
  switch (head[3]) {
    case kSocks5AtypIpv4:
      return size_t{4 - 1 + 2};
    case kSocks5AtypIpv6:
      return size_t{16 - 1 + 2};
    case kSocks5AtypDomain:
      return size_t{head[4]} + 2;
    default:
      return Status(Code::kIoError, "malformed SOCKS5 reply (address type)");
  }
}

Status Socks5Connect(int fd, std::string_view host, uint16_t port, Deadline deadline) {
  DOJAVA_RETURN_IF_ERROR(WriteAll(fd, Socks5Greeting(), deadline));
  uint8_t method[2];
  DOJAVA_RETURN_IF_ERROR(ReadExact(fd, method, deadline));
  DOJAVA_RETURN_IF_ERROR(CheckSocks5MethodReply(method));
  DOJAVA_ASSIGN_OR_RETURN(Bytes request, Socks5ConnectRequest(host, port));
  DOJAVA_RETURN_IF_ERROR(WriteAll(fd, request, deadline));
  uint8_t head[5];
  DOJAVA_RETURN_IF_ERROR(ReadExact(fd, head, deadline));
  DOJAVA_ASSIGN_OR_RETURN(size_t rest, ParseSocks5ReplyHead(head));
  std::vector<uint8_t> tail(rest);
  return ReadExact(fd, tail, deadline);
}

}  // namespace dojava::client
