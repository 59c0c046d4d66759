#include "service/nojs/nojs_pages.h"

#include <sodium.h>

#include <boost/json/parser.hpp>
#include <boost/json/static_resource.hpp>
#include <boost/json/value.hpp>
#include <mutex>
#include <condition_variable>
#include <set>
#include <utility>
#include <vector>

#include "crypto/attachment.h"
#include "base/encoding.h"
#include "crypto/message.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/roster.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "base/utf8.h"
#include "service/nojs/catalogues.h"
#include "service/nojs/form_data.h"
#include "service/nojs/plain_sessions.h"
#include "service/nojs/server_error_page.h"

namespace dojava::nojs {
namespace {

using http::HttpRequest;
using http::HttpResponse;
using http::RouteParams;

// The §11 choices, as static/www/js/payload.js COUNTRIES, INCIDENTS, RESPONSIBLE.
constexpr std::string_view kCountries[] = {"AL", "BA", "XK", "ME", "MK", "RS", "other"};
constexpr std::string_view kIncidents[] = {
    "spyware",          "interception",       "physical_surveillance", "data_request",
    "website_blocking", "content_takedown",   "internet_shutdown",     "slapp",
    "intimidation",     "disinformation",     "other"};
constexpr std::string_view kResponsible[] = {"state", "non_state", "unknown"};
constexpr size_t kTitleMaxChars = 200;  // payload.js TITLE_MAX_CHARS
constexpr size_t kWhenMaxChars = 100;   // payload.js WHEN_MAX_CHARS
constexpr size_t kMaxReceiptFieldBytes = 200;

// ---------------------------------------------------------------------------
// Source case key: the one place that wraps and opens the source's copy of
// the case key (PROTOCOL.md §7.1: under source_wrap, which only the receipt
// gives, so a server that later turns malicious cannot swap it unnoticed).
Result<Bytes> SealSourceCaseKey(const SecretBytes& ck, const crypto::Id& case_id,
                                const crypto::ReceiptKeys& rk) {
  return crypto::WrapSourceKey(ck, protocol::kRoleCaseKey, case_id, rk.source_wrap);
}

Result<SecretBytes> OpenSourceCaseKey(ByteView sealed, const crypto::Id& case_id,
                                      const crypto::ReceiptKeys& rk) {
  return crypto::OpenSourceKey(sealed, protocol::kRoleCaseKey, case_id, rk.source_wrap);
}

// ---------------------------------------------------------------------------
// A growing buffer in wiped memory: the §11 JSON body and the API request
// that carries the lookup key are written here, never in a std::string.
class SecretBuffer {
 public:
  void Append(std::string_view s) {
    if (size_ + s.size() > data_.size()) {
      SecretBytes bigger(std::max(data_.size() * 2, size_ + s.size() + 256));
      if (size_ > 0) std::memcpy(bigger.reveal_mut().data(), data_.reveal().data(), size_);
      data_ = std::move(bigger);  // the old block is wiped by sodium_free
    }
    if (!s.empty()) std::memcpy(data_.reveal_mut().data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  // A JSON string literal, escaped as JSON.stringify does (the JS page's
  // bodies and these are byte-identical for the same input).
  void JsonString(std::string_view s) {
    Append("\"");
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      const char* esc = nullptr;
      char hex[8];
      switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
          if (c < 0x20) {
            std::snprintf(hex, sizeof hex, "\\u%04x", c);
            esc = hex;
          }
      }
      if (esc != nullptr) {
        Append(s.substr(from, i - from));
        Append(esc);
        from = i + 1;
      }
    }
    Append(s.substr(from));
    Append("\"");
  }
  SecretBytes Take() {
    data_.Truncate(size_);
    size_ = 0;
    return std::move(data_);
  }

 private:
  SecretBytes data_;
  size_t size_ = 0;
};

// ---------------------------------------------------------------------------
// HTML.

// An allocator that wipes every block it frees. Pages are built by
// appending, so their string reallocates as it grows: with a plain
// std::string every outgrown block (already holding the receipt, decrypted
// report text, file names or the session token) went back to the heap
// readable. PageText wipes each one, and its last block on destruction.
template <typename T>
struct WipingAllocator {
  using value_type = T;
  WipingAllocator() = default;
  template <typename U>
  WipingAllocator(const WipingAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
  T* allocate(size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, size_t n) {
    sodium_memzero(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const WipingAllocator<U>&) const {
    return true;
  }
};
using PageText = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;

// base64url (PROTOCOL.md §2) of a secret, in wiped memory:
// Base64UrlEncode returns a std::string, which nobody wipes.
SecretBytes Base64Secret(ByteView bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  SecretBytes out(sodium_base64_encoded_len(bytes.size(), kVariant));
  sodium_bin2base64(reinterpret_cast<char*>(out.reveal_mut().data()), out.size(), bytes.data(),
                    bytes.size(), kVariant);
  out.Truncate(out.size() - 1);  // the terminating NUL
  return out;
}

// HTML-escapes `s` onto `out` (a PageText, or a std::string for catalogue
// text that holds nothing secret).
template <typename Out>
void Escape(Out* out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      default: *out += c;
    }
  }
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

std::string SizeText(const Catalogues& cat, std::string_view lang, uint64_t n) {
  if (n < 1024) return cat.Text(lang, "size_bytes", {{"n", std::to_string(n)}});
  if (n < 1024 * 1024) return cat.Text(lang, "size_kib", {{"n", std::to_string((n + 1023) / 1024)}});
  return cat.Text(lang, "size_mib", {{"n", std::to_string((n + (1 << 20) - 1) >> 20)}});
}

// A §11 FILEREF as read from a decrypted body.
struct FileRef {
  crypto::Id id{};
  SecretBytes key;
  Bytes prefix;
  uint64_t chunks = 0;
  uint64_t size = 0;
  std::string name;
};

// One opened message of the conversation.
struct Entry {
  uint64_t seq = 0;
  int64_t day = 0;
  bool from_source = false;
  std::string author;  // the reviewer's roster name
  bool undecryptable = false;
  bool unverified = false;
  bool unsupported = false;
  std::string type;
  SecretBytes text;
  std::vector<std::pair<std::string, SecretBytes>> form;  // report fields, in order
  std::vector<FileRef> files;
  size_t bad_files = 0;
};

// Fetch Metadata (W3C): the browser says where a request comes from, and a
// page cannot set the header. A form posted by another site's page
// (cross-site, or same-site: another name under the same site) is refused:
// posted to /plain/return with an attacker's receipt, it would open the
// attacker's case in the source's browser, and whatever the source then
// wrote there the attacker would read with that receipt. Tor Browser sends
// it to onion services (secure contexts). Absent (an old browser, the CLI,
// tests): allowed, as the token and the receipt protect everything else.
bool PostedFromAnotherSite(const HttpRequest& request) {
  const auto site = request.Header("sec-fetch-site");
  return site && *site != "same-origin" && *site != "none";
}

}  // namespace

// The pages' own options with what they show of the API's and the HTTP
// core's (AddNojsRoutes copies them in).
struct PageOptions : NojsOptions {
  std::string instance_name;
  int message_characters = 0;
  uint64_t form_body_limit_bytes = 0;
  std::string static_dir;
};

// ---------------------------------------------------------------------------
class NojsPagesImpl final : public NojsPages, public std::enable_shared_from_this<NojsPagesImpl> {
 public:
  NojsPagesImpl(service::Store* store, PageOptions options, Catalogues catalogues,
                http::Handler create_case, http::Handler post_message)
      : store_(store),
        options_(std::move(options)),
        cat_(std::move(catalogues)),
        create_case_(std::move(create_case)),
        post_message_(std::move(post_message)),
        sessions_(
            std::chrono::seconds(options_.session_idle_seconds), options_.max_sessions,
            options_.now ? options_.now : [] { return std::chrono::steady_clock::now(); }) {}

