// The HTML of the no-JavaScript pages: text in wiped memory (PageText),
// escaping, and the page frame every /plain page shares (head, navigation,
// language links, the note saying which path this is, error pages).
//
// Thread safety: PlainHtml is immutable after construction.
#ifndef DOJAVA_SERVICE_NOJS_PLAIN_HTML_H_
#define DOJAVA_SERVICE_NOJS_PLAIN_HTML_H_

#include <sodium.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "service/http/http_message.h"
#include "service/nojs/catalogues.h"

namespace dojava::nojs {

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

// HTML-escapes `s` onto `out` (a PageText, or a std::string for catalogue
// text that holds nothing secret).
template <typename Out>
void Escape(Out* out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&#39;";
        break;
      default:
        *out += c;
    }
  }
}

// "12 KiB" in the catalogue's words.
std::string SizeText(const Catalogues& cat, std::string_view lang, uint64_t n);

// The frame of every page, in the source's language.
class PlainHtml {
 public:
  PlainHtml(const Catalogues* catalogues, std::string instance_name, uint64_t form_limit_bytes)
      : cat_(catalogues),
        instance_name_(std::move(instance_name)),
        form_limit_bytes_(form_limit_bytes) {}

  const Catalogues& cat() const { return *cat_; }
  // The language of a query "lang=CODE"; anything else gives the default
  // (never echoed).
  std::string LangOf(std::string_view query) const;
  // The language of a GET page: the query's, else the browser's preferred
  // one (Accept-Language, LanguageOfAcceptLanguage), else the default.
  std::string LangOf(const http::HttpRequest& request) const;
  // The escaped catalogue text of `key`.
  std::string T(std::string_view lang, std::string_view key) const;

  // Opens a page: head, navigation, and language links when `self_path` is
  // a GET page (empty: none, as a conversation page would lose its session).
  void Begin(PageText* out, std::string_view lang, std::string_view title_key,
             std::string_view self_path) const;
  void End(PageText* out) const;
  // The response for a finished page: copied once into a body of exactly
  // its size (no reallocation; the HTTP layer wipes it after writing).
  http::HttpResponse Page(const PageText& html, int status = 200) const;
  http::HttpResponse ErrorPage(std::string_view lang, int status, std::string_view message,
                               std::string_view back_path) const;
  // The HTTP layer's own refusals (413 over the form limit, 503 busy,
  // 408...) as a page in the language of `query`.
  http::HttpResponse LayerErrorPage(int status, std::string_view query,
                                    std::string_view back_path) const;
  // "Larger than {max}" for the form limit.
  std::string FormLimitText(std::string_view lang) const {
    return SizeText(*cat_, lang, form_limit_bytes_);
  }

 private:
  void LanguageLinks(PageText* out, std::string_view lang, std::string_view self_path) const;

  const Catalogues* cat_;
  const std::string instance_name_;
  const uint64_t form_limit_bytes_;
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_PLAIN_HTML_H_
