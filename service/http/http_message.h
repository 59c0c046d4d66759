// HttpRequest and HttpResponse: the plain values the route layer sees.
//
// No Beast or Asio type appears here, so route handlers and their tests do not
// pay Beast's compile cost. The request reader (internal/request_reader.cc)
// and the session convert between the wire and these structs; handlers are
// pure functions of an HttpRequest.
//
// What a request carries is deliberately small: no address, no port, no user
// agent, only the headers in kForwardedHeaders. Nothing here is ever logged.
#ifndef DOJAVA_SERVICE_HTTP_HTTP_MESSAGE_H_
#define DOJAVA_SERVICE_HTTP_HTTP_MESSAGE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/secret_bytes.h"

namespace dojava::http {

// Which listener a request arrived on. A route belongs to exactly one.
enum class ListenerKind { kSource = 0, kReviewer = 1 };
std::string_view ListenerName(ListenerKind kind);

enum class Method { kGet, kHead, kPost, kPut, kDelete, kPatch, kOptions, kOther };
// Exact, case-sensitive token ("GET"); anything unknown is kOther.
Method ParseMethod(std::string_view token);
std::string_view MethodName(Method method);

// Request headers handed to handlers (lower-case names); every other header is
// dropped by the session. Headers named "x-dojava-*" are forwarded as well.
// sec-fetch-site (Fetch Metadata: same-origin, same-site, cross-site, none)
// identifies nobody; the no-JavaScript pages refuse forms posted from
// another site with it. accept-language picks the no-JavaScript pages'
// language when the link names none (never logged or stored).
inline constexpr std::string_view kForwardedHeaders[] = {
    "content-type", "accept", "authorization", "sec-fetch-site", "accept-language"};
inline constexpr std::string_view kForwardedHeaderPrefix = "x-dojava-";
// True if the session hands a header of this (any-case) name to handlers.
bool IsForwardedHeader(std::string_view name);

struct HttpRequest {
  ListenerKind listener = ListenerKind::kSource;
  Method method = Method::kGet;
  std::string path;   // origin-form path, not percent-decoded, without the query
  std::string query;  // after '?', raw; empty if none
  // Forwarded headers, names lower-case, in arrival order. Values are kept in
  // guarded, wiped memory: they carry bearer tokens (authorization) and the
  // source's lookup key (x-dojava-*).
  std::vector<std::pair<std::string, SecretBytes>> headers;
  // The body. Kept in guarded memory and wiped on destruction: on the no-JS
  // path it is a plaintext report.
  SecretBytes body;
  // Tor's per-circuit id from the PROXY v1 line, when the listener has
  // proxy_protocol enabled. Never stored or logged; used for rate limiting.
  std::optional<uint32_t> circuit_id;

  // First header with this name (case-insensitive), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;  // empty: no Content-Type (e.g. 204)
  // The body. The session wipes it once written: it may carry a bearer token
  // (login) or ciphertext a source asked for.
  std::string body;
  // A public body shared without a copy (the cached instance document):
  // immutable and never wiped, so it must never hold anything secret. When
  // set, it is sent instead of `body`, which stays empty.
  std::shared_ptr<const std::string> public_body;
  // Extra headers a route wants (e.g. Location). The session refuses to let
  // these override the security headers: names in SecurityHeaders() and
  // "server", "date", "etag", "content-length", "transfer-encoding",
  // "connection" are dropped.
  std::vector<std::pair<std::string, std::string>> headers;
  // Close the connection after this response (set for every error the session
  // produces itself: 400, 408, 413, 431...).
  bool close = false;
};

// The headers put on every response, in order. No Server, no Date, no ETag.
const std::vector<std::pair<std::string_view, std::string_view>>& SecurityHeaders();

// True for header names a route may not set (see HttpResponse::headers).
bool IsReservedResponseHeader(std::string_view name);

// {"error": {"code": code, "message": message}} with `status`, as
// application/json. code is a stable snake_case token; message is for people
// and must not contain request data.
HttpResponse JsonError(int status, std::string_view code, std::string_view message);

// A small HTML page for non-API paths; title and message are escaped.
HttpResponse HtmlError(int status, std::string_view title, std::string_view message);

// JsonError for paths under /api/ (and for an unknown path), HtmlError
// otherwise. The one place that decides the error shape.
HttpResponse ErrorFor(std::string_view path, int status, std::string_view code,
                      std::string_view message);

// A 200 JSON response with an already-serialised body.
HttpResponse JsonOk(std::string json_text, int status = 200);

// A 200 JSON response whose body is shared, not copied (public_body): only
// for public documents held in memory. `json_text` must not be null.
HttpResponse JsonPublic(std::shared_ptr<const std::string> json_text);

// The bytes a response sends as its body: *public_body if set, else body.
std::string_view ResponseBody(const HttpResponse& response);

// True for statuses that never carry a body or a Content-Length (1xx, 204,
// 304, RFC 9110 section 6.4.1 and 8.6).
bool StatusHasNoBody(int status);

// Appends the wire form of `response`'s head to *out: the status line,
// SecurityHeaders() (one block prepared once), Content-Type, the route's own
// headers that are allowed (not reserved, token names, values without
// control characters; others are dropped), Content-Length (except where
// StatusHasNoBody), "Connection: close" unless keep_alive, and the blank
// line. Never a Server, Date or ETag header. The session reuses one string
// per connection, so a response costs no allocation here.
void AppendResponseHead(const HttpResponse& response, size_t body_size, bool keep_alive,
                        std::string* out);

// Standard reason phrase ("Not Found"), "Unknown" for others.
std::string_view ReasonPhrase(int status);

bool IsApiPath(std::string_view path);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_HTTP_MESSAGE_H_
