// HttpConfig: every limit and timeout of the HTTP core, each a named field
// with its default beside it, and a strict parser for the config file format
// documented in service/http/CONFIG.md.
//
// Format: one `key = value` per line; `#` starts a comment line; blank lines
// are ignored. Unknown keys, repeated keys, malformed values and out-of-range
// numbers are errors that name the line number (never the value: a config
// line could hold a path the operator would rather not see in a log).
#ifndef DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_
#define DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

struct ListenerConfig {
  ListenAddress address;
  // Expect tor's PROXY v1 line (HiddenServiceExportCircuitID haproxy) first
  // on every connection; connections without it are closed.
  bool proxy_protocol = false;
  int max_connections = 256;  // concurrent; excess connections are closed at once
};

// Token bucket parameters. rate 0 disables that bucket.
struct RateLimit {
  double global_per_second = 0;
  double global_burst = 0;
  double circuit_per_second = 0;
  double circuit_burst = 0;
};

// Route classes share one set of buckets each.
enum class RateClass { kStatic = 0, kApi = 1, kUpload = 2, kCostly = 3 };
inline constexpr int kRateClassCount = 4;
std::string_view RateClassName(RateClass c);

struct HttpConfig {
  ListenerConfig source{{false, "127.0.0.1", 8080, ""}, false, 256};
  ListenerConfig reviewer{{false, "127.0.0.1", 8081, ""}, false, 64};
  // Refuse TCP addresses outside 127.0.0.0/8 and ::1 unless set.
  bool allow_non_loopback = false;

  int threads = 1;          // I/O threads (service/CONFIG.md "I/O threads" says why 1)
  int handler_threads = 4;  // route handlers (they block on the store) run here

  uint32_t header_limit_bytes = 8 * 1024;             // request line + headers (431)
  uint64_t json_body_limit_bytes = 1024 * 1024;       // every non-chunk route (413)
  uint64_t chunk_body_limit_bytes = 2 * 1024 * 1024;  // chunk-upload routes (413)
  // HTML form routes (the no-JavaScript pages): one form's body (413); the
  // memory of every form body held at once, server-wide and per tor
  // circuit, reserved as the bodies grow with the bytes that arrive, never
  // from a declared Content-Length (503 when exhausted; FormBudget); and a
  // minimum rate: a form body that falls more than form_rate_grace_ms behind
  // form_min_bytes_per_second gets 408 (0 disables).
  uint64_t form_body_limit_bytes = 32u * 1024 * 1024;
  uint64_t form_inflight_bytes = 128u * 1024 * 1024;
  uint64_t form_circuit_inflight_bytes = 32u * 1024 * 1024;
  uint64_t form_min_bytes_per_second = 4096;
  int form_rate_grace_ms = 10'000;
  // Request-body buffers (guarded memory) kept for reuse after their bytes
  // are wiped, server-wide (BodyPool): chunk uploads then allocate nothing.
  uint64_t body_pool_bytes = 4u * 1024 * 1024;

  int proxy_header_timeout_ms = 5'000;    // PROXY v1 line after accept (close)
  int header_timeout_ms = 10'000;         // whole request head, first request (408)
  int body_timeout_ms = 60'000;           // whole request body (408)
  int write_timeout_ms = 30'000;          // whole response (close)
  int idle_timeout_ms = 30'000;           // keep-alive wait for the next request (close)
  int max_requests_per_connection = 100;  // then Connection: close
  int shutdown_grace_ms = 10'000;         // Stop(): requests in flight may finish
  int close_linger_ms = 2'000;            // after an error response, drain input before close

  // Rate limits per route class (requests per second, burst size).
  RateLimit rate[kRateClassCount] = {
      {200, 400, 20, 60},  // static: page and assets
      {100, 200, 10, 30},  // api: JSON reads and writes
      {100, 200, 20, 40},  // upload: attachment chunks
      {4, 8, 0.2, 2},      // costly: server-side Argon2id, login
  };
  int rate_circuit_table_size = 10'000;  // per-circuit buckets kept (LRU eviction)

  std::string static_dir;  // empty: no static files (source listener only)
};

// Checks cross-field rules (positive timeouts, loopback...). OK or the first
// problem found.
Status ValidateConfig(const HttpConfig& config);

// Sets one key. Errors name the key but not the value.
Status SetConfigValue(HttpConfig* config, std::string_view key, std::string_view value);

// Splits config text into `key = value` lines (format above) and calls
// `set(key, value)` for each; the first error stops, prefixed with the line
// number. Repeated keys are an error. Shared by every config that uses this
// format (dojavad's instance config adds keys of its own).
Status ParseConfigLines(
    std::string_view text,
    const std::function<Status(std::string_view key, std::string_view value)>& set);

// Parses a whole config file's text over `config` (which holds the defaults or
// earlier values). On error `config` may be partly updated; discard it.
Status ParseConfigText(std::string_view text, HttpConfig* config);
Status LoadConfigFile(const std::string& path, HttpConfig* config);

// Command-line overrides: each argument "key=value" (same keys and values as
// the file). Applied after the file, so they win.
Status ApplyOverrides(const std::vector<std::string>& overrides, HttpConfig* config);

// Every key with its default, as a config file (for --help and CONFIG.md).
std::string DefaultConfigText();

// The number forms of the config format, shared by every config key table
// (service/daemon/instance_config.cc too): a canonical non-negative decimal integer
// (digits only, no leading zero), and a non-negative number with at most six
// fraction digits and a whole part up to 1,000,000 ("0.5", "20").
bool ParseConfigDecimal(std::string_view s, uint64_t* out);
bool ParseConfigNumber(std::string_view s, double* out);
// The same for `config`'s current values (dojavad init writes this).
std::string ConfigText(const HttpConfig& config);

// Reads a whole (small) text file; kIoError if it cannot be read,
// kInvalidArgument over 1 MiB.
Result<std::string> ReadConfigFile(const std::string& path);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_HTTP_CONFIG_H_
