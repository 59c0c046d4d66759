#include "service/http/http_message.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>

namespace dojava::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

std::string HtmlEscape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string_view ListenerName(ListenerKind kind) {
  return kind == ListenerKind::kSource ? "source" : "reviewer";
}

Method ParseMethod(std::string_view token) {
  if (token == "GET") return Method::kGet;
  if (token == "HEAD") return Method::kHead;
  if (token == "POST") return Method::kPost;
  if (token == "PUT") return Method::kPut;
  if (token == "DELETE") return Method::kDelete;
  if (token == "PATCH") return Method::kPatch;
  if (token == "OPTIONS") return Method::kOptions;
  return Method::kOther;
}

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kDelete: return "DELETE";
    case Method::kPatch: return "PATCH";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

bool IsForwardedHeader(std::string_view name) {
  for (std::string_view h : kForwardedHeaders) {
    if (EqualsIgnoreCase(name, h)) return true;
  }
  return StartsWithIgnoreCase(name, kForwardedHeaderPrefix) &&
         name.size() > kForwardedHeaderPrefix.size();
}

std::optional<std::string_view> HttpRequest::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (EqualsIgnoreCase(n, name)) return v.reveal_chars();
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string_view, std::string_view>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kHeaders = {
      {"Cache-Control", "no-store"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Content-Type-Options", "nosniff"},
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
      {"Permissions-Policy",
       "accelerometer=(), autoplay=(), camera=(), clipboard-read=(), clipboard-write=(), "
       "display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), "
       "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
       "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
       "web-share=(), xr-spatial-tracking=()"},
  };
  return kHeaders;
}

bool IsReservedResponseHeader(std::string_view name) {
  for (const auto& [n, v] : SecurityHeaders()) {
    if (EqualsIgnoreCase(name, n)) return true;
  }
  for (std::string_view n : {"server", "date", "etag", "last-modified", "content-length",
                             "transfer-encoding", "connection", "content-type", "keep-alive",
                             "set-cookie"}) {
    if (EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

HttpResponse JsonError(int status, std::string_view code, std::string_view message) {
  boost::json::object inner;
  inner["code"] = code;
  inner["message"] = message;
  boost::json::object outer;
  outer["error"] = std::move(inner);
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = boost::json::serialize(outer);
  return r;
}

HttpResponse HtmlError(int status, std::string_view title, std::string_view message) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  const std::string t = HtmlEscape(title);
  r.body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + t +
           "</title></head><body><h1>" + t + "</h1><p>" + HtmlEscape(message) +
           "</p></body></html>\n";
  return r;
}

bool IsApiPath(std::string_view path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

HttpResponse ErrorFor(std::string_view path, int status, std::string_view code,
                      std::string_view message) {
  if (path.empty() || IsApiPath(path)) return JsonError(status, code, message);
  return HtmlError(status, std::to_string(status) + " " + std::string(ReasonPhrase(status)),
                   message);
}

HttpResponse JsonOk(std::string json_text, int status) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(json_text);
  return r;
}

HttpResponse JsonPublic(std::shared_ptr<const std::string> json_text) {
  HttpResponse r;
  r.content_type = "application/json";
  r.public_body = std::move(json_text);
  return r;
}

std::string_view ResponseBody(const HttpResponse& response) {
  return response.public_body ? std::string_view(*response.public_body)
                              : std::string_view(response.body);
}

bool StatusHasNoBody(int status) {
  return (status >= 100 && status < 200) || status == 204 || status == 304;
}

namespace {

// RFC 9110 token characters (header names).
bool IsTokenText(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0 && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// A header value without CR, LF, NUL or other control characters (tab is
// allowed), so nothing can be smuggled into the head.
bool IsSafeHeaderValue(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

// SecurityHeaders() as wire text, built once.
const std::string& SecurityHeaderBlock() {
  static const std::string kBlock = [] {
    std::string b;
    for (const auto& [name, value] : SecurityHeaders()) {
      b.append(name).append(": ").append(value).append("\r\n");
    }
    return b;
  }();
  return kBlock;
}

}  // namespace

void AppendResponseHead(const HttpResponse& response, size_t body_size, bool keep_alive,
                        std::string* out) {
  const int status = response.status >= 100 && response.status <= 999 ? response.status : 500;
  out->append("HTTP/1.1 ");
  out->append(std::to_string(status));
  out->push_back(' ');
  out->append(ReasonPhrase(status));
  out->append("\r\n");
  out->append(SecurityHeaderBlock());
  if (IsSafeHeaderValue(response.content_type)) {
    out->append("Content-Type: ").append(response.content_type).append("\r\n");
  }
  for (const auto& [name, value] : response.headers) {
    if (IsReservedResponseHeader(name) || !IsTokenText(name) || !IsSafeHeaderValue(value)) {
      continue;
    }
    out->append(name).append(": ").append(value).append("\r\n");
  }
  if (!StatusHasNoBody(status)) {
    out->append("Content-Length: ").append(std::to_string(body_size)).append("\r\n");
  }
  if (!keep_alive) out->append("Connection: close\r\n");
  out->append("\r\n");
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    default: return "Unknown";
  }
}

}  // namespace dojava::http
