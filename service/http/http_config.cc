#include "service/http/http_config.h"

#include <arpa/inet.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace dojava::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

Status Bad(std::string_view key, std::string_view why) {
  return Status(Code::kInvalidArgument,
                "config key '" + std::string(key) + "': " + std::string(why));
}

using Setter = std::function<Status(HttpConfig*, std::string_view key, std::string_view value)>;
using Getter = std::function<std::string(const HttpConfig&)>;
struct Key {
  std::string name;
  Setter set;
  Getter get;
  std::string help;
};

template <typename T>
Key IntKey(std::string name, T HttpConfig::*field, T min, T max, std::string help) {
  return Key{name,
             [field, min, max](HttpConfig* c, std::string_view key, std::string_view v) -> Status {
               uint64_t n = 0;
               if (!ParseConfigDecimal(v, &n))
                 return Bad(key, "not a non-negative decimal integer");
               if (n < static_cast<uint64_t>(min) || n > static_cast<uint64_t>(max)) {
                 return Bad(key, "out of range [" + std::to_string(min) + ", " +
                                     std::to_string(max) + "]");
               }
               c->*field = static_cast<T>(n);
               return Status::Ok();
             },
             [field](const HttpConfig& c) { return std::to_string(c.*field); }, std::move(help)};
}

