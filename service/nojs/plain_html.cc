#include "service/nojs/plain_html.h"

namespace dojava::nojs {

std::string SizeText(const Catalogues& cat, std::string_view lang, uint64_t n) {
  if (n < 1024) return cat.Text(lang, "size_bytes", {{"n", std::to_string(n)}});
  if (n < 1024 * 1024)
    return cat.Text(lang, "size_kib", {{"n", std::to_string((n + 1023) / 1024)}});
  return cat.Text(lang, "size_mib", {{"n", std::to_string((n + (1 << 20) - 1) >> 20)}});
}

std::string PlainHtml::LangOf(std::string_view q) const {
  if (q.substr(0, 5) == "lang=") return std::string(cat_->Choose(q.substr(5)));
  return std::string(kDefaultLanguage);
}

std::string PlainHtml::LangOf(const http::HttpRequest& request) const {
  if (!LanguageOfQuery(request.query).empty()) return LangOf(request.query);
  const auto accept = request.Header("accept-language");
  const std::string_view preferred = accept ? LanguageOfAcceptLanguage(*accept) : "";
  return std::string(preferred.empty() ? kDefaultLanguage : preferred);
}

std::string PlainHtml::T(std::string_view lang, std::string_view key) const {
  std::string s;
  Escape(&s, cat_->Text(lang, key));
  return s;
}

void PlainHtml::LanguageLinks(PageText* out, std::string_view lang,
                              std::string_view self_path) const {
  *out += "<nav class=\"lang\" aria-label=\"";
  Escape(out, cat_->Text(lang, "language"));
  *out += "\">\n";
  for (const Language& other : Languages()) {
    *out += "<a href=\"" + std::string(self_path) + "?lang=" + std::string(other.code) +
            "\" hreflang=\"" + std::string(other.code) + "\" lang=\"" + std::string(other.code) +
            "\"";
    if (other.code == lang) *out += " aria-current=\"page\"";
    *out += ">";
    Escape(out, other.name);
    *out += "</a>\n";
  }
  *out += "</nav>\n";
}

void PlainHtml::Begin(PageText* out, std::string_view lang, std::string_view title_key,
                      std::string_view self_path) const {
  const std::string l(lang);
  *out += "<!DOCTYPE html>\n<html lang=\"";
  *out += l;
  *out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
  Escape(out, cat_->Text(lang, title_key));
  *out += " — ";
  Escape(out, instance_name_);
  *out += "</title>\n<link rel=\"stylesheet\" href=\"/css/dojava.css\">\n</head>\n<body>\n";
  *out += "<a class=\"skip\" href=\"#main\">";
  Escape(out, cat_->Text(lang, "skip_to_content"));
  *out += "</a>\n<header class=\"top\">\n<p class=\"brand\">";
  Escape(out, instance_name_);
  *out += "</p>\n<nav aria-label=\"";
  Escape(out, cat_->Text(lang, "nav_label"));
  *out += "\">\n<a href=\"/plain?lang=" + l + "\">";
  Escape(out, cat_->Text(lang, "nav_submit"));
  *out += "</a>\n<a href=\"/plain/return?lang=" + l + "\">";
  Escape(out, cat_->Text(lang, "nav_return"));
  *out += "</a>\n</nav>\n";
  if (!self_path.empty()) LanguageLinks(out, lang, self_path);
  *out += "</header>\n<main id=\"main\" tabindex=\"-1\">\n";
  // Which path this is, and what it means.
  *out += "<div class=\"box warn\" id=\"plain-path\">\n<p>";
  Escape(out, cat_->Text(lang, "plain_path_note"));
  *out += "</p>\n<p><a href=\"/";
  *out += self_path.find("return") != std::string_view::npos ? "return.html" : "index.html";
  *out += "#lang=" + l + "\">";
  Escape(out, cat_->Text(lang, "plain_js_link"));
  *out += "</a></p>\n</div>\n";
}

void PlainHtml::End(PageText* out) const { *out += "</main>\n</body>\n</html>\n"; }

http::HttpResponse PlainHtml::Page(const PageText& html, int status) const {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body.reserve(html.size());
  r.body.append(html.data(), html.size());
  return r;
}

http::HttpResponse PlainHtml::ErrorPage(std::string_view lang, int status, std::string_view message,
                                        std::string_view back_path) const {
  PageText out;
  Begin(&out, lang, "plain_title", "");
  out += "<div class=\"alert\" role=\"alert\" id=\"plain-error\"><p>";
  Escape(&out, message);
  out +=
      "</p></div>\n<p><a href=\"" + std::string(back_path) + "?lang=" + std::string(lang) + "\">";
  Escape(&out, cat_->Text(lang, "plain_back"));
  out += "</a></p>\n";
  End(&out);
  return Page(out, status);
}

http::HttpResponse PlainHtml::LayerErrorPage(int status, std::string_view query,
                                             std::string_view back_path) const {
  const std::string lang = LangOf(query);
  std::string key = "plain_err_form";
  if (status == 413) key = "plain_err_too_large";
  if (status == 503) key = "plain_err_busy";
  if (status == 408) key = "err_api_timeout";
  if (status == 429) key = "err_api_rate_limited";
  if (status == 500) key = "err_api_internal";
  return ErrorPage(lang, status, cat_->Text(lang, key, {{"max", FormLimitText(lang)}}), back_path);
}

}  // namespace dojava::nojs
