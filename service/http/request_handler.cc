#include "service/http/request_handler.h"

#include <exception>

#include "service/http/log.h"

namespace dojava::http {

HttpResponse NotFoundFor(std::string_view path) {
  // The same words as the API's own 404 (service/API.md): an unknown route
  // and an unknown case, upload or lookup key must not be told apart.
  return ErrorFor(path, 404, "not_found", "Not found.");
}

RequestHandler::RequestHandler(const HttpConfig& config, Router router, StaticFiles source_static)
    : config_(config),
      router_(std::move(router)),
      static_(std::move(source_static)),
      limiter_(config) {}

HttpResponse RequestHandler::ErrorOn(const Route* route, std::string_view path,
                                     std::string_view query, int status, std::string_view code,
                                     std::string_view message) const {
  if (path.empty() || IsApiPath(path)) return ErrorFor(path, status, code, message);
  if (route != nullptr && route->options.error_page)
    return route->options.error_page(status, query);
  if (router_.page_errors()) return router_.page_errors()(status, query);
  return ErrorFor(path, status, code, message);
}

RequestHandler::Plan RequestHandler::Begin(ListenerKind listener, Method method,
                                           std::string_view path, const ClientKey& client,
                                           RateLimiter::Clock::time_point now,
                                           std::string_view query) const {
  Plan plan;
  RateClass rate_class = RateClass::kApi;
  if (auto match = router_.Find(listener, method, path)) {
    plan.route = match->route;
    plan.params = std::move(match->params);
    rate_class = plan.route->options.rate;
    switch (plan.route->options.body) {
      case BodyClass::kChunk:
        plan.body_limit = config_.chunk_body_limit_bytes;
        break;
      case BodyClass::kForm:
        plan.body_limit = config_.form_body_limit_bytes;
        break;
      case BodyClass::kJson:
        plan.body_limit = config_.json_body_limit_bytes;
        break;
    }
  } else if (listener == ListenerKind::kSource && method == Method::kGet && !IsApiPath(path) &&
             (plan.static_file = static_.Find(path)) != nullptr) {
    rate_class = RateClass::kStatic;
    plan.body_limit = 0;
  } else {
    plan.early = ErrorOn(nullptr, path, query, 404, "not_found", "Not found.");
    return plan;
  }
  if (!limiter_.Admit(rate_class, client, now)) {
    // The route's own page (the no-JavaScript pages answer in the source's
    // language), else the router's.
    plan.early = ErrorOn(plan.route, path, query, 429, "rate_limited",
                         "Too many requests. Wait a little and try again.");
    plan.route = nullptr;
    plan.static_file = nullptr;
    plan.early->headers.emplace_back("Retry-After",
                                     std::to_string(limiter_.RetryAfterSeconds(rate_class)));
  }
  return plan;
}

HttpResponse RequestHandler::Finish(const Plan& plan, const HttpRequest& request) const {
  if (plan.early) return *plan.early;
  if (plan.static_file != nullptr) {
    HttpResponse r;
    r.content_type = plan.static_file->content_type;
    r.body = plan.static_file->body;
    return r;
  }
  if (plan.route == nullptr) {
    return ErrorOn(nullptr, request.path, request.query, 404, "not_found", "Not found.");
  }
  try {
    return plan.route->handler(request, plan.params);
  } catch (const std::exception&) {
    Log(LogLevel::kError, "a route handler threw an exception");
  } catch (...) {
    Log(LogLevel::kError, "a route handler threw a non-standard exception");
  }
  return ErrorOn(plan.route, request.path, request.query, 500, "internal",
                 "Something went wrong on our side.");
}

HttpResponse RequestHandler::Handle(const HttpRequest& request, uint64_t connection_id) const {
  ClientKey client{request.listener, request.circuit_id, connection_id};
  Plan plan = Begin(request.listener, request.method, request.path, client,
                    RateLimiter::Clock::now(), request.query);
  if (!plan.early && request.body.size() > plan.body_limit) {
    HttpResponse r = ErrorOn(plan.route, request.path, request.query, 413, "body_too_large",
                             "The request body is too large.");
    r.close = true;
    return r;
  }
  return Finish(plan, request);
}

}  // namespace dojava::http