std::string FormatRate(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string FormatBool(bool b) { return b ? "true" : "false"; }

Status ParseBool(std::string_view key, std::string_view v, bool* out) {
  if (v == "true") {
    *out = true;
  } else if (v == "false") {
    *out = false;
  } else {
    return Bad(key, "expected true or false");
  }
  return Status::Ok();
}

void AddListenerKeys(std::vector<Key>* keys, const std::string& prefix,
                     ListenerConfig HttpConfig::*listener) {
  keys->push_back(
      Key{prefix + ".listen",
          [listener](HttpConfig* c, std::string_view key, std::string_view v) -> Status {
            Result<ListenAddress> a = ParseListenAddress(v);
            if (!a.ok()) return Bad(key, a.status().message());
            (c->*listener).address = std::move(a).value();
            return Status::Ok();
          },
          [listener](const HttpConfig& c) { return FormatListenAddress((c.*listener).address); },
          "HOST:PORT (numeric loopback address) or unix:/absolute/path"});
  keys->push_back(
      Key{prefix + ".proxy_protocol",
          [listener](HttpConfig* c, std::string_view key, std::string_view v) {
            return ParseBool(key, v, &(c->*listener).proxy_protocol);
          },
          [listener](const HttpConfig& c) { return FormatBool((c.*listener).proxy_protocol); },
          "expect tor's PROXY v1 line (HiddenServiceExportCircuitID haproxy)"});
  keys->push_back(
      Key{prefix + ".max_connections",
          [listener](HttpConfig* c, std::string_view key, std::string_view v) -> Status {
            uint64_t n = 0;
            if (!ParseConfigDecimal(v, &n) || n < 1 || n > 100'000)
              return Bad(key, "expected 1..100000");
            (c->*listener).max_connections = static_cast<int>(n);
            return Status::Ok();
          },
          [listener](const HttpConfig& c) { return std::to_string((c.*listener).max_connections); },
          "concurrent connections; excess ones are closed at once"});
}

const std::vector<Key>& Keys() {
  static const std::vector<Key> kKeys = [] {
    std::vector<Key> k;
    AddListenerKeys(&k, "source", &HttpConfig::source);
    AddListenerKeys(&k, "reviewer", &HttpConfig::reviewer);
    k.push_back(Key{"allow_non_loopback",
                    [](HttpConfig* c, std::string_view key, std::string_view v) {
                      return ParseBool(key, v, &c->allow_non_loopback);
                    },
                    [](const HttpConfig& c) { return FormatBool(c.allow_non_loopback); },
                    "allow TCP listeners outside 127.0.0.0/8 and ::1 (never needed behind tor)"});
    k.push_back(IntKey("threads", &HttpConfig::threads, 1, 64, "io worker threads"));
    k.push_back(IntKey("handler_threads", &HttpConfig::handler_threads, 1, 256,
                       "route handler threads (API handlers wait on database commits)"));
    k.push_back(IntKey<uint32_t>("header_limit_bytes", &HttpConfig::header_limit_bytes, 1024,
                                 1024 * 1024, "request line + headers; over it: 431"));
    k.push_back(IntKey<uint64_t>("json_body_limit_bytes", &HttpConfig::json_body_limit_bytes, 0,
                                 uint64_t{1} << 32, "body of every non-chunk route; over it: 413"));
    k.push_back(IntKey<uint64_t>("chunk_body_limit_bytes", &HttpConfig::chunk_body_limit_bytes, 0,
                                 uint64_t{1} << 32, "body of chunk-upload routes; over it: 413"));
    k.push_back(IntKey<uint64_t>("form_body_limit_bytes", &HttpConfig::form_body_limit_bytes, 0,
                                 uint64_t{1} << 32,
                                 "body of an HTML form (no-JavaScript pages); over it: 413"));
    k.push_back(IntKey<uint64_t>("form_inflight_bytes", &HttpConfig::form_inflight_bytes, 0,
                                 uint64_t{1} << 36,
                                 "form bodies held at once (grown as bytes arrive), server-wide; "
                                 "over it: 503"));
    k.push_back(IntKey<uint64_t>("form_circuit_inflight_bytes",
                                 &HttpConfig::form_circuit_inflight_bytes, 0, uint64_t{1} << 36,
                                 "form bodies held at once by one tor circuit; over it: 503"));
    k.push_back(IntKey<uint64_t>("form_min_bytes_per_second",
                                 &HttpConfig::form_min_bytes_per_second, 0, uint64_t{1} << 30,
                                 "a form body slower than this after form_rate_grace_ms: 408; "
                                 "0 disables"));
    k.push_back(IntKey<uint64_t>("body_pool_bytes", &HttpConfig::body_pool_bytes, 0,
                                 uint64_t{1} << 30,
                                 "wiped request-body buffers kept for reuse, server-wide; 0 keeps none"));
    const int kMaxMs = 24 * 3600 * 1000;
    k.push_back(IntKey("proxy_header_timeout_ms", &HttpConfig::proxy_header_timeout_ms, 1, kMaxMs,
                       "PROXY v1 line after accept"));
    k.push_back(IntKey("header_timeout_ms", &HttpConfig::header_timeout_ms, 1, kMaxMs,
                       "whole request head; over it: 408"));
    k.push_back(IntKey("body_timeout_ms", &HttpConfig::body_timeout_ms, 1, kMaxMs,
                       "whole request body; over it: 408"));
    k.push_back(IntKey("form_rate_grace_ms", &HttpConfig::form_rate_grace_ms, 0, kMaxMs,
                       "how far a form body may fall behind form_min_bytes_per_second"));
    k.push_back(IntKey("write_timeout_ms", &HttpConfig::write_timeout_ms, 1, kMaxMs,
                       "whole response; over it the connection is closed"));
    k.push_back(IntKey("idle_timeout_ms", &HttpConfig::idle_timeout_ms, 1, kMaxMs,
                       "keep-alive wait for the next request"));
    k.push_back(IntKey("max_requests_per_connection", &HttpConfig::max_requests_per_connection, 1,
                       1'000'000, "then the connection is closed"));
    k.push_back(IntKey("shutdown_grace_ms", &HttpConfig::shutdown_grace_ms, 0, kMaxMs,
                       "on stop, requests in flight may finish within this"));
    k.push_back(IntKey("close_linger_ms", &HttpConfig::close_linger_ms, 0, 60'000,
                       "after a closing response, unread input is drained this long"));
    for (int i = 0; i < kRateClassCount; ++i) {
      const std::string base =
          "rate." + std::string(RateClassName(static_cast<RateClass>(i))) + ".";
      const std::pair<const char*, double RateLimit::*> fields[] = {
          {"global_per_second", &RateLimit::global_per_second},
          {"global_burst", &RateLimit::global_burst},
          {"circuit_per_second", &RateLimit::circuit_per_second},
          {"circuit_burst", &RateLimit::circuit_burst}};
      // Plain variables, not a structured binding: clang before 16 cannot
      // capture structured bindings in a lambda (the fuzz build uses clang 14).
      for (const auto& entry : fields) {
        const char* const suffix = entry.first;
        double RateLimit::*const field = entry.second;
        k.push_back(
            Key{base + suffix,
                [i, field](HttpConfig* c, std::string_view key, std::string_view v) -> Status {
                  double d = 0;
                  if (!ParseConfigNumber(v, &d))
                    return Bad(key, "expected a non-negative number like 2 or 0.5");
                  c->rate[i].*field = d;
                  return Status::Ok();
                },
                [i, field](const HttpConfig& c) { return FormatRate(c.rate[i].*field); },
                std::string(suffix).find("burst") != std::string::npos
                    ? "bucket size in requests (values below 1 count as 1)"
                    : "tokens per second; 0 disables this bucket"});
      }
    }
    k.push_back(IntKey("rate_circuit_table_size", &HttpConfig::rate_circuit_table_size, 1,
                       10'000'000, "per-circuit buckets kept, least recently used evicted"));
    k.push_back(Key{"static_dir",
                    [](HttpConfig* c, std::string_view key, std::string_view v) -> Status {
                      if (v.empty() || v[0] != '/') return Bad(key, "expected an absolute path");
                      c->static_dir = std::string(v);
                      return Status::Ok();
                    },
                    [](const HttpConfig& c) { return c.static_dir; },
                    "directory scanned once at startup for the source listener's page and assets"});
    return k;
  }();
  return kKeys;
}

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

// Canonical decimal: digits only, no sign, no leading zero (except "0").
bool ParseConfigDecimal(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  if (s.size() > 1 && s[0] == '0') return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  *out = v;
  return true;
}

// Non-negative decimal with an optional fraction ("0.5", "20").
bool ParseConfigNumber(std::string_view s, double* out) {
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  uint64_t w = 0;
  if (!ParseConfigDecimal(whole, &w) || w > 1'000'000) return false;
  double v = static_cast<double>(w);
  if (dot != std::string_view::npos) {
    std::string_view frac = s.substr(dot + 1);
    if (frac.empty() || frac.size() > 6) return false;
    double scale = 0.1;
    for (char c : frac) {
      if (c < '0' || c > '9') return false;
      v += (c - '0') * scale;
      scale /= 10;
    }
  }
  *out = v;
  return true;
}

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
  if (!ParseConfigDecimal(port, &p) || p > 65535) {
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
  DOJAVA_RETURN_IF_ERROR(ValidateListener(c.source, "source", c.allow_non_loopback));
  DOJAVA_RETURN_IF_ERROR(ValidateListener(c.reviewer, "reviewer", c.allow_non_loopback));
  if (c.source.address.is_unix && c.reviewer.address.is_unix &&
      c.source.address.unix_path == c.reviewer.address.unix_path) {
    return Status(Code::kInvalidArgument, "source and reviewer listen on the same socket");
  }
  if (c.handler_threads < 1) {
    return Status(Code::kInvalidArgument, "handler_threads must be at least 1");
  }
  if (c.form_inflight_bytes < c.form_body_limit_bytes) {
    return Status(Code::kInvalidArgument, "form_inflight_bytes must be at least form_body_limit_bytes");
  }
  if (c.form_circuit_inflight_bytes < c.form_body_limit_bytes ||
      c.form_circuit_inflight_bytes > c.form_inflight_bytes) {
    return Status(Code::kInvalidArgument,
                  "form_circuit_inflight_bytes must be between form_body_limit_bytes and "
                  "form_inflight_bytes");
  }
  if (c.threads < 1) return Status(Code::kInvalidArgument, "threads must be at least 1");
  if (c.header_limit_bytes < 1024) {
    return Status(Code::kInvalidArgument, "header_limit_bytes must be at least 1024");
  }
  for (int v : {c.proxy_header_timeout_ms, c.header_timeout_ms, c.body_timeout_ms,
                c.write_timeout_ms, c.idle_timeout_ms}) {
    if (v <= 0) return Status(Code::kInvalidArgument, "timeouts must be positive");
  }
  if (c.max_requests_per_connection < 1 || c.source.max_connections < 1 ||
      c.reviewer.max_connections < 1 || c.rate_circuit_table_size < 1) {
    return Status(Code::kInvalidArgument, "connection and table limits must be positive");
  }
  return Status::Ok();
}

Status SetConfigValue(HttpConfig* config, std::string_view key, std::string_view value) {
  for (const Key& k : Keys()) {
    if (k.name == key) return k.set(config, key, value);
  }
  return Status(Code::kInvalidArgument, "unknown config key '" + std::string(key) + "'");
}

Status ParseConfigLines(
    std::string_view text,
    const std::function<Status(std::string_view key, std::string_view value)>& set) {
  std::set<std::string, std::less<>> seen;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    auto fail = [line_no](const std::string& why) {
      return Status(Code::kInvalidArgument, "config line " + std::to_string(line_no) + ": " + why);
    };
    for (char c : line) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
        return fail("control character");
      }
    }
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return fail("expected 'key = value'");
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    if (key.empty()) return fail("empty key");
    if (seen.count(key)) return fail("key '" + std::string(key) + "' repeated");
    seen.emplace(key);
    Status s = set(key, value);
    if (!s.ok()) return fail(s.message());
  }
  return Status::Ok();
}

