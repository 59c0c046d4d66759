// HttpConfig: every limit and timeout of the HTTP core, each a named field
// with its default beside it and its key in HttpConfig::Keys() right below
// (base/config_keys.h: the format, strict parsing, errors that name the line
// and the key but never the value). service/http/CONFIG.md's key table is
// generated from Keys().
#ifndef DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_
#define DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/config_keys.h"
#include "base/status.h"

namespace dojava::http {

// Where a listener binds. Exactly one of tcp (host:port) or unix_path.
struct ListenAddress {
  bool is_unix = false;
  std::string host = "127.0.0.1";  // numeric IPv4 or IPv6 only, no names
  uint16_t port = 0;               // 0: the kernel picks one (tests)
  std::string unix_path;           // absolute path when is_unix
};

// Parses "127.0.0.1:8080", "[::1]:8080" or "unix:/run/dojava/source.sock".
Result<ListenAddress> ParseListenAddress(std::string_view text);
std::string FormatListenAddress(const ListenAddress& address);
// ParseListenAddress as a config value.
Status ParseListenKey(std::string_view text, ListenAddress* out);
inline constexpr config::TextCodec<ListenAddress> kListenAddress{
    &ParseListenKey, &FormatListenAddress,
    "`HOST:PORT` (numeric IPv4), `[IPv6]:PORT` or `unix:/absolute/path` (at most 100 bytes)"};

struct ListenerConfig {
  ListenAddress address;
  bool proxy_protocol = false;
  int max_connections = 256;

  static const config::KeyTable<ListenerConfig>& Keys();
};

inline const config::KeyTable<ListenerConfig>& ListenerConfig::Keys() {
  static const config::KeyTable<ListenerConfig> keys = std::move(
      config::KeyTable<ListenerConfig>()
          .Text("listen", &ListenerConfig::address, kListenAddress,
                "where it listens; TCP addresses must be loopback (`127.0.0.0/8`, `::1`) unless "
                "`allow_non_loopback`")
          .Bool("proxy_protocol", &ListenerConfig::proxy_protocol,
                "expect tor's PROXY v1 line first (`HiddenServiceExportCircuitID haproxy`); "
                "connections without a valid line are closed without an answer")
          .Int("max_connections", &ListenerConfig::max_connections, 1, 100'000,
               "concurrent connections; further ones are closed at once"));
  return keys;
}

// Token bucket parameters. rate 0 disables that bucket.
struct RateLimit {
  double global_per_second = 0;
  double global_burst = 0;
  double circuit_per_second = 0;
  double circuit_burst = 0;

  static const config::KeyTable<RateLimit>& Keys();
};

inline const config::KeyTable<RateLimit>& RateLimit::Keys() {
  static const config::KeyTable<RateLimit> keys =
      std::move(config::KeyTable<RateLimit>()
                    .Number("global_per_second", &RateLimit::global_per_second, 0,
                            "tokens per second for the whole listener; 0 disables this bucket")
                    .Number("global_burst", &RateLimit::global_burst, 0,
                            "the listener's bucket size in requests (values below 1 count as 1)")
                    .Number("circuit_per_second", &RateLimit::circuit_per_second, 0,
                            "tokens per second for one circuit; 0 disables this bucket")
                    .Number("circuit_burst", &RateLimit::circuit_burst, 0,
                            "a circuit's bucket size in requests (values below 1 count as 1)"));
  return keys;
}

// Route classes share one set of buckets each.
enum class RateClass { kStatic = 0, kApi = 1, kUpload = 2, kCostly = 3 };
inline constexpr int kRateClassCount = 4;
std::string_view RateClassName(RateClass c);

inline constexpr uint64_t kDefaultJsonBodyLimitBytes = 1024 * 1024;

// Every limit and timeout of the HTTP core. Each field's initializer is its
// default; its key, range and meaning are in Keys() below
// (service/http/CONFIG.md is generated from it).
struct HttpConfig {
  ListenerConfig source{{false, "127.0.0.1", 8080, ""}, false, 256};
  ListenerConfig reviewer{{false, "127.0.0.1", 8081, ""}, false, 64};
  bool allow_non_loopback = false;

  int threads = 1;  // service/CONFIG.md "I/O threads" says why 1
  int handler_threads = 4;

