// RequestHandler: the pure part of the server. Given what the session has
// read, it decides (1) before the body is read: which route, which body cap,
// whether the rate limit admits the request; (2) after: the response. No
// socket I/O, so all of it is tested without sockets.
//
// Unknown paths and known paths with the wrong method get the same 404. Errors
// under /api/ are ErrorFor()'s JSON; HTML errors (404, 413, 429, 500) are the
// route's error page, else the router's (Router::SetPageErrors: the server's
// pages in the source's language), else ErrorFor()'s generic page.
//
// Thread safety: Begin()/Finish()/Handle() may be called concurrently once
// constructed (the router is read-only, the rate limiter locks).
#ifndef DOJAVA_SERVICE_HTTP_REQUEST_HANDLER_H_
#define DOJAVA_SERVICE_HTTP_REQUEST_HANDLER_H_

#include <chrono>
#include <cstdint>
#include <optional>

#include "service/http/http_config.h"
#include "service/http/http_message.h"
#include "service/http/rate_limiter.h"
#include "service/http/router.h"
#include "service/http/static_files.h"

namespace dojava::http {

// The one 404 every unknown or wrong-method request gets on `path`.
HttpResponse NotFoundFor(std::string_view path);

class RequestHandler {
 public:
  // `source_static` is served (GET only) on the source listener for paths
  // outside /api/ that no route claims.
  RequestHandler(const HttpConfig& config, Router router, StaticFiles source_static);

  struct Plan {
    // Set if the request is answered without reading a body (404, 429).
    std::optional<HttpResponse> early;
    uint64_t body_limit = 0;  // bytes the body may have
    const Route* route = nullptr;
    RouteParams params;
    const StaticFile* static_file = nullptr;
  };

  // Step 1, after the header: route lookup, body cap, rate limit. `query`
  // (the raw query, e.g. "lang=sq") only chooses the language of an HTML
  // error page.
  Plan Begin(ListenerKind listener, Method method, std::string_view path, const ClientKey& client,
             RateLimiter::Clock::time_point now, std::string_view query = {}) const;

  // Step 2, after the body: the response for a Plan without `early`.
  // A handler's exception becomes a generic 500 (logged without request data).
  HttpResponse Finish(const Plan& plan, const HttpRequest& request) const;

  // Begin + Finish for a request already complete (tests, the no-body case).
  // Answers 413 if the body exceeds the plan's cap.
  HttpResponse Handle(const HttpRequest& request, uint64_t connection_id = 0) const;

  // An error on `path`: JSON under /api/ (and when no path is known);
  // otherwise the route's error page, else the router's page for errors
  // (Router::SetPageErrors: translated), else ErrorFor()'s generic page.
  // Also the answer of the request reader's own refusals (400, 408, 431...).
  HttpResponse ErrorOn(const Route* route, std::string_view path, std::string_view query,
                       int status, std::string_view code, std::string_view message) const;

 private:
  HttpConfig config_;
  Router router_;
  StaticFiles static_;
  mutable RateLimiter limiter_;
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_REQUEST_HANDLER_H_
