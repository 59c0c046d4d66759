// Test-only entry point of the API: AddApiRoutes with an injected monotonic
// clock, so tests can expire login challenges and tokens without sleeping.
// Production code calls AddApiRoutes (api.h), which uses steady_clock.
#ifndef DOJAVA_SERVICE_API_TESTING_H_
#define DOJAVA_SERVICE_API_TESTING_H_

#include <chrono>
#include <functional>
#include <memory>

#include "service/api/api.h"

namespace dojava::api {

// As AddApiRoutes, with `now` as the clock of challenge and token expiry and
// of the per-token rate limit. `now` must be monotonic and thread-safe.
Result<std::shared_ptr<Api>> AddApiRoutesForTesting(
    http::Router* router, service::Store* store, const ApiOptions& options,
    std::function<std::chrono::steady_clock::time_point()> now);

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_TESTING_H_
