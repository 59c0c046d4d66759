#include "service/http/http_config.h"

#include <arpa/inet.h>

#include <utility>

namespace dojava::http {
namespace {

bool IsLoopback(const std::string& host) {
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    return IN6_IS_ADDR_LOOPBACK(&v6);
  }
  return false;
}

Status ValidateListener(const ListenerConfig& l, std::string_view name, bool allow_non_loopback) {
  if (l.address.is_unix) return Status::Ok();
  if (!allow_non_loopback && !IsLoopback(l.address.host)) {
    return Status(Code::kInvalidArgument,
                  std::string(name) + ".listen is not a loopback address (set allow_non_loopback)");
  }
  return Status::Ok();
}

}  // namespace

std::string_view RateClassName(RateClass c) {
  switch (c) {
    case RateClass::kStatic:
      return "static";
    case RateClass::kApi:
      return "api";
    case RateClass::kUpload:
      return "upload";
    case RateClass::kCostly:
      return "costly";
    case RateClass::kDownload:
      return "download";
  }
  return "api";
}

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  ListenAddress a;
  if (text.rfind("unix:", 0) == 0) {
    std::string_view path = text.substr(5);
    // sun_path holds 108 bytes including the NUL.
    if (path.empty() || path[0] != '/' || path.size() > 100 ||
        path.find('\0') != std::string_view::npos) {
      return Result<ListenAddress>(Code::kInvalidArgument,
                                   "unix socket path must be absolute and at most 100 bytes");
    }
    a.is_unix = true;
    a.unix_path = std::string(path);
    a.host.clear();
    return a;
  }
  // inet_pton reads a C string: a NUL inside the host would hide whatever
  // follows it ("127.0.0.1\0junk" parsed as 127.0.0.1 but kept the junk).
  if (text.find('\0') != std::string_view::npos) {
    return Result<ListenAddress>(Code::kInvalidArgument, "expected HOST:PORT or unix:/path");
  }
  std::string_view host, port;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return Result<ListenAddress>(Code::kInvalidArgument, "expected [IPv6]:PORT");
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
    in6_addr v6{};
    if (inet_pton(AF_INET6, std::string(host).c_str(), &v6) != 1) {
      return Result<ListenAddress>(Code::kInvalidArgument, "not a numeric IPv6 address");
    }
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return Result<ListenAddress>(Code::kInvalidArgument, "expected HOST:PORT or unix:/path");
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    in_addr v4{};
    if (inet_pton(AF_INET, std::string(host).c_str(), &v4) != 1) {
      return Result<ListenAddress>(Code::kInvalidArgument, "not a numeric IPv4 address");
    }
  }
  uint64_t p = 0;
  if (!config::ParseDecimal(port, &p) || p > 65535) {
    return Result<ListenAddress>(Code::kInvalidArgument, "port must be 0..65535");
  }
  a.host = std::string(host);
  a.port = static_cast<uint16_t>(p);
  return a;
}

std::string FormatListenAddress(const ListenAddress& a) {
  if (a.is_unix) return "unix:" + a.unix_path;
  if (a.host.find(':') != std::string::npos) return "[" + a.host + "]:" + std::to_string(a.port);
  return a.host + ":" + std::to_string(a.port);
}

Status ValidateConfig(const HttpConfig& c) {
  DOJAVA_RETURN_IF_ERROR(HttpConfig::Keys().Check(c));
  DOJAVA_RETURN_IF_ERROR(ValidateListener(c.source, "source", c.allow_non_loopback));
  DOJAVA_RETURN_IF_ERROR(ValidateListener(c.reviewer, "reviewer", c.allow_non_loopback));
  if (c.source.address.is_unix && c.reviewer.address.is_unix &&
      c.source.address.unix_path == c.reviewer.address.unix_path) {
    return Status(Code::kInvalidArgument, "source and reviewer listen on the same socket");
  }
  if (c.form_inflight_bytes < c.form_body_limit_bytes) {
    return Status(Code::kInvalidArgument,
                  "form_inflight_bytes must be at least form_body_limit_bytes");
  }
  if (c.form_circuit_inflight_bytes < c.form_body_limit_bytes ||
      c.form_circuit_inflight_bytes > c.form_inflight_bytes) {
    return Status(Code::kInvalidArgument,
                  "form_circuit_inflight_bytes must be between form_body_limit_bytes and "
                  "form_inflight_bytes");
  }
  return Status::Ok();
}

Status ParseListenKey(std::string_view text, ListenAddress* out) {
  Result<ListenAddress> a = ParseListenAddress(text);
  if (!a.ok()) return a.status();
  *out = std::move(a).value();
  return Status::Ok();
}

Status SetConfigValue(HttpConfig* config, std::string_view key, std::string_view value) {
  return HttpConfig::Keys().Set(config, key, value);
}

Status ParseConfigText(std::string_view text, HttpConfig* config) {
  return HttpConfig::Keys().Parse(text, config);
}

Status LoadConfigFile(const std::string& path, HttpConfig* config) {
  DOJAVA_ASSIGN_OR_RETURN(std::string text, config::ReadConfigFile(path));
  return ParseConfigText(text, config);
}

Status ApplyOverrides(const std::vector<std::string>& overrides, HttpConfig* config) {
  return HttpConfig::Keys().ApplyOverrides(overrides, config);
}

std::string DefaultConfigText() {
  return "# dojavad HTTP configuration: every key with its default.\n" + ConfigText(HttpConfig());
}

std::string ConfigText(const HttpConfig& config) { return HttpConfig::Keys().Text(config); }

}  // namespace dojava::http