  void SweepExpired() override { sessions_.SweepExpired(); }
  size_t SessionCount() const override { return sessions_.size(); }

  Status AddRoutes(http::Router* router);

 private:
  using Fn = HttpResponse (NojsPagesImpl::*)(const HttpRequest&);

  // --- routes
  HttpResponse GetSubmitPage(const HttpRequest& request);
  HttpResponse GetReturnPage(const HttpRequest& request);
  HttpResponse PostSubmit(const HttpRequest& request);
  HttpResponse PostReturn(const HttpRequest& request);
  HttpResponse PostReply(const HttpRequest& request);
  HttpResponse PostFile(const HttpRequest& request);
  HttpResponse PostLeave(const HttpRequest& request);

  // --- pieces
  std::string LangOfQuery(const HttpRequest& request) const { return LangOf(request.query); }
  std::string LangOf(std::string_view query) const;
  HttpResponse LayerErrorPage(int status, std::string_view query, const std::string& back) const;
  void Begin(PageText* out, std::string_view lang, std::string_view title_key,
             std::string_view self_path) const;
  void End(PageText* out) const;
  // The response for a finished page: copied once into a body of exactly
  // its size (no reallocation; the HTTP layer wipes it after writing).
  HttpResponse Page(const PageText& html, int status = 200) const;
  HttpResponse ErrorPage(std::string_view lang, int status, std::string_view message,
                         std::string_view back_path) const;
  HttpResponse ConversationPage(std::string_view lang, const PlainSessions::Conversation& c,
                                std::string_view token_text, std::string_view notice,
                                int status = 200);
  void SubmitForm(PageText* out, std::string_view lang) const;
  // The multipart form of a report or a follow-up, within the limits; and
  // the page for a form that does not parse (400) or is over them (413).
  Result<FormData> ParseFileForm(const HttpRequest& request) const;
  HttpResponse FormErrorPage(const HttpRequest& request, const Status& status,
                             std::string_view back) const;

  // Waits for an Argon2id slot; false after kdf_wait_ms.
  bool AcquireKdf();
  void ReleaseKdf();

  Result<crypto::VerifiedRoster> Roster();
  std::vector<Entry> OpenEntries(const PlainSessions::Conversation& c, Status* status);
  // Encrypts `files` (fresh secrets each) to chunks and stores them as
  // finished uploads; appends their FILEREFs to `body` and ids to `ids`.
  struct PreparedFile {
    crypto::FileSecrets secrets;
    uint64_t chunks;
    const FormFile* file;
  };
  std::vector<PreparedFile> PrepareFiles(const FormData& form);
  void WriteFileRefs(SecretBuffer* body, const std::vector<PreparedFile>& files) const;
  Status StoreFiles(const std::vector<PreparedFile>& files);
  // The JSON array items of the files' ids, for the API request.
  static std::string FileIdsJson(const std::vector<PreparedFile>& files);
  // The page for a StoreFiles failure: 507 when the disk guard refused, else 500.
  HttpResponse StoreFailurePage(std::string_view lang, const Status& stored,
                                std::string_view back) const;
  // The error page for a failed API call (JSON error answer of a handler).
  HttpResponse ApiFailurePage(std::string_view lang, const HttpResponse& api,
                              std::string_view back) const;
  std::shared_ptr<const PlainSessions::Conversation> SessionOf(const FormData& form,
                                                               SecretBytes* token_text);

  service::Store* const store_;
  const PageOptions options_;
  const Catalogues cat_;
  const http::Handler create_case_;   // POST /api/v1/cases
  const http::Handler post_message_;  // POST /api/v1/source/messages
  PlainSessions sessions_;

