#include "service/api/api.h"

#include <chrono>

#include "base/bytes.h"
#include "base/utf8.h"
#include "service/api/api_service.h"
#include "service/api/testing.h"

namespace dojava::api {

Status ValidateInstanceName(std::string_view name) {
  if (name.empty() || name.size() > kMaxInstanceNameBytes || !IsPrintableUtf8(AsBytes(name)) ||
      name.front() == ' ' || name.back() == ' ' || name.find('\t') != std::string_view::npos) {
    return Status(Code::kInvalidArgument, "the instance name must be 1.." +
                                              std::to_string(kMaxInstanceNameBytes) +
                                              " printable UTF-8 bytes, no space at either end");
  }
  return Status::Ok();
}

Status ParseInstanceName(std::string_view text, std::string* out) {
  DOJAVA_RETURN_IF_ERROR(ValidateInstanceName(text));
  *out = std::string(text);
  return Status::Ok();
}

Result<std::shared_ptr<Api>> AddApiRoutesForTesting(
    http::Router* router, service::Store* store, const ApiOptions& options,
    std::function<std::chrono::steady_clock::time_point()> now) {
  if (router == nullptr) return Status(Code::kInvalidArgument, "no router");
  DOJAVA_ASSIGN_OR_RETURN(std::shared_ptr<ApiService> api,
                          ApiService::Create(store, options, std::move(now)));
  DOJAVA_RETURN_IF_ERROR(api->AddRoutes(router));
  return std::shared_ptr<Api>(std::move(api));
}

Result<std::shared_ptr<Api>> AddApiRoutes(http::Router* router, service::Store* store,
                                          const ApiOptions& options) {
  return AddApiRoutesForTesting(router, store, options,
                                [] { return std::chrono::steady_clock::now(); });
}

}  // namespace dojava::api