Status ParseConfigText(std::string_view text, HttpConfig* config) {
  return ParseConfigLines(text, [config](std::string_view key, std::string_view value) {
    return SetConfigValue(config, key, value);
  });
}

Result<std::string> ReadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIoError, "cannot open the config file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(Code::kIoError, "cannot read the config file");
  std::string s = text.str();
  if (s.size() > 1024 * 1024) return Status(Code::kInvalidArgument, "config file too large");
  return s;
}

Status LoadConfigFile(const std::string& path, HttpConfig* config) {
  DOJAVA_ASSIGN_OR_RETURN(std::string text, ReadConfigFile(path));
  return ParseConfigText(text, config);
}

Status ApplyOverrides(const std::vector<std::string>& overrides, HttpConfig* config) {
  for (const std::string& o : overrides) {
    size_t eq = o.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status(Code::kInvalidArgument, "override must be key=value");
    }
    DOJAVA_RETURN_IF_ERROR(SetConfigValue(config, Trim(std::string_view(o).substr(0, eq)),
                                          Trim(std::string_view(o).substr(eq + 1))));
  }
  return Status::Ok();
}

std::string DefaultConfigText() {
  return "# dojavad HTTP configuration: every key with its default.\n" + ConfigText(HttpConfig());
}

std::string ConfigText(const HttpConfig& config) {
  std::string out;
  for (const Key& k : Keys()) {
    out += "# " + k.help + "\n";
    std::string v = k.get(config);
    if (v.empty()) {
      out += "# " + k.name + " = \n";
    } else {
      out += k.name + " = " + v + "\n";
    }
  }
  return out;
}

}  // namespace dojava::http