  uint32_t header_limit_bytes = 8 * 1024;
  uint64_t json_body_limit_bytes = kDefaultJsonBodyLimitBytes;
  uint64_t chunk_body_limit_bytes = 2 * 1024 * 1024;
  // The HTML form routes (the no-JavaScript pages): FormBudget holds the
  // in-flight caps; the minimum rate is the session's lazy deadline.
  uint64_t form_body_limit_bytes = 32u * 1024 * 1024;
  uint64_t form_inflight_bytes = 128u * 1024 * 1024;
  uint64_t form_circuit_inflight_bytes = 32u * 1024 * 1024;
  uint64_t form_min_bytes_per_second = 4096;
  int form_rate_grace_ms = 10'000;
  uint64_t body_pool_bytes = 4u * 1024 * 1024;  // BodyPool

  int proxy_header_timeout_ms = 5'000;
  int header_timeout_ms = 10'000;
  int body_timeout_ms = 60'000;
  int write_timeout_ms = 30'000;
  int idle_timeout_ms = 30'000;
  int max_requests_per_connection = 100;
  int shutdown_grace_ms = 10'000;
  int close_linger_ms = 2'000;

  // Rate limits per route class (requests per second, burst size).
  RateLimit rate[kRateClassCount] = {
      // static: page and assets. A page load fetches about 72 files and the
      // upload worker about 100 more (its modules checked, then loaded), all on
      // one circuit in Tor Browser: the burst holds both with room to spare.
      {200, 400, 20, 240},
      {100, 200, 10, 30},  // api: JSON reads and writes
      {100, 200, 20, 40},  // upload: attachment chunks
      {4, 8, 0.2, 2},      // costly: server-side Argon2id, login
  };
  int rate_circuit_table_size = 10'000;

  std::string static_dir;  // empty: no static files (source listener only)

