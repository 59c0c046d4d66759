// AddNojsRoutes and the route table of the no-JavaScript pages; the pages
// themselves are in submit_page.cc, return_page.cc, conversation.cc and
// download_page.cc (nojs_pages_impl.h).
#include "service/nojs/nojs_pages.h"

#include <utility>

#include "service/nojs/nojs_pages_impl.h"
#include "service/nojs/server_error_page.h"

namespace dojava::nojs {
namespace {

// Fetch Metadata (W3C): the browser says where a request comes from, and a
// page cannot set the header. A form posted by another site's page
// (cross-site, or same-site: another name under the same site) is refused:
// posted to /plain/return with an attacker's receipt, it would open the
// attacker's case in the source's browser, and whatever the source then
// wrote there the attacker would read with that receipt. Tor Browser sends
// it to onion services (secure contexts). Absent (an old browser, the CLI,
// tests): allowed, as the token and the receipt protect everything else.
bool PostedFromAnotherSite(const http::HttpRequest& request) {
  const auto site = request.Header("sec-fetch-site");
  return site && *site != "same-origin" && *site != "none";
}

}  // namespace

NojsPagesImpl::NojsPagesImpl(service::Store* store, std::shared_ptr<api::CaseIntake> intake,
                             PageOptions options, Catalogues catalogues)
    : store_(store),
      intake_(std::move(intake)),
      options_(std::move(options)),
      cat_(std::move(catalogues)),
      html_(&cat_, options_.instance_name, options_.form_body_limit_bytes),
      sessions_(
          std::chrono::seconds(options_.session_idle_seconds), options_.max_sessions,
          options_.now ? options_.now : [] { return std::chrono::steady_clock::now(); }),
      form_tokens_(
          std::chrono::seconds(options_.form_token_seconds),
          std::chrono::seconds(options_.receipt_hold_seconds), options_.max_form_tokens,
          options_.now ? options_.now : [] { return std::chrono::steady_clock::now(); }) {}

Status NojsPagesImpl::AddRoutes(http::Router* router) {
  std::shared_ptr<NojsPagesImpl> self = shared_from_this();
  const auto S = http::ListenerKind::kSource;
  const http::RouteOptions page{http::BodyClass::kJson, http::RateClass::kStatic, true};
  const http::RouteOptions costly_form{http::BodyClass::kForm, http::RateClass::kCostly};
  const http::RouteOptions costly{http::BodyClass::kJson, http::RateClass::kCostly};
  const http::RouteOptions form{http::BodyClass::kForm, http::RateClass::kApi};
  const http::RouteOptions small{http::BodyClass::kJson, http::RateClass::kApi};
  struct R {
    http::Method method;
    const char* path;
    http::RouteOptions options;
    Fn fn;
  };
  const R routes[] = {
      {http::Method::kGet, "/plain", page, &NojsPagesImpl::GetSubmitPage},
      {http::Method::kGet, "/plain/return", page, &NojsPagesImpl::GetReturnPage},
      {http::Method::kGet, "/plain/receipt/{token}", page, &NojsPagesImpl::GetReceiptPage},
      {http::Method::kPost, "/plain/submit", costly_form, &NojsPagesImpl::PostSubmit},
      {http::Method::kPost, "/plain/return", costly, &NojsPagesImpl::PostReturn},
      {http::Method::kPost, "/plain/reply", form, &NojsPagesImpl::PostReply},
      {http::Method::kPost, "/plain/file", small, &NojsPagesImpl::PostFile},
      {http::Method::kPost, "/plain/leave", small, &NojsPagesImpl::PostLeave},
  };
  for (const R& r : routes) {
    http::RouteOptions o = r.options;
    http::Handler handler = [self, fn = r.fn](const HttpRequest& request,
                                              const http::RouteParams&) {
      return ((*self).*fn)(request);
    };
    // The HTTP layer's own refusals (429 over a rate, 413 over the form
    // limit, 503 over the in-flight budget, 408...) as a page in the
    // source's language: the links and forms carry "?lang=CODE" for this.
    const std::string_view path(r.path);
    const std::string back =
        path == "/plain" || path == "/plain/submit" || path.starts_with("/plain/receipt/")
            ? "/plain"
            : "/plain/return";
    o.error_page = [self, back](int status, std::string_view query) {
      return self->html_.LayerErrorPage(status, query, back);
    };
    if (r.method == http::Method::kPost) {
      handler = [self, fn = r.fn, back](const HttpRequest& request, const http::RouteParams&) {
        if (PostedFromAnotherSite(request)) {
          const std::string lang = self->html_.LangOf(request.query);
          return self->html_.ErrorPage(lang, 403, self->cat_.Text(lang, "err_api_bad_request"),
                                       back);
        }
        return ((*self).*fn)(request);
      };
    }
    DOJAVA_RETURN_IF_ERROR(router->Add(S, r.method, r.path, o, std::move(handler)));
  }
  // Every other HTML error of the server (404, 429, 500 on the static
  // pages...): in the language the query names, else in all of them.
  router->SetPageErrors([self](int status, std::string_view query) {
    return ServerErrorPage(self->cat_, status, query);
  });
  return Status::Ok();
}

Result<std::shared_ptr<NojsPages>> AddNojsRoutes(http::Router* router, service::Store* store,
                                                 std::shared_ptr<api::CaseIntake> intake,
                                                 const NojsOptions& nojs,
                                                 const api::ApiOptions& api,
                                                 const http::HttpConfig& http) {
  if (router == nullptr || store == nullptr || intake == nullptr) {
    return Status(Code::kInvalidArgument, "no router, store or intake");
  }
  DOJAVA_RETURN_IF_ERROR(NojsOptions::Keys().Check(nojs, "nojs."));
  PageOptions options;
  static_cast<NojsOptions&>(options) = nojs;
  options.instance_name = api.instance_name;
  options.message_characters = api.message_characters;
  options.form_body_limit_bytes = http.form_body_limit_bytes;
  options.static_dir = http.static_dir;
  DOJAVA_RETURN_IF_ERROR(store->GetSettings().status());
  DOJAVA_ASSIGN_OR_RETURN(Catalogues catalogues, Catalogues::Load(options.static_dir));
  auto pages = std::make_shared<NojsPagesImpl>(store, std::move(intake), std::move(options),
                                               std::move(catalogues));
  DOJAVA_RETURN_IF_ERROR(pages->AddRoutes(router));
  return std::shared_ptr<NojsPages>(pages);
}

}  // namespace dojava::nojs
