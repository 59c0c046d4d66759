#include "client/server_url.h"

#include <arpa/inet.h>

#include <cctype>

namespace dojava::client {
namespace {

Status Bad(std::string why) { return Status(Code::kInvalidArgument, std::move(why)); }

bool ParsePort(std::string_view s, uint16_t* port) {
  if (s.empty() || s.size() > 5) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (s[0] == '0' || v == 0 || v > 65535) return false;
  *port = static_cast<uint16_t>(v);
  return true;
}

// A DNS name or IPv4 address: letters, digits, '-', '.', 1..253 bytes,
// labels 1..63 bytes.
bool ValidHostName(std::string_view h) {
  if (h.empty() || h.size() > 253) return false;
  size_t label = 0;
  for (char c : h) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
    if (++label > 63) return false;
  }
  return label > 0;
}

bool ValidIpv6(std::string_view h) {
  if (h.empty() || h.size() > 45) return false;
  for (char c : h) {
    if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
  }
  return h.find(':') != std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Splits "host[:port]" / "[v6][:port]". `port_required` for SOCKS5.
Status SplitHostPort(std::string_view text, bool port_required, std::string* host, uint16_t* port) {
  std::string_view h;
  std::string_view p;
  bool have_port = false;
  if (!text.empty() && text[0] == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos) return Bad("unclosed '[' in address");
    h = text.substr(1, close - 1);
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return Bad("unexpected characters after ']'");
      p = rest.substr(1);
      have_port = true;
    }
    if (!ValidIpv6(h)) return Bad("invalid IPv6 address");
  } else {
    const size_t colon = text.rfind(':');
    if (colon != std::string_view::npos) {
      h = text.substr(0, colon);
      p = text.substr(colon + 1);
      have_port = true;
    } else {
      h = text;
    }
    if (!ValidHostName(h)) return Bad("invalid host name");
  }
  if (have_port && !ParsePort(p, port)) return Bad("invalid port (1-65535)");
  if (!have_port && port_required) return Bad("a port is required (HOST:PORT)");
  *host = Lower(h);
  return Status::Ok();
}

}  // namespace

bool ServerUrl::is_onion() const {
  constexpr std::string_view kOnion = ".onion";
  return kind == Kind::kTcp && host.size() > kOnion.size() &&
         host.compare(host.size() - kOnion.size(), kOnion.size(), kOnion) == 0;
}

bool ServerUrl::is_loopback() const {
  if (kind != Kind::kTcp) return false;
  if (host == "localhost" || host == "::1") return true;
  in_addr a{};
  if (::inet_pton(AF_INET, host.c_str(), &a) == 1) {
    return (ntohl(a.s_addr) >> 24) == 127;
  }
  in6_addr a6{};
  if (::inet_pton(AF_INET6, host.c_str(), &a6) == 1) return IN6_IS_ADDR_LOOPBACK(&a6);
  return false;
}

std::string ServerUrl::HostHeader() const {
  if (kind == Kind::kUnix) return "localhost";
  const bool v6 = host.find(':') != std::string::npos;
  std::string h = v6 ? "[" + host + "]" : host;
  if (port != 80) h += ":" + std::to_string(port);
  return h;
}

Result<ServerUrl> ParseServerUrl(std::string_view text) {
  constexpr std::string_view kHttp = "http://";
  constexpr std::string_view kUnix = "unix:";
  ServerUrl url;
  if (text.size() > 1024) return Bad("server address too long");
  if (text.substr(0, kUnix.size()) == kUnix) {
    url.kind = ServerUrl::Kind::kUnix;
    url.path = std::string(text.substr(kUnix.size()));
    if (url.path.empty() || url.path[0] != '/') {
      return Bad("unix socket address must be absolute: unix:/path/to.sock");
    }
    if (url.path.size() > 107) return Bad("unix socket path too long (107 bytes at most)");
    if (url.path.find('\0') != std::string::npos) return Bad("invalid unix socket path");
    url.canonical = "unix:" + url.path;
    return url;
  }
  if (Lower(text.substr(0, 8)) == "https://") {
    return Bad("https is not supported: use http:// with an onion address (tor encrypts it)");
  }
  if (Lower(text.substr(0, kHttp.size())) != kHttp) {
    return Bad("server address must start with http:// or unix:");
  }
  std::string_view rest = text.substr(kHttp.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@") != std::string_view::npos) {
    return Bad("server address must be http://HOST[:PORT] with no path, query or user");
  }
  DOJAVA_RETURN_IF_ERROR(SplitHostPort(rest, false, &url.host, &url.port));
  const bool v6 = url.host.find(':') != std::string::npos;
  url.canonical =
      "http://" + (v6 ? "[" + url.host + "]" : url.host) + ":" + std::to_string(url.port);
  return url;
}

Result<HostPort> ParseHostPort(std::string_view text) {
  HostPort hp;
  DOJAVA_RETURN_IF_ERROR(SplitHostPort(text, true, &hp.host, &hp.port));
  return hp;
}

}  // namespace dojava::client
