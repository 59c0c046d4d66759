// Every JSON request body of the API: the first byte picks a route (modulo
// the table below), the rest is its body, sent with the right content type
// and credentials (a logged-in token, the case's lookup key) so that the body
// parsers behind authentication are reached. Placeholders of
// fuzz/api_harness.h in the body are replaced too ($CASE, $REVIEWER...).
#include <string>

#include "fuzz/api_harness.h"
#include "fuzz/fuzz_input.h"

namespace {

using dojava::http::ListenerKind;
using dojava::http::Method;

enum class Auth { kNone, kToken, kLookupKey };

struct JsonRoute {
  ListenerKind listener;
  Method method;
  const char* path;  // placeholders allowed
  Auth auth;
};

constexpr JsonRoute kRoutes[] = {
    {ListenerKind::kSource, Method::kPost, "/api/v1/uploads", Auth::kNone},
    {ListenerKind::kSource, Method::kPost, "/api/v1/cases", Auth::kNone},
    {ListenerKind::kSource, Method::kPost, "/api/v1/source/messages", Auth::kLookupKey},
    {ListenerKind::kReviewer, Method::kPut, "/api/v1/roster", Auth::kNone},
    {ListenerKind::kReviewer, Method::kPost, "/api/v1/login/challenge", Auth::kNone},
    {ListenerKind::kReviewer, Method::kPost, "/api/v1/login", Auth::kNone},
    {ListenerKind::kReviewer, Method::kPost, "/api/v1/cases/$CASE/messages", Auth::kToken},
    {ListenerKind::kReviewer, Method::kPost, "/api/v1/cases/$CASE/keys", Auth::kToken},
    {ListenerKind::kReviewer, Method::kPost, "/api/v1/uploads", Auth::kToken},
};
constexpr size_t kRouteCount = sizeof(kRoutes) / sizeof(kRoutes[0]);

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::ApiHarness& h = fuzz::ApiHarness::Get();
  h.BeginInput();
  fuzz::FuzzInput in(data, size);
  const JsonRoute& route = kRoutes[in.Byte() % kRouteCount];
  http::HttpRequest q;
  q.listener = route.listener;
  q.method = route.method;
  q.path = h.Substitute(route.path);
  q.headers.emplace_back("content-type", SecretBytes::Copy(std::string_view("application/json")));
  if (route.auth == Auth::kToken) {
    q.headers.emplace_back("authorization",
                           SecretBytes::Copy(std::string_view("Bearer " + h.token())));
  } else if (route.auth == Auth::kLookupKey) {
    q.headers.emplace_back("x-dojava-lookup-key",
                           SecretBytes::Copy(std::string_view(h.lookup_key())));
  }
  q.body = SecretBytes::Copy(std::string_view(h.Substitute(in.RestText())));
  const http::HttpResponse r = h.handler().Handle(q);
  fuzz::ApiHarness::CheckResponse(q, r);
  return 0;
}
