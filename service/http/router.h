// Router: (listener, method, path pattern) -> handler.
//
// Patterns are absolute paths of literal segments ([A-Za-z0-9._-]+) and
// parameter segments "{name}". A parameter matches 1..128 characters of
// [A-Za-z0-9_-] and nothing else, so '%', '.', '/' and '\' can never reach a
// handler through a parameter. Paths are matched byte for byte, never
// percent-decoded: an encoded path matches no route.
//
// A route exists on one listener only. Find() answers "no route" for an
// unknown path and for a known path with another method alike, so callers
// answer both with the same 404.
//
// Thread safety: Add() before the server starts; Find() is then safe from any
// thread (const, no mutation).
#ifndef DOJAVA_SERVICE_HTTP_ROUTER_H_
#define DOJAVA_SERVICE_HTTP_ROUTER_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "service/http/http_config.h"
#include "service/http/http_message.h"

namespace dojava::http {

inline constexpr size_t kMaxParamLength = 128;

class RouteParams {
 public:
  // The value captured by "{name}", or empty if the pattern has no such name.
  std::string_view Get(std::string_view name) const;
  void Add(std::string_view name, std::string_view value);
  size_t size() const { return values_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Which body cap applies: decided from the route before the body is read.
// kForm: the no-JavaScript pages' HTML forms (form_body_limit_bytes, and
// the server-wide form_inflight_bytes budget checked from Content-Length).
enum class BodyClass { kJson, kChunk, kForm };

struct RouteOptions {
  // A constructor (not an aggregate) so that routes written as
  // {body, rate[, runs_inline]} need not name error_page.
  RouteOptions(BodyClass b = BodyClass::kJson, RateClass r = RateClass::kApi, bool inline_ = false)
      : body(b), rate(r), runs_inline(inline_) {}

  BodyClass body = BodyClass::kJson;
  RateClass rate = RateClass::kApi;
  // The handler answers from memory and never blocks (no store, no
  // Argon2id): it runs on the I/O thread instead of the handler pool, which
  // saves two thread hops on the hottest routes. Everything else: false.
  bool runs_inline = false;
  // Optional: the page for the errors the HTTP layer itself answers on this
  // route once it is known (400 malformed body, 408, 411, 413, 503 form
  // budget), given the status and the raw query (e.g. "lang=sq"). It must
  // answer from memory. Empty: ErrorFor()'s generic page.
  std::function<HttpResponse(int status, std::string_view query)> error_page;
};

// A handler is pure: it turns a request into a response, does no socket I/O
// and may be called concurrently from several threads. Exceptions it throws
// are caught by RequestHandler and answered with a generic 500.
using Handler = std::function<HttpResponse(const HttpRequest&, const RouteParams&)>;

struct Route {
  ListenerKind listener;
  Method method;
  std::string pattern;
  std::vector<std::string> segments;  // "{name}" for parameters
  RouteOptions options;
  Handler handler;
};

class Router {
 public:
  // Adds a route. kInvalidArgument for a malformed pattern or a missing
  // handler; kAlreadyExists if (listener, method, pattern) overlaps a route
  // already added (same segment shape).
  Status Add(ListenerKind listener, Method method, std::string_view pattern, RouteOptions options,
             Handler handler);

  struct Match {
    const Route* route = nullptr;  // owned by the Router
    RouteParams params;
  };
  // The route for exactly this listener, method and path, or nullopt.
  std::optional<Match> Find(ListenerKind listener, Method method, std::string_view path) const;

  // Replaces the handler of the route added with exactly this listener,
  // method and pattern by wrap(old handler) (e.g. to observe its responses).
  // kNotFound if there is no such route. Before the server starts only.
  Status Wrap(ListenerKind listener, Method method, std::string_view pattern,
              const std::function<Handler(Handler)>& wrap);

  size_t size() const { return routes_.size(); }

  // Optional: the page for the HTML errors (paths outside /api/) that no
  // route's error_page answers: 404, 429, 500 (RequestHandler). The same
  // shape as RouteOptions::error_page; it must answer from memory. Empty:
  // ErrorFor()'s generic page.
  using ErrorPage = std::function<HttpResponse(int status, std::string_view query)>;
  void SetPageErrors(ErrorPage page) { page_errors_ = std::move(page); }
  const ErrorPage& page_errors() const { return page_errors_; }

 private:
  std::vector<Route> routes_;
  ErrorPage page_errors_;
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_ROUTER_H_
