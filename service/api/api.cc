#include "service/api/api.h"

#include <chrono>

#include "service/api/api_service.h"
#include "service/api/testing.h"

namespace dojava::api {

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
