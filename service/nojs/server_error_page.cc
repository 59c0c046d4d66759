#include "service/nojs/server_error_page.h"

#include <string>

#include "service/nojs/plain_html.h"

namespace dojava::nojs {

std::string_view ServerErrorKey(int status) {
  switch (status) {
    case 400:
      return "err_api_bad_request";
    case 404:
      return "err_api_not_found";
    case 408:
      return "err_api_timeout";
    case 413:
      return "err_api_body_too_large";
    case 431:  // a request head over the limit
      return "err_api_bad_request";
    case 429:
      return "err_api_rate_limited";
    case 503:
      return "plain_err_busy";
    default:
      return "err_api_internal";
  }
}

http::HttpResponse ServerErrorPage(const Catalogues& cat, int status, std::string_view query) {
  const std::string_view one = LanguageOfQuery(query);
  const std::string code = std::to_string(status);
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += one.empty() ? kDefaultLanguage : one;
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" +
      code +
      "</title>\n<link rel=\"stylesheet\" href=\"/css/dojava.css\">\n</head>\n<body>\n"
      "<main id=\"main\">\n<h1>" +
      code + "</h1>\n<div class=\"alert\" role=\"alert\" id=\"server-error\">\n";
  for (const Language& l : Languages()) {
    if (!one.empty() && l.code != one) continue;
    out += "<p lang=\"";
    out += l.code;
    out += "\">";
    Escape(&out, cat.Text(l.code, ServerErrorKey(status)));
    // A way on: the start page in this language (without JavaScript its
    // <noscript> box leads to /plain).
    out += " <a href=\"/index.html#lang=";
    out += l.code;
    out += "\">";
    Escape(&out, cat.Text(l.code, "nav_submit"));
    out += "</a></p>\n";
  }
  out += "</div>\n</main>\n</body>\n</html>\n";
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(out);
  return r;
}

}  // namespace dojava::nojs