  static const config::KeyTable<HttpConfig>& Keys();
};

inline const config::KeyTable<HttpConfig>& HttpConfig::Keys() {
  static const config::KeyTable<HttpConfig> keys = [] {
    constexpr uint64_t kMaxMs = 24 * 3600 * 1000;
    config::KeyTable<HttpConfig> k;
    k.Add("source.", &HttpConfig::source, ListenerConfig::Keys(),
          "source listener (the public onion service)")
        .Add("reviewer.", &HttpConfig::reviewer, ListenerConfig::Keys(),
             "reviewer listener (an onion service with client authorization)")
        .Bool("allow_non_loopback", &HttpConfig::allow_non_loopback,
              "allow TCP listeners outside loopback (never needed behind tor)")
        .Int("threads", &HttpConfig::threads, 1, 64,
             "I/O threads: sockets, parsing, static files and the routes that answer from memory. "
             "Why 1: `service/CONFIG.md`, \"I/O threads\"")
        .Int("handler_threads", &HttpConfig::handler_threads, 1, 256,
             "route handler threads. API handlers block on the database (a durable commit waits "
             "for an fsync), so they run here, off the I/O threads; each response is posted back "
             "to its connection. At most one request per open connection waits for this pool")
        .Int("header_limit_bytes", &HttpConfig::header_limit_bytes, 1024, 1024 * 1024,
             "request line + header fields; over it: 431")
        .Int("json_body_limit_bytes", &HttpConfig::json_body_limit_bytes, 0, uint64_t{1} << 32,
             "body cap for every route except chunk uploads and forms; over it: 413")
        .Int("chunk_body_limit_bytes", &HttpConfig::chunk_body_limit_bytes, 0, uint64_t{1} << 32,
             "body cap for chunk-upload routes (`BodyClass::kChunk`); over it: 413")
        .Int("form_body_limit_bytes", &HttpConfig::form_body_limit_bytes, 0, uint64_t{1} << 32,
             "body cap for HTML form routes (`BodyClass::kForm`, the no-JavaScript pages); over "
             "it: 413")
        .Int("form_inflight_bytes", &HttpConfig::form_inflight_bytes, 0, uint64_t{1} << 36,
             "memory of the form bodies held at once, server-wide (at least "
             "`form_body_limit_bytes`). A form body is reserved as it grows, never from its "
             "declared Content-Length, and released when its response is written or its "
             "connection ends; a form that cannot grow: 503 (at once if not even its first 64 KiB "
             "fit). A form without Content-Length: 411")
        .Int("form_circuit_inflight_bytes", &HttpConfig::form_circuit_inflight_bytes, 0,
             uint64_t{1} << 36,
             "the same, per tor circuit (between `form_body_limit_bytes` and "
             "`form_inflight_bytes`): one circuit cannot hold more than one largest form's memory "
             "through several connections; over it: 503. Applies when the listener has "
             "`proxy_protocol = true` (without it each connection is its own circuit and carries "
             "one form at a time)")
        .Int("form_min_bytes_per_second", &HttpConfig::form_min_bytes_per_second, 0,
             uint64_t{1} << 30,
             "a form body must keep arriving at this average rate, falling at most "
             "`form_rate_grace_ms` behind it; otherwise 408 (the page of `body_timeout_ms`). 0 "
             "disables")
        .Int("body_pool_bytes", &HttpConfig::body_pool_bytes, 0, uint64_t{1} << 30,
             "wiped request-body buffers kept for reuse, server-wide (at most 16 buffers of 64 KiB "
             "or more; 0 keeps none). A chunk upload then reuses a buffer instead of allocating, "
             "faulting in and unmapping half a megabyte of locked memory per chunk")
        .Int("proxy_header_timeout_ms", &HttpConfig::proxy_header_timeout_ms, 1, kMaxMs,
             "time for the PROXY v1 line after accept; then the connection is closed")
        .Int("header_timeout_ms", &HttpConfig::header_timeout_ms, 1, kMaxMs,
             "time for the whole first request head; over it: 408")
        .Int("body_timeout_ms", &HttpConfig::body_timeout_ms, 1, kMaxMs,
             "time for a whole request body; over it: 408")
        .Int("form_rate_grace_ms", &HttpConfig::form_rate_grace_ms, 0, kMaxMs,
             "how far a form body may fall behind `form_min_bytes_per_second` (with the defaults "
             "the first 10 s of a form are free, then 4 KiB/s on average)")
        .Int("write_timeout_ms", &HttpConfig::write_timeout_ms, 1, kMaxMs,
             "time for a whole response; over it the connection is closed")
        .Int("idle_timeout_ms", &HttpConfig::idle_timeout_ms, 1, kMaxMs,
             "keep-alive: time for the next request head (closed silently if nothing arrived, 408 "
             "if a partial head did)")
        .Int("max_requests_per_connection", &HttpConfig::max_requests_per_connection, 1, 1'000'000,
             "the last response says `Connection: close`")
        .Int("shutdown_grace_ms", &HttpConfig::shutdown_grace_ms, 0, kMaxMs,
             "on stop, requests in flight may finish within this; then connections are cut")
        .Int("close_linger_ms", &HttpConfig::close_linger_ms, 0, 60'000,
             "after a closing response, unread input is read and discarded this long so the "
             "client sees the answer instead of a reset");
    constexpr const char* kUsedBy[kRateClassCount] = {
        "the page and its assets", "JSON reads and writes", "attachment chunks",
        "server-side Argon2id on the no-JavaScript path, login"};
    for (int i = 0; i < kRateClassCount; ++i) {
      const std::string name(RateClassName(static_cast<RateClass>(i)));
      k.Add("rate." + name + ".", &HttpConfig::rate, i, RateLimit::Keys(),
            "route class " + name + " (" + kUsedBy[i] + ")");
    }
    k.Int("rate_circuit_table_size", &HttpConfig::rate_circuit_table_size, 1, 10'000'000,
          "per-circuit buckets kept; the least recently used are evicted")
        .Text("static_dir", &HttpConfig::static_dir, config::kAbsolutePath,
              "scanned once at startup for the source listener's page and assets; empty: none "
              "(and no no-JavaScript pages)");
    return k;
  }();
  return keys;
}

// Checks every key's range (as the config text would) and the cross-field
// rules (loopback, form budgets). OK or the first problem found.
Status ValidateConfig(const HttpConfig& config);

// Sets one key. Errors name the key but not the value.
Status SetConfigValue(HttpConfig* config, std::string_view key, std::string_view value);

// Parses a whole config file's text over `config` (which holds the defaults or
// earlier values). On error `config` may be partly updated; discard it.
Status ParseConfigText(std::string_view text, HttpConfig* config);
Status LoadConfigFile(const std::string& path, HttpConfig* config);

// Command-line overrides: each argument "key=value" (same keys and values as
// the file). Applied after the file, so they win.
Status ApplyOverrides(const std::vector<std::string>& overrides, HttpConfig* config);

// Every key with its default, as a config file (for --help).
std::string DefaultConfigText();
// The same for `config`'s current values.
std::string ConfigText(const HttpConfig& config);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_
