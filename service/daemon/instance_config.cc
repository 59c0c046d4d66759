#include "service/daemon/instance_config.h"

#include <utility>

namespace dojava::service {

const config::KeyTable<InstanceConfig>& InstanceConfig::OwnKeys() {
  static const config::KeyTable<InstanceConfig> keys = std::move(
      config::KeyTable<InstanceConfig>()
          .Add("", &InstanceConfig::api, api::ApiOptions::NameKeys())
          .Add("api.", &InstanceConfig::api, api::ApiOptions::Keys())
          .Add("nojs.", &InstanceConfig::nojs, nojs::NojsOptions::Keys())
          .Add("store.", &InstanceConfig::store, StoreOptions::Keys())
          .Add("", &InstanceConfig::retention, Settings::RetentionKeys())
          .Int("purge_interval_seconds", &InstanceConfig::purge_interval_seconds, 60, 7 * 24 * 3600,
               "expired cases and uploads are purged at start and then this often; expired login "
               "challenges and tokens are swept at the same time")
          .Add("notify.", &InstanceConfig::notify, notify::NotifyOptions::Keys()));
  return keys;
}

const config::KeyTable<InstanceConfig>& InstanceConfig::Keys() {
  static const config::KeyTable<InstanceConfig> keys =
      std::move(config::KeyTable<InstanceConfig>(OwnKeys()).Add("", &InstanceConfig::http,
                                                                http::HttpConfig::Keys()));
  return keys;
}

Status SetInstanceConfigValue(InstanceConfig* config, std::string_view key,
                              std::string_view value) {
  DOJAVA_RETURN_IF_ERROR(InstanceConfig::Keys().Set(config, key, value));
  config->api.json_body_limit_bytes = config->http.json_body_limit_bytes;
  return Status::Ok();
}

Status ParseInstanceConfigText(std::string_view text, InstanceConfig* config) {
  DOJAVA_RETURN_IF_ERROR(InstanceConfig::Keys().Parse(text, config));
  config->api.json_body_limit_bytes = config->http.json_body_limit_bytes;
  return Status::Ok();
}

Status LoadInstanceConfigFile(const std::string& path, InstanceConfig* config) {
  DOJAVA_ASSIGN_OR_RETURN(std::string text, config::ReadConfigFile(path));
  return ParseInstanceConfigText(text, config);
}

Status ApplyInstanceOverrides(const std::vector<std::string>& overrides, InstanceConfig* config) {
  DOJAVA_RETURN_IF_ERROR(InstanceConfig::Keys().ApplyOverrides(overrides, config));
  config->api.json_body_limit_bytes = config->http.json_body_limit_bytes;
  return Status::Ok();
}

Status ValidateInstanceConfig(const InstanceConfig& config) {
  DOJAVA_RETURN_IF_ERROR(http::ValidateConfig(config.http));
  DOJAVA_RETURN_IF_ERROR(InstanceConfig::OwnKeys().Check(config));
  DOJAVA_RETURN_IF_ERROR(notify::ValidateNotifyOptions(config.notify));
  if (config.api.default_cases_per_page > config.api.max_cases_per_page) {
    return Status(Code::kInvalidArgument,
                  "api.default_cases_per_page must not exceed api.max_cases_per_page");
  }
  return Status::Ok();
}

std::string InstanceConfigText(const InstanceConfig& config) {
  return "# dojavad instance configuration (service/CONFIG.md). Every key is listed with\n"
         "# its value; `dojavad serve` reads this file, then key=value overrides.\n\n"
         "# --- instance, API, store, retention ---\n" +
         InstanceConfig::OwnKeys().Text(config) + "\n# --- HTTP (service/http/CONFIG.md) ---\n" +
         http::ConfigText(config.http);
}

}  // namespace dojava::service
