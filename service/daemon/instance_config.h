// InstanceConfig: everything `dojavad serve` reads from an instance's one
// config file (<data-dir>/dojavad.conf): the HTTP core's keys
// (service/http/CONFIG.md) plus the API, store, retention and maintenance keys
// below, each with its default beside it. service/CONFIG.md documents them.
//
// Format: the one of service/http/CONFIG.md (`key = value` lines, strict:
// unknown or repeated keys and bad values are errors naming the line, never
// the value). Command-line overrides `key=value` are applied after the file.
//
// Thread safety: a plain value; no shared state.
#ifndef DOJAVA_SERVICE_DAEMON_INSTANCE_CONFIG_H_
#define DOJAVA_SERVICE_DAEMON_INSTANCE_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/config_keys.h"
#include "base/status.h"
#include "service/api/api.h"
#include "service/http/http_config.h"
#include "service/nojs/nojs_pages.h"
#include "service/notify/notifier.h"
#include "service/store/sqlcipher_store.h"
#include "service/store/store.h"

namespace dojava::service {

// The config file inside a data directory.
inline constexpr const char* kConfigFileName = "dojavad.conf";

// The options of every part, each with its defaults and keys (declared
// beside its fields), composed here under today's key names.
struct InstanceConfig {
  http::HttpConfig http;
  // api.instance_name is the `instance_name` key; api.json_body_limit_bytes
  // follows http.json_body_limit_bytes (one key, enforced by the HTTP core).
  api::ApiOptions api;
  StoreOptions store;
  // The no-JavaScript pages (`nojs.*`); they exist when http.static_dir is set.
  nojs::NojsOptions nojs;
  // Only the four retention fields are keys (Settings::RetentionKeys). serve
  // writes them into the database's Settings (they are the rules Store::Purge
  // applies and clients see in /api/v1/instance).
  Settings retention;
  // Store::Purge and expired-session sweeping: once at start, then this often.
  int purge_interval_seconds = 3600;
  // Content-free e-mail on new activity (`notify.*` keys); off while
  // notify.smtp_url is empty.
  notify::NotifyOptions notify;

  // Every instance key, the HTTP keys last (service/CONFIG.md and
  // service/http/CONFIG.md are generated from these tables).
  static const config::KeyTable<InstanceConfig>& Keys();
  // The same without the HTTP keys.
  static const config::KeyTable<InstanceConfig>& OwnKeys();
};

// Sets one key (instance or HTTP). Errors name the key, not the value.
Status SetInstanceConfigValue(InstanceConfig* config, std::string_view key, std::string_view value);

// Parses a config file's text over `config`. On error `config` may be partly
// updated; discard it.
Status ParseInstanceConfigText(std::string_view text, InstanceConfig* config);
Status LoadInstanceConfigFile(const std::string& path, InstanceConfig* config);

// "key=value" arguments, applied in order after the file.
Status ApplyInstanceOverrides(const std::vector<std::string>& overrides, InstanceConfig* config);

// Cross-field checks (HTTP rules included).
Status ValidateInstanceConfig(const InstanceConfig& config);

// Every key with `config`'s value (a complete config file; parses back to
// `config`).
std::string InstanceConfigText(const InstanceConfig& config);

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_DAEMON_INSTANCE_CONFIG_H_
