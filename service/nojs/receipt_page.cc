// GET /plain/receipt/TOKEN: the receipt of a report sent from the form of
// TOKEN, shown once after the 303 redirect of POST /plain/submit (a reload
// or a resubmission shows it no second time and creates no second case:
// form_tokens.h), with how long the case lives and when to come back.
#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {

http::HttpResponse NojsPagesImpl::RedirectToReceipt(std::string_view lang,
                                                    std::string_view token_text) const {
  // The token names a receipt shown once and held a short time: it is dead
  // by the time the URL is in the browser's history. No Referer leaves the
  // page (Referrer-Policy: no-referrer) and the server logs no paths.
  http::HttpResponse r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back(
      "Location", "/plain/receipt/" + std::string(token_text) + "?lang=" + std::string(lang));
  return r;
}

http::HttpResponse NojsPagesImpl::GetReceiptPage(const HttpRequest& request) {
  const std::string lang = html_.LangOf(request);
  const std::string_view path = request.path;
  const std::string_view token_text = path.substr(path.rfind('/') + 1);
  FormTokens::Claim claim = FormTokens::Claim::kUnknown;
  SecretBytes formatted;
  if (token_text.size() == protocol::Base64UrlLength(kTokenBytes)) {
    auto token = Base64UrlDecodeSecret(token_text);
    if (token.ok()) formatted = form_tokens_.TakeReceipt(token->reveal(), &claim);
  }
  if (claim != FormTokens::Claim::kReceipt) return ReceiptGonePage(lang, 410);
  return ReceiptPage(lang, formatted);
}

http::HttpResponse NojsPagesImpl::ReceiptPage(std::string_view lang,
                                              const SecretBytes& formatted) const {
  auto t = [&](std::string_view key) { return html_.T(lang, key); };
  const auto settings = store_->GetSettings();
  const int64_t days = settings.ok() ? settings->retention_days : 0;
  PageText out;
  html_.Begin(&out, lang, "receipt_title", "");
  out += "<section id=\"plain-receipt\">\n<h1>" + t("receipt_title") + "</h1>\n<p>" +
         t("receipt_lead") + "</p>\n<p class=\"receipt\" id=\"receipt-value\" translate=\"no\">";
  out.append(formatted.reveal_chars());  // digits and '-' only
  out += "</p>\n<p class=\"note\" id=\"plain-once\">" + t("plain_receipt_once") + "</p>\n";
  out += "<div class=\"box\">\n<h2>" + t("receipt_advice_title") + "</h2>\n<ul>\n";
  for (const char* k : {"receipt_advice_write", "receipt_advice_secret", "receipt_advice_lost",
                        "receipt_advice_return", "receipt_advice_close"}) {
    out += "<li>" + t(k) + "</li>\n";
  }
  out += "</ul>\n</div>\n";
  if (days > 0) {
    out += "<p id=\"plain-retention\">";
    Escape(&out, cat_.Plural(lang, "plain_retention", static_cast<uint64_t>(days),
                             {{"days", std::to_string(days)}}));
    out += "</p>\n";
  }
  out += "<p><a href=\"/plain/return?lang=" + std::string(lang) + "\">" + t("nav_return") +
         "</a></p>\n</section>\n";
  html_.End(&out);
  return html_.Page(out, 200);
}

http::HttpResponse NojsPagesImpl::ReceiptGonePage(std::string_view lang, int status) const {
  return html_.ErrorPage(lang, status, cat_.Text(lang, "plain_receipt_gone"), "/plain/return");
}

}  // namespace dojava::nojs
