#include "service/daemon/instance_config.h"

#include <charconv>
#include <functional>
#include <sstream>

#include "base/bytes.h"
#include "base/utf8.h"

namespace dojava::service {
namespace {

Status Bad(std::string_view key, std::string_view why) {
  return Status(Code::kInvalidArgument,
                "config key '" + std::string(key) + "': " + std::string(why));
}

struct Key {
  std::string name;
  std::function<Status(InstanceConfig*, std::string_view key, std::string_view value)> set;
  std::function<std::string(const InstanceConfig&)> get;
  std::string help;
};

// An integer key stored in any integral field reached by `field`.
template <typename T>
Key IntKey(std::string name, std::function<T&(InstanceConfig&)> field, uint64_t min, uint64_t max,
           std::string help) {
  return Key{
      std::move(name),
      [field, min, max](InstanceConfig* c, std::string_view key, std::string_view v) -> Status {
        uint64_t n = 0;
        if (!http::ParseConfigDecimal(v, &n)) return Bad(key, "not a non-negative decimal integer");
        if (n < min || n > max) {
          return Bad(key,
                     "out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]");
        }
        field(*c) = static_cast<T>(n);
        return Status::Ok();
      },
      [field](const InstanceConfig& c) {
        return std::to_string(field(const_cast<InstanceConfig&>(c)));
      },
      std::move(help)};
}

Key RateKey(std::string name, std::function<double&(InstanceConfig&)> field, std::string help) {
  return Key{std::move(name),
             [field](InstanceConfig* c, std::string_view key, std::string_view v) -> Status {
               double d = 0;
               if (!http::ParseConfigNumber(v, &d) || d <= 0)
                 return Bad(key, "expected a positive number");
               field(*c) = d;
               return Status::Ok();
             },
             [field](const InstanceConfig& c) {
               std::ostringstream out;
               out << field(const_cast<InstanceConfig&>(c));
               return out.str();
             },
             std::move(help)};
}

// A string key; `notify::ValidateNotifyOptions` checks the notify.* ones.
Key NotifyStr(std::string name, std::string notify::NotifyOptions::*field, std::string help) {
  return Key{"notify." + name,
             [field](InstanceConfig* c, std::string_view, std::string_view v) -> Status {
               c->notify.*field = std::string(v);
               return Status::Ok();
             },
             [field](const InstanceConfig& c) { return c.notify.*field; }, std::move(help)};
}

const std::vector<Key>& Keys() {
  static const std::vector<Key> kKeys = [] {
    std::vector<Key> k;
    k.push_back(Key{"instance_name",
                    [](InstanceConfig* c, std::string_view key, std::string_view v) -> Status {
                      if (!ValidateInstanceName(v).ok()) {
                        return Bad(key, "expected 1..100 printable UTF-8 bytes");
                      }
                      c->api.instance_name = std::string(v);
                      return Status::Ok();
                    },
                    [](const InstanceConfig& c) { return c.api.instance_name; },
                    "the organisation's name, shown to sources"});
    const uint64_t kDay = 24 * 3600;
    k.push_back(IntKey<int>(
        "api.challenge_ttl_seconds",
        [](InstanceConfig& c) -> int& { return c.api.challenge_ttl_seconds; }, 1, 3600,
        "a login challenge is single use and expires after this"));
    k.push_back(IntKey<size_t>(
        "api.max_pending_challenges",
        [](InstanceConfig& c) -> size_t& { return c.api.max_pending_challenges; }, 1, 10'000'000,
        "login challenges held at once (oldest dropped)"));
    k.push_back(IntKey<int>(
        "api.token_idle_seconds",
        [](InstanceConfig& c) -> int& { return c.api.token_idle_seconds; }, 60, kDay,
        "a reviewer's bearer token expires after this long unused"));
    k.push_back(IntKey<size_t>(
        "api.max_sessions", [](InstanceConfig& c) -> size_t& { return c.api.max_sessions; }, 1,
        1'000'000, "reviewer tokens at once (oldest idle dropped)"));
    k.push_back(RateKey(
        "api.token_requests_per_second",
        [](InstanceConfig& c) -> double& { return c.api.token_requests_per_second; },
        "per-token rate limit (token bucket rate)"));
    k.push_back(RateKey(
        "api.token_burst", [](InstanceConfig& c) -> double& { return c.api.token_burst; },
        "per-token rate limit (bucket size)"));
    k.push_back(IntKey<size_t>(
        "api.max_response_record_bytes",
        [](InstanceConfig& c) -> size_t& { return c.api.max_response_record_bytes; }, 1 << 20,
        256u << 20, "message records per response page, about"));
    k.push_back(IntKey<int>(
        "api.message_characters",
        [](InstanceConfig& c) -> int& { return c.api.message_characters; }, 1, 10'000'000,
        "longest message in characters (advertised; clients enforce)"));
    k.push_back(IntKey<int>(
        "api.max_cases_per_page",
        [](InstanceConfig& c) -> int& { return c.api.max_cases_per_page; }, 1, 100'000,
        "most cases one listing page may ask for"));
    k.push_back(IntKey<int>(
        "api.default_cases_per_page",
        [](InstanceConfig& c) -> int& { return c.api.default_cases_per_page; }, 1, 100'000,
        "cases per listing page when the client does not say"));
    k.push_back(IntKey<int>(
        "nojs.kdf_concurrency", [](InstanceConfig& c) -> int& { return c.nojs.kdf_concurrency; }, 1,
        64, "no-JavaScript pages: receipts derived (Argon2id, 8 MiB) at once"));
    k.push_back(IntKey<int>(
        "nojs.kdf_wait_ms", [](InstanceConfig& c) -> int& { return c.nojs.kdf_wait_ms; }, 0,
        600'000, "no-JavaScript pages: wait for a free slot, then a \"busy\" page (503)"));
    k.push_back(IntKey<int>(
        "nojs.session_idle_seconds",
        [](InstanceConfig& c) -> int& { return c.nojs.session_idle_seconds; }, 60, 24 * 3600,
        "no-JavaScript pages: an open conversation closes after this without use"));
    k.push_back(IntKey<size_t>(
        "nojs.max_sessions", [](InstanceConfig& c) -> size_t& { return c.nojs.max_sessions; }, 1,
        1'000'000, "no-JavaScript pages: open conversations at once (oldest idle dropped)"));
    k.push_back(IntKey<uint64_t>(
        "nojs.max_download_bytes",
        [](InstanceConfig& c) -> uint64_t& { return c.nojs.max_download_bytes; }, 0,
        uint64_t{1} << 31,
        "no-JavaScript pages: largest reviewer file served decrypted (larger: JS page or CLI)"));
    k.push_back(IntKey<uint64_t>(
        "store.disk_reserve_bytes",
        [](InstanceConfig& c) -> uint64_t& { return c.store.disk_reserve_bytes; }, 0,
        uint64_t{1} << 50, "uploads are refused (507) when they would leave less free disk"));
    k.push_back(IntKey<uint64_t>(
        "store.max_messages_per_case",
        [](InstanceConfig& c) -> uint64_t& { return c.store.max_messages_per_case; }, 1, 10'000'000,
        "most messages one case may hold"));
    k.push_back(IntKey<size_t>(
        "store.max_idle_readers",
        [](InstanceConfig& c) -> size_t& { return c.store.max_idle_readers; }, 1, 1024,
        "idle read-only database connections kept open"));
    k.push_back(IntKey<size_t>(
        "store.group_commit_max_writes",
        [](InstanceConfig& c) -> size_t& { return c.store.group_commit.max_batch_writes; }, 1,
        100'000, "most writes in one transaction (1: one transaction per write)"));
    k.push_back(IntKey<size_t>(
        "store.group_commit_max_bytes",
        [](InstanceConfig& c) -> size_t& { return c.store.group_commit.max_batch_bytes; }, 1 << 20,
        1u << 30, "most payload bytes in one transaction"));
    k.push_back(IntKey<int64_t>(
        "retention_days", [](InstanceConfig& c) -> int64_t& { return c.retention_days; }, 1,
        kMaxRetentionDays, "a case is deleted this many days after its last activity"));
    k.push_back(IntKey<int64_t>(
        "retention_spread_days",
        [](InstanceConfig& c) -> int64_t& { return c.retention_spread_days; }, 0,
        kMaxRetentionSpreadDays,
        "plus a random 0..this many days, so expiry does not date activity"));
    k.push_back(IntKey<int64_t>(
        "upload_ttl_days", [](InstanceConfig& c) -> int64_t& { return c.upload_ttl_days; }, 1,
        kMaxUploadTtlDays, "an upload not bound to a case is deleted after this many whole days"));
    k.push_back(IntKey<int64_t>(
        "max_chunks_per_file", [](InstanceConfig& c) -> int64_t& { return c.max_chunks_per_file; },
        1, protocol::kMaxChunksPerFile, "attachment size cap in 512 KiB chunks (4096 = 2 GiB)"));
    k.push_back(IntKey<int>(
        "purge_interval_seconds",
        [](InstanceConfig& c) -> int& { return c.purge_interval_seconds; }, 60, 7 * kDay,
        "expired cases and uploads are purged at start and then this often"));
    using N = notify::NotifyOptions;
    k.push_back(NotifyStr("smtp_url", &N::smtp_url,
                          "notifications: smtps://HOST[:PORT] or "
                          "smtp://HOST[:PORT] (STARTTLS required); empty: off"));
    k.push_back(NotifyStr("from", &N::from, "notifications: the sender address"));
    k.push_back(NotifyStr("to", &N::to, "notifications: recipients, separated by commas"));
    k.push_back(NotifyStr("label", &N::label,
                          "notifications: \"new activity in LABEL\" "
                          "(empty: instance_name)"));
    k.push_back(NotifyStr("smtp_user", &N::smtp_user, "notifications: SMTP login (empty: none)"));
    k.push_back(NotifyStr("smtp_password_file", &N::smtp_password_file,
                          "notifications: password file (0600) or credential:NAME (systemd)"));
    k.push_back(NotifyStr("socks5", &N::socks5,
                          "notifications: through tor, HOST:PORT or "
                          "unix:/PATH (empty: direct)"));
    k.push_back(NotifyStr("ca_file", &N::ca_file, "notifications: extra CA file for the relay"));
    k.push_back(IntKey<int>(
        "notify.min_period_seconds",
        [](InstanceConfig& c) -> int& { return c.notify.min_period_seconds; }, 60, 30 * kDay,
        "notifications: at most one per period"));
    k.push_back(IntKey<int>(
        "notify.max_delay_seconds",
        [](InstanceConfig& c) -> int& { return c.notify.max_delay_seconds; }, 0, 30 * kDay,
        "notifications: random delay before sending"));
    k.push_back(IntKey<int>(
        "notify.timeout_seconds",
        [](InstanceConfig& c) -> int& { return c.notify.timeout_seconds; }, 5, 600,
        "notifications: one attempt's deadline"));
    return k;
  }();
  return kKeys;
}

}  // namespace

Status ValidateInstanceName(std::string_view name) {
  if (name.empty() || name.size() > kMaxInstanceNameBytes || !IsPrintableUtf8(AsBytes(name)) ||
      name.front() == ' ' || name.back() == ' ' || name.find('\t') != std::string_view::npos) {
    return Status(Code::kInvalidArgument,
                  "the instance name must be 1..100 printable UTF-8 bytes, no space at either end");
  }
  return Status::Ok();
}

Status SetInstanceConfigValue(InstanceConfig* config, std::string_view key,
                              std::string_view value) {
  for (const Key& k : Keys()) {
    if (k.name == key) return k.set(config, key, value);
  }
  DOJAVA_RETURN_IF_ERROR(http::SetConfigValue(&config->http, key, value));
  config->api.json_body_limit_bytes = config->http.json_body_limit_bytes;
  return Status::Ok();
}

Status ParseInstanceConfigText(std::string_view text, InstanceConfig* config) {
  return http::ParseConfigLines(text, [config](std::string_view key, std::string_view value) {
    return SetInstanceConfigValue(config, key, value);
  });
}

Status LoadInstanceConfigFile(const std::string& path, InstanceConfig* config) {
  DOJAVA_ASSIGN_OR_RETURN(std::string text, http::ReadConfigFile(path));
  return ParseInstanceConfigText(text, config);
}

Status ApplyInstanceOverrides(const std::vector<std::string>& overrides, InstanceConfig* config) {
  for (const std::string& o : overrides) {
    const size_t eq = o.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status(Code::kInvalidArgument, "an override must be key=value");
    }
    DOJAVA_RETURN_IF_ERROR(SetInstanceConfigValue(config, std::string_view(o).substr(0, eq),
                                                  std::string_view(o).substr(eq + 1)));
  }
  return Status::Ok();
}

Status ValidateInstanceConfig(const InstanceConfig& config) {
  DOJAVA_RETURN_IF_ERROR(http::ValidateConfig(config.http));
  DOJAVA_RETURN_IF_ERROR(ValidateInstanceName(config.api.instance_name));
  DOJAVA_RETURN_IF_ERROR(notify::ValidateNotifyOptions(config.notify));
  if (config.api.default_cases_per_page > config.api.max_cases_per_page) {
    return Status(Code::kInvalidArgument,
                  "api.default_cases_per_page must not exceed api.max_cases_per_page");
  }
  return Status::Ok();
}

std::string InstanceConfigText(const InstanceConfig& config) {
  std::string out =
      "# dojavad instance configuration (service/CONFIG.md). Every key is listed with\n"
      "# its value; `dojavad serve` reads this file, then key=value overrides.\n\n"
      "# --- instance, API, store, retention ---\n";
  for (const Key& k : Keys()) {
    out += "# " + k.help + "\n" + k.name + " = " + k.get(config) + "\n";
  }
  out += "\n# --- HTTP (service/http/CONFIG.md) ---\n";
  out += http::ConfigText(config.http);
  return out;
}

}  // namespace dojava::service