  std::mutex kdf_mu_;
  std::condition_variable kdf_cv_;
  int kdf_in_use_ = 0;  // GUARDED_BY(kdf_mu_)
};

Status NojsPagesImpl::AddRoutes(http::Router* router) {
  std::shared_ptr<NojsPagesImpl> self = shared_from_this();
  auto bind = [self](Fn fn) -> http::Handler {
    return [self, fn](const HttpRequest& request, const RouteParams&) {
      return ((*self).*fn)(request);
    };
  };
  const auto S = http::ListenerKind::kSource;
  const http::RouteOptions page{http::BodyClass::kJson, http::RateClass::kStatic, true};
  const http::RouteOptions costly_form{http::BodyClass::kForm, http::RateClass::kCostly};
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
      {http::Method::kPost, "/plain/submit", costly_form, &NojsPagesImpl::PostSubmit},
      {http::Method::kPost, "/plain/return", {http::BodyClass::kJson, http::RateClass::kCostly},
       &NojsPagesImpl::PostReturn},
      {http::Method::kPost, "/plain/reply", form, &NojsPagesImpl::PostReply},
      {http::Method::kPost, "/plain/file", small, &NojsPagesImpl::PostFile},
      {http::Method::kPost, "/plain/leave", small, &NojsPagesImpl::PostLeave},
  };
  for (const R& r : routes) {
    http::RouteOptions o = r.options;
    http::Handler handler = bind(r.fn);
    // The HTTP layer's own refusals (429 over a rate, 413 over the form
    // limit, 503 over the in-flight budget, 408...) as a page in the
    // source's language: the links and forms carry "?lang=CODE" for this.
    const std::string_view path(r.path);
    const std::string back =
        path == "/plain" || path == "/plain/submit" ? "/plain" : "/plain/return";
    o.error_page = [self, back](int status, std::string_view query) {
      return self->LayerErrorPage(status, query, back);
    };
    if (r.method == http::Method::kPost) {
      handler = [self, fn = r.fn, back](const HttpRequest& request, const RouteParams&) {
        if (PostedFromAnotherSite(request)) {
          const std::string lang = self->LangOfQuery(request);
          return self->ErrorPage(lang, 403, self->cat_.Text(lang, "err_api_bad_request"), back);
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

// --- page frame --------------------------------------------------------------

HttpResponse NojsPagesImpl::LayerErrorPage(int status, std::string_view query,
                                           const std::string& back) const {
  const std::string lang = LangOf(query);
  std::string key = "plain_err_form";
  if (status == 413) key = "plain_err_too_large";
  if (status == 503) key = "plain_err_busy";
  if (status == 408) key = "err_api_timeout";
  if (status == 429) key = "err_api_rate_limited";
  if (status == 500) key = "err_api_internal";
  return ErrorPage(lang, status,
                   cat_.Text(lang, key,
                             {{"max", SizeText(cat_, lang, options_.form_body_limit_bytes)}}),
                   back);
}

std::string NojsPagesImpl::LangOf(std::string_view q) const {
  // Only "lang=CODE"; anything else is ignored (never echoed).
  if (q.substr(0, 5) == "lang=") return std::string(cat_.Choose(q.substr(5)));
  return std::string(kDefaultLanguage);
}

void NojsPagesImpl::Begin(PageText* out, std::string_view lang, std::string_view title_key,
                          std::string_view self_path) const {
  const std::string l(lang);
  *out += "<!DOCTYPE html>\n<html lang=\"";
  *out += l;
  *out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
  Escape(out, cat_.Text(lang, title_key));
  *out += " — ";
  Escape(out, options_.instance_name);
  *out += "</title>\n<link rel=\"stylesheet\" href=\"/css/dojava.css\">\n</head>\n<body>\n";
  *out += "<a class=\"skip\" href=\"#main\">";
  Escape(out, cat_.Text(lang, "skip_to_content"));
  *out += "</a>\n<header class=\"top\">\n<p class=\"brand\">";
  Escape(out, options_.instance_name);
  *out += "</p>\n<nav aria-label=\"";
  Escape(out, cat_.Text(lang, "nav_label"));
  *out += "\">\n<a href=\"/plain?lang=" + l + "\">";
  Escape(out, cat_.Text(lang, "nav_submit"));
  *out += "</a>\n<a href=\"/plain/return?lang=" + l + "\">";
  Escape(out, cat_.Text(lang, "nav_return"));
  *out += "</a>\n</nav>\n";
  if (!self_path.empty()) {
    // Language links (GET pages only: a conversation page would lose its
    // session; its forms carry the language instead).
    *out += "<nav class=\"lang\" aria-label=\"";
    Escape(out, cat_.Text(lang, "language"));
    *out += "\">\n";
    for (const Language& other : Languages()) {
      *out += "<a href=\"" + std::string(self_path) + "?lang=" + std::string(other.code) +
              "\" hreflang=\"" + std::string(other.code) + "\" lang=\"" +
              std::string(other.code) + "\"";
      if (other.code == lang) *out += " aria-current=\"page\"";
      *out += ">";
      Escape(out, other.name);
      *out += "</a>\n";
    }
    *out += "</nav>\n";
  }
  *out += "</header>\n<main id=\"main\" tabindex=\"-1\">\n";
  // Which path this is, and what it means.
  *out += "<div class=\"box warn\" id=\"plain-path\">\n<p>";
  Escape(out, cat_.Text(lang, "plain_path_note"));
  *out += "</p>\n<p><a href=\"/";
  *out += self_path.find("return") != std::string_view::npos ? "return.html" : "index.html";
  *out += "#lang=" + l + "\">";
  Escape(out, cat_.Text(lang, "plain_js_link"));
  *out += "</a></p>\n</div>\n";
}

void NojsPagesImpl::End(PageText* out) const { *out += "</main>\n</body>\n</html>\n"; }

HttpResponse NojsPagesImpl::Page(const PageText& html, int status) const {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body.reserve(html.size());
  r.body.append(html.data(), html.size());
  return r;
}

HttpResponse NojsPagesImpl::ErrorPage(std::string_view lang, int status, std::string_view message,
                                      std::string_view back_path) const {
  PageText out;
  Begin(&out, lang, "plain_title", "");
  out += "<div class=\"alert\" role=\"alert\" id=\"plain-error\"><p>";
  Escape(&out, message);
  out += "</p></div>\n<p><a href=\"" + std::string(back_path) + "?lang=" + std::string(lang) +
         "\">";
  Escape(&out, cat_.Text(lang, "plain_back"));
  out += "</a></p>\n";
  End(&out);
  return Page(out, status);
}

// --- GET /plain ----------------------------------------------------------------

void NojsPagesImpl::SubmitForm(PageText* out, std::string_view lang) const {
  auto t = [&](std::string_view key) {
    std::string s;
    Escape(&s, cat_.Text(lang, key));
    return s;
  };
  auto select = [&](const char* id, const char* name, const char* label_key, const char* prefix,
                    auto& values) {
    *out += "<div class=\"field\">\n<label for=\"" + std::string(id) + "\">" + t(label_key) +
            "</label>\n<select id=\"" + id + "\" name=\"" + name + "\" required>\n";
    *out += "<option value=\"\">" + t("choose") + "</option>\n";
    for (std::string_view v : values) {
      *out += "<option value=\"" + std::string(v) + "\">" + t(std::string(prefix) + std::string(v)) +
              "</option>\n";
    }
    *out += "</select>\n</div>\n";
  };
  *out += "<form id=\"plain-report\" method=\"post\" action=\"/plain/submit?lang=" + std::string(lang) + "\" "
          "enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n";
  *out += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(lang) + "\">\n";
  *out += "<h2>" + t("form_title") + "</h2>\n<p class=\"note\">" + t("form_required_note") +
          "</p>\n";
  select("f-country", "country", "f_country", "country_", kCountries);
  select("f-incident", "incident", "f_incident", "incident_", kIncidents);
  *out += "<div class=\"field\">\n<label for=\"f-when\">" + t("f_when") +
          "</label>\n<input id=\"f-when\" name=\"when\" type=\"text\" maxlength=\"100\" "
          "autocomplete=\"off\" aria-describedby=\"f-when-hint\">\n<p class=\"hint\" "
          "id=\"f-when-hint\">" +
          t("f_when_hint") + "</p>\n</div>\n";
  *out += "<fieldset class=\"field\">\n<legend>" + t("f_responsible") + "</legend>\n";
  for (std::string_view v : kResponsible) {
    *out += "<label class=\"choice\"><input type=\"radio\" name=\"responsible\" value=\"" +
            std::string(v) + "\"" + (v == "unknown" ? " checked" : "") + "> <span>" +
            t("responsible_" + std::string(v)) + "</span></label>\n";
  }
  *out += "</fieldset>\n";
  *out += "<div class=\"field\">\n<label for=\"f-title\">" + t("f_title") +
          "</label>\n<input id=\"f-title\" name=\"title\" type=\"text\" maxlength=\"200\" "
          "required autocomplete=\"off\">\n</div>\n";
  *out += "<div class=\"field\">\n<label for=\"f-text\">" + t("f_text") +
          "</label>\n<textarea id=\"f-text\" name=\"text\" rows=\"10\" required maxlength=\"" +
          std::to_string(options_.message_characters) +
          "\" aria-describedby=\"f-text-hint\"></textarea>\n<p class=\"hint\" id=\"f-text-hint\">" +
          t("f_text_hint") + "</p>\n</div>\n";
  *out += "<div class=\"field\">\n<label for=\"f-files\">" + t("f_files") +
          "</label>\n<input id=\"f-files\" name=\"files\" type=\"file\" multiple "
          "aria-describedby=\"f-files-hint\">\n<p class=\"hint\" id=\"f-files-hint\">";
  Escape(out, cat_.Text(lang, "plain_files_limit",
                        {{"max", SizeText(cat_, lang, options_.form_body_limit_bytes)}}));
  *out += "</p>\n<p class=\"hint warn\">" + t("plain_metadata") + "</p>\n</div>\n";
  *out += "<button type=\"submit\" class=\"primary\">" + t("plain_submit_button") +
          "</button>\n</form>\n";
}

HttpResponse NojsPagesImpl::GetSubmitPage(const HttpRequest& request) {
  const std::string lang = LangOfQuery(request);
  PageText out;
  Begin(&out, lang, "plain_title", "/plain");
  out += "<h1>";
  Escape(&out, cat_.Text(lang, "submit_title"));
  out += "</h1>\n<p>";
  Escape(&out, cat_.Text(lang, "submit_lead"));
  out += "</p>\n<div class=\"box\"><ul>\n<li>";
  Escape(&out, cat_.Text(lang, "how_receipt"));
  out += "</li>\n<li>";
  Escape(&out, cat_.Text(lang, "how_tor"));
  out += "</li>\n</ul></div>\n";
  SubmitForm(&out, lang);
  End(&out);
  return Page(out);
}

HttpResponse NojsPagesImpl::GetReturnPage(const HttpRequest& request) {
  const std::string lang = LangOfQuery(request);
  PageText out;
  Begin(&out, lang, "return_title", "/plain/return");
  out += "<h1>";
  Escape(&out, cat_.Text(lang, "return_title"));
  out += "</h1>\n<p>";
  Escape(&out, cat_.Text(lang, "plain_return_lead"));
  out += "</p>\n<form id=\"plain-open\" method=\"post\" action=\"/plain/return?lang=" +
         lang + "\" "
         "accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"lang\" value=\"" +
         lang + "\">\n<div class=\"field\">\n<label for=\"r-receipt\">";
  Escape(&out, cat_.Text(lang, "r_receipt"));
  out += "</label>\n<input id=\"r-receipt\" name=\"receipt\" type=\"text\" class=\"receipt-input\" "
         "inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\" required "
         "maxlength=\"60\" aria-describedby=\"r-receipt-hint\">\n<p class=\"hint\" "
         "id=\"r-receipt-hint\">";
  Escape(&out, cat_.Text(lang, "r_receipt_hint"));
  out += "</p>\n</div>\n<button type=\"submit\" class=\"primary\">";
  Escape(&out, cat_.Text(lang, "open_button"));
  out += "</button>\n</form>\n";
  End(&out);
  return Page(out);
}

// --- shared ------------------------------------------------------------------

bool NojsPagesImpl::AcquireKdf() {
  std::unique_lock<std::mutex> lock(kdf_mu_);
  if (!kdf_cv_.wait_for(lock, std::chrono::milliseconds(options_.kdf_wait_ms),
                        [this] { return kdf_in_use_ < options_.kdf_concurrency; })) {
    return false;
  }
  ++kdf_in_use_;
  return true;
}

void NojsPagesImpl::ReleaseKdf() {
  {
    std::lock_guard<std::mutex> lock(kdf_mu_);
    --kdf_in_use_;
  }
  kdf_cv_.notify_one();
}

Result<crypto::VerifiedRoster> NojsPagesImpl::Roster() {
  DOJAVA_ASSIGN_OR_RETURN(service::Settings settings, store_->GetSettings());
  DOJAVA_ASSIGN_OR_RETURN(service::Roster stored, store_->GetRoster());
  return crypto::VerifyRoster(stored.signed_bytes, settings.admin_public_key,
                              settings.instance_id);
}

HttpResponse NojsPagesImpl::ApiFailurePage(std::string_view lang, const HttpResponse& api,
                                           std::string_view back) const {
  // The API's error code decides the words (the JS page's err_api_* keys).
  std::string key = "err_api_internal";
  for (std::string_view code : {"not_ready", "roster_changed", "insufficient_storage", "conflict",
                                "rate_limited", "not_found", "bad_request"}) {
    if (api.body.find("\"code\":\"" + std::string(code) + "\"") != std::string::npos) {
      key = "err_api_" + std::string(code);
      break;
    }
  }
  const int status = api.status >= 400 ? api.status : 500;
  return ErrorPage(lang, status, cat_.Text(lang, key), back);
}

std::vector<NojsPagesImpl::PreparedFile> NojsPagesImpl::PrepareFiles(const FormData& form) {
  std::vector<PreparedFile> out;
  for (const FormFile& f : form.files()) {
    out.push_back(PreparedFile{crypto::FileSecrets::Generate(), crypto::ChunkCount(f.content.size()),
                               &f});
  }
  return out;
}

void NojsPagesImpl::WriteFileRefs(SecretBuffer* b, const std::vector<PreparedFile>& files) const {
  // FILEREF (§11), fields in the order of payload.js fileRef().
  b->Append("\"files\":[");
  for (size_t i = 0; i < files.size(); ++i) {
    const PreparedFile& f = files[i];
    if (i > 0) b->Append(",");
    b->Append("{\"id\":\"" + Base64UrlEncode(f.secrets.file_id()) + "\",\"key\":\"");
    b->Append(Base64Secret(f.secrets.file_key().reveal()).reveal_chars());  // sealed body only
    b->Append("\",\"prefix\":\"" + Base64UrlEncode(f.secrets.nonce_prefix()) +
              "\",\"chunks\":" + std::to_string(f.chunks) +
              ",\"size\":" + std::to_string(f.file->content.size()) + ",\"name\":");
    b->JsonString(f.file->name);
    b->Append(",\"mime\":");
    b->JsonString(f.file->mime);
    b->Append("}");
  }
  b->Append("]");
}

Status NojsPagesImpl::StoreFiles(const std::vector<PreparedFile>& files) {
  for (const PreparedFile& f : files) {
    const crypto::Id& id = f.secrets.file_id();
    DOJAVA_RETURN_IF_ERROR(store_->CreateUpload(id, static_cast<uint32_t>(f.chunks), std::nullopt));
    const ByteView content = f.file->content;
    for (uint64_t i = 0; i < f.chunks; ++i) {
      const bool last = i + 1 == f.chunks;
      const size_t from = static_cast<size_t>(i * protocol::kChunkPlainSize);
      const ByteView piece = content.subspan(
          from, last ? content.size() - from : protocol::kChunkPlainSize);
      DOJAVA_ASSIGN_OR_RETURN(Bytes record, crypto::EncryptChunk(f.secrets, i, last, piece));
      DOJAVA_RETURN_IF_ERROR(store_->PutChunk(id, static_cast<uint32_t>(i), record));
    }
  }
  return Status::Ok();
}

HttpResponse NojsPagesImpl::StoreFailurePage(std::string_view lang, const Status& stored,
                                             std::string_view back) const {
  const bool disk = stored.code() == Code::kResourceExhausted;
  return ErrorPage(lang, disk ? 507 : 500,
                   cat_.Text(lang, disk ? "err_api_insufficient_storage" : "err_api_internal"), back);
}

namespace {

// Every file fits in the chunks a file may have on this instance.
bool FilesFit(const FormData& form, const service::Settings& settings) {
  for (const FormFile& f : form.files()) {
    if (crypto::ChunkCount(f.content.size()) > static_cast<uint64_t>(settings.max_chunks_per_file)) {
      return false;
    }
  }
  return true;
}

// Normalises line ends as payload.js cleanText does (CRLF and CR -> LF).
std::string_view NormaliseInto(std::string_view s, SecretBytes* storage) {
  *storage = SecretBytes(s.size());
  auto dst = storage->reveal_mut();
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      dst[n++] = '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      dst[n++] = static_cast<uint8_t>(s[i]);
    }
  }
  storage->Truncate(n);
  return storage->reveal_chars();
}

std::string_view TrimWhite(std::string_view s) {
  // JavaScript's String.prototype.trim on the ASCII white space a form sends.
  auto white = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && white(s.front())) s.remove_prefix(1);
  while (!s.empty() && white(s.back())) s.remove_suffix(1);
  return s;
}

template <size_t N>
bool OneOf(std::string_view v, const std::string_view (&values)[N]) {
  for (std::string_view x : values) {
    if (x == v) return true;
  }
  return false;
}

std::string JsonRequestString(std::string_view s) {
  return "\"" + std::string(s) + "\"";  // base64url and fixed tokens only
}

}  // namespace

Result<FormData> NojsPagesImpl::ParseFileForm(const HttpRequest& request) const {
  FormLimits limits;
  limits.max_files = service::kMaxAttachmentsPerMessage;
  limits.max_field_bytes = static_cast<size_t>(options_.message_characters) * 4;
  return FormData::ParseMultipart(request.body.reveal(),
                                  request.Header("content-type").value_or(""), limits);
}

HttpResponse NojsPagesImpl::FormErrorPage(const HttpRequest& request, const Status& status,
                                          std::string_view back) const {
  const bool limit = status.code() == Code::kResourceExhausted;
  const std::string lang = LangOfQuery(request);  // the form's own field is unreadable
  return ErrorPage(lang, limit ? 413 : 400,
                   cat_.Text(lang, limit ? "plain_err_too_large" : "plain_err_form",
                             {{"max", SizeText(cat_, lang, options_.form_body_limit_bytes)}}),
                   back);
}

std::string NojsPagesImpl::FileIdsJson(const std::vector<PreparedFile>& files) {
  std::string out;
  for (size_t i = 0; i < files.size(); ++i) {
    out += (i ? "," : "") + JsonRequestString(Base64UrlEncode(files[i].secrets.file_id()));
  }
  return out;
}

// --- POST /plain/submit --------------------------------------------------------

HttpResponse NojsPagesImpl::PostSubmit(const HttpRequest& request) {
  auto form = ParseFileForm(request);
  if (!form.ok()) return FormErrorPage(request, form.status(), "/plain");
  const std::string lang(cat_.Choose(form->Text("lang")));
  auto field_error = [&](const char* code, const char* label_key) {
    return ErrorPage(lang, 400,
                     cat_.Text(lang, std::string("err_payload_") + code,
                               {{"field", cat_.Text(lang, label_key)}}),
                     "/plain");
  };
  // §11 report fields, checked as payload.js buildReport does.
  const std::string_view country = form->Text("country");
  const std::string_view incident = form->Text("incident");
  const std::string_view responsible = form->Text("responsible");
  if (!OneOf(country, kCountries)) return field_error("bad_choice", "f_country");
  if (!OneOf(incident, kIncidents)) return field_error("bad_choice", "f_incident");
  if (!OneOf(responsible, kResponsible)) return field_error("bad_choice", "f_responsible");
  SecretBytes when_store, title_store, text_store;
  const std::string_view when = TrimWhite(NormaliseInto(form->Text("when"), &when_store));
  const std::string_view title = TrimWhite(NormaliseInto(form->Text("title"), &title_store));
  const std::string_view text = NormaliseInto(form->Text("text"), &text_store);
  for (auto [value, key] : {std::pair{when, "f_when"}, {title, "f_title"}, {text, "f_text"}}) {
    if (!IsValidUtf8(AsBytes(value))) return field_error("bad_text", key);
  }
  if (CharCount(when) > kWhenMaxChars) return field_error("too_long", "f_when");
  if (title.empty()) return field_error("required", "f_title");
  if (CharCount(title) > kTitleMaxChars) return field_error("too_long", "f_title");
  if (TrimWhite(text).empty()) return field_error("required", "f_text");
  if (CharCount(text) > static_cast<size_t>(options_.message_characters)) {
    return field_error("too_long", "f_text");
  }
  auto settings = store_->GetSettings();
  if (!settings.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain");
  if (!FilesFit(*form, *settings)) {
    return ErrorPage(lang, 413, cat_.Text(lang, "err_too_large"), "/plain");
  }
  auto roster = Roster();
  if (!roster.ok() || roster->entries().empty()) {
    return ErrorPage(lang, 503, cat_.Text(lang, "err_api_not_ready"), "/plain");
  }

  // The report body (§11 `report`), in wiped memory.
  std::vector<PreparedFile> files = PrepareFiles(*form);
  SecretBuffer body;
  body.Append("{\"type\":\"report\",\"form\":{\"country\":");
  body.JsonString(country);
  body.Append(",\"incident\":");
  body.JsonString(incident);
  body.Append(",\"when\":");
  body.JsonString(when);
  body.Append(",\"responsible\":");
  body.JsonString(responsible);
  body.Append(",\"title\":");
  body.JsonString(title);
  body.Append("},\"text\":");
  body.JsonString(text);
  body.Append(",");
  WriteFileRefs(&body, files);
  body.Append("}");
  const SecretBytes body_bytes = body.Take();
  if (body_bytes.size() > crypto::MaxBodySize(false)) return field_error("too_long", "f_text");

  if (!AcquireKdf()) return ErrorPage(lang, 503, cat_.Text(lang, "plain_err_busy"), "/plain");
  crypto::Receipt receipt = crypto::Receipt::Generate();
  auto rk = crypto::DeriveReceiptKeys(receipt, settings->salt);
  ReleaseKdf();
  if (!rk.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain");

  const crypto::Id case_id = crypto::RandomId();
  const SecretBytes ck = SecretBytes::Random(protocol::kKeySize);
  auto record = crypto::EncryptMessage(ck, protocol::kKindConversation, case_id,
                                       crypto::RandomId(), body_bytes.reveal(), nullptr);
  auto source_sealed = SealSourceCaseKey(ck, case_id, *rk);
  if (!record.ok() || !source_sealed.ok()) {
    return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain");
  }
  // The POST /api/v1/cases request, handled by the API's own handler.
  SecretBuffer api;
  api.Append("{\"case_id\":" + JsonRequestString(Base64UrlEncode(case_id)) + ",\"lookup_key\":\"");
  api.Append(Base64Secret(rk->lookup_key.reveal()).reveal_chars());
  api.Append("\",\"source_public_key\":" + JsonRequestString(Base64UrlEncode(rk->source_public)) +
             ",\"keys\":[{\"recipient\":\"source\",\"role\":\"case\",\"sealed\":" +
             JsonRequestString(Base64UrlEncode(*source_sealed)) + "}");
  for (const auto& e : roster->entries()) {
    auto sealed = crypto::SealKey(ck, protocol::kRoleCaseKey, case_id, e.x25519);
    if (!sealed.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain");
    api.Append(",{\"recipient\":" + JsonRequestString(Base64UrlEncode(e.reviewer_id)) +
               ",\"role\":\"case\",\"sealed\":" + JsonRequestString(Base64UrlEncode(*sealed)) +
               "}");
  }
  api.Append("],\"message\":" + JsonRequestString(Base64UrlEncode(*record)) + ",\"files\":[" +
             FileIdsJson(files) + "]}");

  // The files first: a case is only created with finished uploads.
  Status stored = StoreFiles(files);
  if (!stored.ok()) return StoreFailurePage(lang, stored, "/plain");
  HttpRequest create;
  create.listener = http::ListenerKind::kSource;
  create.method = http::Method::kPost;
  create.path = "/api/v1/cases";
  create.headers.emplace_back("content-type", SecretBytes::Copy(std::string_view("application/json")));
  create.body = api.Take();
  HttpResponse created = create_case_(create, RouteParams());
  if (created.status != 201) return ApiFailurePage(lang, created, "/plain");

  // The receipt page: shown once; nothing here is stored.
  const SecretBytes shown = receipt.Formatted();
  PageText out;
  Begin(&out, lang, "receipt_title", "");
  auto t = [&](std::string_view key) {
    std::string s;
    Escape(&s, cat_.Text(lang, key));
    return s;
  };
  out += "<section id=\"plain-receipt\">\n<h1>" + t("receipt_title") + "</h1>\n<p>" +
         t("receipt_lead") + "</p>\n<p class=\"receipt\" id=\"receipt-value\" translate=\"no\">";
  out.append(shown.reveal_chars());  // digits and '-' only
  out += "</p>\n<div class=\"box\">\n<h2>" + t("receipt_advice_title") + "</h2>\n<ul>\n";
  for (const char* k : {"receipt_advice_write", "receipt_advice_secret", "receipt_advice_lost",
                        "receipt_advice_return", "receipt_advice_close"}) {
    out += "<li>" + t(k) + "</li>\n";
  }
  out += "</ul>\n</div>\n<p><a href=\"/plain/return?lang=" + lang + "\">" + t("nav_return") +
         "</a></p>\n</section>\n";
  End(&out);
  return Page(out, 201);
}

// --- returning ---------------------------------------------------------------

std::vector<Entry> NojsPagesImpl::OpenEntries(const PlainSessions::Conversation& c,
                                              Status* status) {
  std::vector<Entry> entries;
  auto roster = Roster();
  std::set<crypto::Id> seen_ids;
  uint64_t after = 0;
  while (true) {
    auto page = store_->ListMessages(c.case_id, after, 100, 8u << 20);
    if (!page.ok()) {
      *status = page.status();
      return entries;
    }
    if (page->empty()) break;
    for (const service::Message& m : *page) {
      after = m.seq;
      auto header = crypto::ParseMessageHeader(m.record);
      if (!header.ok() || header->kind != protocol::kKindConversation) continue;
      Entry e;
      e.seq = m.seq;
      e.day = m.day;
      crypto::CaseKeys keys{&c.case_key, nullptr};
      auto opened = crypto::DecryptMessage(
          m.record, c.case_id, keys,
          [&](const crypto::Id& id) -> std::optional<crypto::Ed25519Public> {
            if (!roster.ok()) return std::nullopt;
            const crypto::RosterEntry* r = roster->Find(id);
            if (r == nullptr) return std::nullopt;
            return r->ed25519;
          });
      if (!opened.ok()) {
        e.undecryptable = opened.code() == Code::kDecryptFailed ||
                          opened.code() == Code::kMalformed;
        e.unverified = !e.undecryptable;
        entries.push_back(std::move(e));
        continue;
      }
      if (!seen_ids.insert(opened->message_id).second) continue;  // a replay
      e.from_source = opened->author == protocol::kAuthorSource;
      if (!e.from_source && roster.ok()) {
        if (const crypto::RosterEntry* r = roster->Find(opened->reviewer_id)) e.author = r->name;
      }
      // The body (§11) parsed in wiped memory only.
      const ByteView raw = opened->body.reveal();
      SecretBytes arena(raw.size() * 6 + 4096);
      try {
        boost::json::static_resource mr(arena.reveal_mut().data(), arena.size());
        boost::json::storage_ptr sp(&mr);
        boost::json::parser p(sp);
        p.reset(sp);
        boost::system::error_code ec;
        p.write(reinterpret_cast<const char*>(raw.data()), raw.size(), ec);

        if (ec || !IsValidUtf8(raw)) throw std::runtime_error("body");
        boost::json::value v = p.release();
        const boost::json::object* o = v.if_object();
        const boost::json::value* type = o ? o->if_contains("type") : nullptr;
        if (type == nullptr || !type->is_string() ||
            (type->as_string() != "report" && type->as_string() != "message")) {
          throw std::runtime_error("type");
        }
        e.type = std::string(type->as_string());
        if (const auto* tx = o->if_contains("text"); tx && tx->is_string()) {
          e.text = SecretBytes::Copy(std::string_view(tx->as_string()));
        }
        if (const auto* f = o->if_contains("form"); e.type == "report" && f && f->is_object()) {
          for (const char* k : {"title", "country", "incident", "when", "responsible"}) {
            if (const auto* fv = f->as_object().if_contains(k); fv && fv->is_string()) {
              e.form.emplace_back(k, SecretBytes::Copy(std::string_view(fv->as_string())));
            }
          }
        }
        if (const auto* fs = o->if_contains("files"); fs && fs->is_array()) {
          for (const auto& r : fs->as_array()) {
            const boost::json::object* fo = r.if_object();
            auto str = [&](const char* k) -> std::string_view {
              const auto* x = fo ? fo->if_contains(k) : nullptr;
              return x && x->is_string() ? std::string_view(x->as_string()) : std::string_view();
            };
            auto num = [&](const char* k) -> int64_t {
              const auto* x = fo ? fo->if_contains(k) : nullptr;
              if (x && x->is_int64()) return x->as_int64();
              if (x && x->is_uint64() && x->as_uint64() < (1ull << 62)) {
                return static_cast<int64_t>(x->as_uint64());
              }
              return -1;
            };
            FileRef ref;
            auto id = Base64UrlDecode(str("id"));
            auto key = Base64UrlDecodeSecret(str("key"));
            auto prefix = Base64UrlDecode(str("prefix"));
            const int64_t chunks = num("chunks"), size = num("size");
            if (!id.ok() || id->size() != 16 || !key.ok() || key->size() != 32 || !prefix.ok() ||
                prefix->size() != protocol::kChunkNoncePrefixSize || size < 0 ||
                chunks != static_cast<int64_t>(crypto::ChunkCount(static_cast<uint64_t>(size)))) {
              ++e.bad_files;
              continue;
            }
            std::copy(id->begin(), id->end(), ref.id.begin());
            ref.key = std::move(key).value();
            ref.prefix = std::move(prefix).value();
            ref.chunks = static_cast<uint64_t>(chunks);
            ref.size = static_cast<uint64_t>(size);
            ref.name = CleanFileName(str("name"));
            e.files.push_back(std::move(ref));
          }
        }
      } catch (...) {
        e.unsupported = true;
      }
      entries.push_back(std::move(e));
    }
  }
  *status = Status::Ok();
  return entries;
}

HttpResponse NojsPagesImpl::ConversationPage(std::string_view lang,
                                             const PlainSessions::Conversation& c,
                                             std::string_view token_text, std::string_view notice,
                                             int status) {
  Status st;
  std::vector<Entry> entries = OpenEntries(c, &st);
  if (!st.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  const std::string l(lang);
  auto t = [&](std::string_view key) {
    std::string s;
    Escape(&s, cat_.Text(lang, key));
    return s;
  };
  auto hidden = [&](PageText* out) {
    *out += "<input type=\"hidden\" name=\"token\" value=\"";
    out->append(token_text);  // base64url
    *out += "\">\n<input type=\"hidden\" name=\"lang\" value=\"" + l + "\">\n";
  };
  PageText out;
  Begin(&out, lang, "conversation_title", "");
  out += "<h1>" + t("conversation_title") + "</h1>\n";
  if (!notice.empty()) {
    out += "<p class=\"ok\" role=\"status\" id=\"plain-notice\">";
    Escape(&out, notice);
    out += "</p>\n";
  }
  out += "<p class=\"note\">";
  const int minutes = options_.session_idle_seconds / 60;
  Escape(&out,
         cat_.Plural(lang, "plain_session_note", minutes, {{"minutes", std::to_string(minutes)}}));
  out += "</p>\n<ol class=\"messages\" id=\"plain-messages\">\n";
  for (const Entry& e : entries) {
    out += "<li class=\"message";
    if (e.from_source) out += " mine";
    if (e.undecryptable || e.unverified || e.unsupported) out += " bad";
    out += "\" id=\"m" + std::to_string(e.seq) + "\">\n<p class=\"meta\">#" +
           std::to_string(e.seq) + " · ";
    if (e.undecryptable) {
      out += t("msg_unreadable") + "</p>\n</li>\n";
      continue;
    }
    if (e.unverified) {
      out += t("msg_unverified") + "</p>\n</li>\n";
      continue;
    }
    if (e.from_source) {
      out += t("msg_from_you");
    } else {
      Escape(&out, cat_.Text(lang, "msg_from_reviewer", {{"name", e.author}}));
    }
    out += "</p>\n";
    if (e.unsupported) {
      out += "<p>" + t("msg_unsupported") + "</p>\n</li>\n";
      continue;
    }
    if (!e.form.empty()) {
      out += "<dl class=\"form-summary\">\n";
      for (const auto& [k, v] : e.form) {
        const std::string key(k);
        std::string shown(v.reveal_chars());
        if (key == "country" || key == "incident" || key == "responsible") {
          shown = cat_.Text(lang, key + "_" + shown);
        }
        out += "<dt>" + t("f_" + key) + "</dt><dd>";
        Escape(&out, shown);
        out += "</dd>\n";
        sodium_memzero(shown.data(), shown.size());
      }
      out += "</dl>\n";
    }
    out += "<p class=\"text\">";
    Escape(&out, e.text.reveal_chars());
    out += "</p>\n";
    if (e.bad_files > 0) out += "<p class=\"warn\">" + t("msg_bad_files") + "</p>\n";
    for (size_t i = 0; i < e.files.size(); ++i) {
      const FileRef& f = e.files[i];
      const std::string size = SizeText(cat_, lang, f.size);
      if (f.size > options_.max_download_bytes) {
        out += "<p class=\"file\">";
        Escape(&out, f.name);
        out += " — ";
        Escape(&out, cat_.Text(lang, "plain_file_too_large", {{"size", size}}));
        out += "</p>\n";
        continue;
      }
      out += "<form class=\"file\" method=\"post\" action=\"/plain/file?lang=" + l + "\">\n";
      hidden(&out);
      out += "<input type=\"hidden\" name=\"seq\" value=\"" + std::to_string(e.seq) +
             "\">\n<input type=\"hidden\" name=\"n\" value=\"" + std::to_string(i) +
             "\">\n<button type=\"submit\" class=\"link\">";
      Escape(&out, cat_.Text(lang, "file_download", {{"name", f.name}, {"size", size}}));
      out += "</button>\n</form>\n";
    }
    out += "</li>\n";
  }
  out += "</ol>\n";
  // Follow-up.
  out += "<form id=\"plain-reply\" method=\"post\" action=\"/plain/reply?lang=" + l + "\" "
         "enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n<h2>" +
         t("reply_title") + "</h2>\n";
  hidden(&out);
  out += "<div class=\"field\">\n<label for=\"m-text\">" + t("m_text") +
         "</label>\n<textarea id=\"m-text\" name=\"text\" rows=\"6\" maxlength=\"" +
         std::to_string(options_.message_characters) + "\"></textarea>\n</div>\n";
  out += "<div class=\"field\">\n<label for=\"m-files\">" + t("f_files") +
         "</label>\n<input id=\"m-files\" name=\"files\" type=\"file\" multiple "
         "aria-describedby=\"m-files-hint\">\n<p class=\"hint\" id=\"m-files-hint\">";
  Escape(&out, cat_.Text(lang, "plain_files_limit",
                         {{"max", SizeText(cat_, lang, options_.form_body_limit_bytes)}}));
  out += "</p>\n<p class=\"hint warn\">" + t("plain_metadata") +
         "</p>\n</div>\n<button type=\"submit\" class=\"primary\">" + t("plain_submit_button") +
         "</button>\n</form>\n";
  out += "<form id=\"plain-leave\" method=\"post\" action=\"/plain/leave?lang=" + l + "\">\n";
  hidden(&out);
  out += "<button type=\"submit\">" + t("leave_button") + "</button>\n</form>\n";
  End(&out);
  return Page(out, status);
}

HttpResponse NojsPagesImpl::PostReturn(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 4;
  limits.max_field_bytes = kMaxReceiptFieldBytes;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  if (!form.ok()) {
    const std::string lang = LangOfQuery(request);
    return ErrorPage(lang, 400, cat_.Text(lang, "plain_err_form"),
                     "/plain/return");
  }
  const std::string lang(cat_.Choose(form->Text("lang")));
  auto receipt = crypto::Receipt::Parse(form->Text("receipt"));
  if (!receipt.ok()) {
    return ErrorPage(lang, 400,
                     cat_.Text(lang, receipt.code() == Code::kBadChecksum ? "err_receipt_checksum"
                                                                         : "err_receipt_format"),
                     "/plain/return");
  }
  auto settings = store_->GetSettings();
  if (!settings.ok()) {
    return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  }
  if (!AcquireKdf()) {
    return ErrorPage(lang, 503, cat_.Text(lang, "plain_err_busy"), "/plain/return");
  }
  auto rk = crypto::DeriveReceiptKeys(*receipt, settings->salt);
  ReleaseKdf();
  if (!rk.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  const Bytes hash = crypto::LookupHash(rk->lookup_key.reveal());
  service::LookupHash lookup{};
  std::copy(hash.begin(), hash.end(), lookup.begin());
  auto info = store_->FindCaseByLookupHash(lookup);
  if (!info.ok()) {
    return ErrorPage(lang, info.code() == Code::kNotFound ? 404 : 500,
                     cat_.Text(lang, info.code() == Code::kNotFound ? "err_receipt_unknown"
                                                                   : "err_api_internal"),
                     "/plain/return");
  }
  auto keys = store_->GetSealedKeys(info->case_id);
  if (!keys.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  const service::SealedKey* source_key = nullptr;
  for (const auto& k : *keys) {
    if (!k.reviewer && k.role == service::Role::kCaseKey) source_key = &k;
  }
  if (source_key == nullptr) {
    return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  }
  auto ck = OpenSourceCaseKey(source_key->sealed, info->case_id, *rk);
  if (!ck.ok()) {
    // PROTOCOL.md §7.1: not the key this receipt wrapped (altered or replaced on the server).
    return ErrorPage(lang, 409, cat_.Text(lang, "err_source_key"), "/plain/return");
  }
  auto c = std::make_shared<PlainSessions::Conversation>();
  c->case_id = info->case_id;
  c->case_key = std::move(ck).value();
  c->lookup_key = std::move(rk->lookup_key);
  const SecretBytes token = sessions_.Open(c);
  const SecretBytes token_text = Base64Secret(token.reveal());
  return ConversationPage(lang, *c, token_text.reveal_chars(), "");
}

std::shared_ptr<const PlainSessions::Conversation> NojsPagesImpl::SessionOf(
    const FormData& form, SecretBytes* token_text) {
  const std::string_view text = form.Text("token");
  if (text.size() != 43) return nullptr;
  auto token = Base64UrlDecodeSecret(text);
  if (!token.ok()) return nullptr;
  *token_text = SecretBytes::Copy(text);
  return sessions_.Use(token->reveal());
}

HttpResponse NojsPagesImpl::PostReply(const HttpRequest& request) {
  auto form = ParseFileForm(request);
  if (!form.ok()) return FormErrorPage(request, form.status(), "/plain/return");
  const std::string lang(cat_.Choose(form->Text("lang")));
  SecretBytes token_text;
  auto c = SessionOf(*form, &token_text);
  if (!c) {
    const int minutes = options_.session_idle_seconds / 60;
    return ErrorPage(
        lang, 403,
        cat_.Plural(lang, "plain_err_session", minutes, {{"minutes", std::to_string(minutes)}}),
        "/plain/return");
  }
  SecretBytes text_store;
  const std::string_view text = NormaliseInto(form->Text("text"), &text_store);
  auto field_error = [&](const char* code) {
    return ConversationPage(lang, *c, token_text.reveal_chars(),
                            cat_.Text(lang, std::string("err_payload_") + code,
                                      {{"field", cat_.Text(lang, "m_text")}}),
                            400);
  };
  if (!IsValidUtf8(AsBytes(text))) return field_error("bad_text");
  if (form->files().empty() && TrimWhite(text).empty()) return field_error("required");
  if (CharCount(text) > static_cast<size_t>(options_.message_characters)) {
    return field_error("too_long");
  }
  auto settings = store_->GetSettings();
  if (!settings.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  if (!FilesFit(*form, *settings)) {
    return ErrorPage(lang, 413, cat_.Text(lang, "err_too_large"), "/plain/return");
  }
  // As the CLI's CheckSafeToEncrypt: every message opens and #1 is the
  // source's report, or the case key may have been swapped by the server.
  Status st;
  std::vector<Entry> entries = OpenEntries(*c, &st);
  bool safe = st.ok() && !entries.empty() && entries.front().seq == 1 &&
              entries.front().from_source && entries.front().type == "report";
  for (const Entry& e : entries) safe = safe && !e.undecryptable;
  if (!safe) {
    return ErrorPage(lang, 409, cat_.Text(lang, "err_crypto_decrypt_failed"), "/plain/return");
  }

  std::vector<PreparedFile> files = PrepareFiles(*form);
  SecretBuffer body;
  body.Append("{\"type\":\"message\",\"text\":");
  body.JsonString(text);
  body.Append(",");
  WriteFileRefs(&body, files);
  body.Append("}");
  const SecretBytes body_bytes = body.Take();
  if (body_bytes.size() > crypto::MaxBodySize(false)) return field_error("too_long");
  auto record = crypto::EncryptMessage(c->case_key, protocol::kKindConversation, c->case_id,
                                       crypto::RandomId(), body_bytes.reveal(), nullptr);
  if (!record.ok()) return ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), "/plain/return");
  Status stored = StoreFiles(files);
  if (!stored.ok()) return StoreFailurePage(lang, stored, "/plain/return");
  // POST /api/v1/source/messages through the API's own handler.
  const std::string api = "{\"message\":" + JsonRequestString(Base64UrlEncode(*record)) +
                          ",\"files\":[" + FileIdsJson(files) + "]}";
  HttpRequest post;
  post.listener = http::ListenerKind::kSource;
  post.method = http::Method::kPost;
  post.path = "/api/v1/source/messages";
  post.headers.emplace_back("content-type", SecretBytes::Copy(std::string_view("application/json")));
  post.headers.emplace_back("x-dojava-lookup-key", Base64Secret(c->lookup_key.reveal()));
  post.body = SecretBytes::Copy(std::string_view(api));
  HttpResponse posted = post_message_(post, RouteParams());
  if (posted.status != 201) return ApiFailurePage(lang, posted, "/plain/return");
  return ConversationPage(lang, *c, token_text.reveal_chars(), cat_.Text(lang, "reply_sent"));
}

HttpResponse NojsPagesImpl::PostFile(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 6;
  limits.max_field_bytes = 100;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  if (!form.ok()) {
    const std::string lang = LangOfQuery(request);
    return ErrorPage(lang, 400, cat_.Text(lang, "plain_err_form"),
                     "/plain/return");
  }
  const std::string lang(cat_.Choose(form->Text("lang")));
  SecretBytes token_text;
  auto c = SessionOf(*form, &token_text);
  if (!c) {
    const int minutes = options_.session_idle_seconds / 60;
    return ErrorPage(
        lang, 403,
        cat_.Plural(lang, "plain_err_session", minutes, {{"minutes", std::to_string(minutes)}}),
        "/plain/return");
  }
  auto number = [](std::string_view s) -> int64_t {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) {
      return -1;
    }
    return std::stoll(std::string(s));
  };
  const int64_t seq = number(form->Text("seq"));
  const int64_t n = number(form->Text("n"));
  Status st;
  std::vector<Entry> entries = OpenEntries(*c, &st);
  const FileRef* ref = nullptr;
  for (const Entry& e : entries) {
    if (static_cast<int64_t>(e.seq) == seq && n >= 0 && static_cast<size_t>(n) < e.files.size()) {
      ref = &e.files[static_cast<size_t>(n)];
    }
  }
  if (!st.ok() || ref == nullptr) {
    return ConversationPage(lang, *c, token_text.reveal_chars(),
                            cat_.Text(lang, "err_api_not_found"), 404);
  }
  if (ref->size > options_.max_download_bytes) {
    return ConversationPage(
        lang, *c, token_text.reveal_chars(),
        cat_.Text(lang, "plain_file_too_large", {{"size", SizeText(cat_, lang, ref->size)}}), 413);
  }
  auto secrets = crypto::FileSecrets::FromBytes(ref->key.reveal(), ref->prefix, ref->id);
  if (!secrets.ok()) {
    return ConversationPage(lang, *c, token_text.reveal_chars(),
                            cat_.Text(lang, "err_crypto_malformed"), 500);
  }
  HttpResponse r;
  r.content_type = "application/octet-stream";
  r.body.reserve(static_cast<size_t>(ref->size));
  for (uint64_t i = 0; i < ref->chunks; ++i) {
    auto chunk = store_->GetChunk(c->case_id, ref->id, static_cast<uint32_t>(i));
    Result<SecretBytes> plain =
        chunk.ok() ? crypto::DecryptChunk(*secrets, i, i + 1 == ref->chunks, *chunk)
                   : Result<SecretBytes>(chunk.status());
    if (!plain.ok()) {
      sodium_memzero(r.body.data(), r.body.size());
      return ConversationPage(lang, *c, token_text.reveal_chars(),
                              cat_.Text(lang, "err_crypto_decrypt_failed"), 500);
    }
    if (plain->size() > ref->size - r.body.size()) {
      // More bytes than the FILEREF says: refused before appending, since
      // the body was reserved for exactly `size` and growing it would hand
      // the outgrown block (decrypted file bytes) back to the heap unwiped.
      sodium_memzero(r.body.data(), r.body.size());
      return ConversationPage(lang, *c, token_text.reveal_chars(),
                              cat_.Text(lang, "err_crypto_malformed"), 500);
    }
    r.body.append(plain->reveal_chars());
  }
  if (r.body.size() != ref->size) {
    sodium_memzero(r.body.data(), r.body.size());
    return ConversationPage(lang, *c, token_text.reveal_chars(),
                            cat_.Text(lang, "err_crypto_truncated"), 500);
  }
  // An ASCII name for the download; the real name is on the page.
  std::string name;
  for (char ch : ref->name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
    name += ok ? ch : '_';
  }
  if (name.empty() || name[0] == '.') name = "file" + name;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

HttpResponse NojsPagesImpl::PostLeave(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 4;
  limits.max_field_bytes = 100;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  const std::string lang = form.ok() ? std::string(cat_.Choose(form->Text("lang"))) : LangOfQuery(request);
  if (form.ok()) {
    auto token = Base64UrlDecodeSecret(form->Text("token"));
    if (token.ok()) sessions_.Close(token->reveal());
  }
  PageText out;
  Begin(&out, lang, "conversation_title", "");
  out += "<p class=\"ok\" id=\"plain-left\">";
  Escape(&out, cat_.Text(lang, "plain_left"));
  out += "</p>\n";
  End(&out);
  return Page(out);
}

// ---------------------------------------------------------------------------

Result<std::shared_ptr<NojsPages>> AddNojsRoutes(http::Router* router, service::Store* store,
                                                 const NojsOptions& nojs,
                                                 const api::ApiOptions& api,
                                                 const http::HttpConfig& http) {
  if (router == nullptr || store == nullptr) return Status(Code::kInvalidArgument, "no router");
  DOJAVA_RETURN_IF_ERROR(NojsOptions::Keys().Check(nojs, "nojs."));
  PageOptions options;
  static_cast<NojsOptions&>(options) = nojs;
  options.instance_name = api.instance_name;
  options.message_characters = api.message_characters;
  options.form_body_limit_bytes = http.form_body_limit_bytes;
  options.static_dir = http.static_dir;
  auto create = router->Find(http::ListenerKind::kSource, http::Method::kPost, "/api/v1/cases");
  auto post =
      router->Find(http::ListenerKind::kSource, http::Method::kPost, "/api/v1/source/messages");
  if (!create || !post) return Status(Code::kInvalidArgument, "the API routes are not added yet");
  DOJAVA_RETURN_IF_ERROR(store->GetSettings().status());
  DOJAVA_ASSIGN_OR_RETURN(Catalogues catalogues, Catalogues::Load(options.static_dir));
  auto pages = std::make_shared<NojsPagesImpl>(store, std::move(options), std::move(catalogues),
                                               create->route->handler, post->route->handler);
  DOJAVA_RETURN_IF_ERROR(pages->AddRoutes(router));
  return std::shared_ptr<NojsPages>(pages);
}

}  // namespace dojava::nojs
