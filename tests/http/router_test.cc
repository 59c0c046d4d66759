#include "service/http/router.h"

#include <catch2/catch_test_macros.hpp>

namespace dojava::http {
namespace {

HttpResponse Ok(const HttpRequest&, const RouteParams&) { return JsonOk("{}"); }

TEST_CASE("Router matches literal and parameter segments per listener and method", "[router]") {
  Router r;
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/instance", {}, Ok).ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPut, "/api/v1/uploads/{file}/chunks/{n}",
                {BodyClass::kChunk, RateClass::kUpload}, Ok)
              .ok());
  REQUIRE(r.Add(ListenerKind::kReviewer, Method::kGet, "/api/v1/cases", {}, Ok).ok());

  auto m = r.Find(ListenerKind::kSource, Method::kPut, "/api/v1/uploads/abc_-9/chunks/17");
  REQUIRE(m);
  CHECK(m->params.Get("file") == "abc_-9");
  CHECK(m->params.Get("n") == "17");
  CHECK(m->params.Get("nope").empty());
  CHECK(m->route->options.body == BodyClass::kChunk);

  // Wrong method, other listener, unknown path: all simply "no route".
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kPost, "/api/v1/instance"));
  CHECK_FALSE(r.Find(ListenerKind::kReviewer, Method::kGet, "/api/v1/instance"));
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, "/api/v1/cases"));
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, "/api/v1/instance/"));
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, "//api/v1/instance"));
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, "/api/v1/Instance"));
  CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, "/api/v1/%69nstance"));
  CHECK(r.Find(ListenerKind::kSource, Method::kGet, "/api/v1/instance"));
}

TEST_CASE("Router parameters refuse dots, percent, backslash and overlong values", "[router]") {
  Router r;
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/f/{id}", {}, Ok).ok());
  for (const char* bad :
       {"/f/..", "/f/.", "/f/%2e%2e", "/f/a%2fb", "/f/a\\b", "/f/a.b", "/f/", "/f/a/b"}) {
    INFO(bad);
    CHECK_FALSE(r.Find(ListenerKind::kSource, Method::kGet, bad));
  }
  CHECK(r.Find(ListenerKind::kSource, Method::kGet, "/f/" + std::string(kMaxParamLength, 'a')));
  CHECK_FALSE(
      r.Find(ListenerKind::kSource, Method::kGet, "/f/" + std::string(kMaxParamLength + 1, 'a')));
}

TEST_CASE("Router rejects malformed and overlapping patterns", "[router]") {
  Router r;
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "api", {}, Ok).code() == Code::kInvalidArgument);
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "/a//b", {}, Ok).code() ==
        Code::kInvalidArgument);
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "/a/../b", {}, Ok).code() ==
        Code::kInvalidArgument);
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "/a/{b c}", {}, Ok).code() ==
        Code::kInvalidArgument);
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "/a", {}, nullptr).code() ==
        Code::kInvalidArgument);
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/a/{id}", {}, Ok).ok());
  CHECK(r.Add(ListenerKind::kSource, Method::kGet, "/a/literal", {}, Ok).code() ==
        Code::kAlreadyExists);
  CHECK(r.Add(ListenerKind::kSource, Method::kPost, "/a/literal", {}, Ok).ok());
  CHECK(r.Add(ListenerKind::kReviewer, Method::kGet, "/a/{id}", {}, Ok).ok());
  CHECK(r.size() == 3);
}

}  // namespace
TEST_CASE("Router::Wrap replaces exactly one route's handler, before the server starts",
          "[router]") {
  Router r;
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPost, "/api/v1/cases", {}, Ok).ok());
  REQUIRE(r.Add(ListenerKind::kReviewer, Method::kPost, "/api/v1/cases", {}, Ok).ok());
  int seen = 0;
  REQUIRE(r.Wrap(ListenerKind::kSource, Method::kPost, "/api/v1/cases", [&seen](Handler inner) {
             return Handler([&seen, inner](const HttpRequest& q, const RouteParams& p) {
               HttpResponse response = inner(q, p);
               seen = response.status;
               return response;
             });
           }).ok());
  HttpRequest request;
  auto source = r.Find(ListenerKind::kSource, Method::kPost, "/api/v1/cases");
  REQUIRE(source);
  CHECK(source->route->handler(request, source->params).status == 200);
  CHECK(seen == 200);  // the wrapper saw the inner handler's answer
  seen = 0;
  auto reviewer = r.Find(ListenerKind::kReviewer, Method::kPost, "/api/v1/cases");
  reviewer->route->handler(request, reviewer->params);
  CHECK(seen == 0);  // the other listener's route is untouched
  CHECK(r.Wrap(ListenerKind::kSource, Method::kGet, "/api/v1/cases", [](Handler h) {
           return h;
         }).code() == Code::kNotFound);
  CHECK(r.Wrap(ListenerKind::kSource, Method::kPost, "/api/v1/nope", [](Handler h) {
           return h;
         }).code() == Code::kNotFound);
}

}  // namespace dojava::http
