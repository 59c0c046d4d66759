// Catalogues: the web page's message catalogues (static/www/i18n/*.json),
// read once at start from `static_dir`, so the no-JavaScript pages speak the
// same seven languages with the same words as the JavaScript page.
//
// Thread safety: immutable after Load; safe from any thread.
#ifndef DOJAVA_SERVICE_NOJS_CATALOGUES_H_
#define DOJAVA_SERVICE_NOJS_CATALOGUES_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dojava::nojs {

struct Language {
  std::string_view code;  // the catalogue's file name and the ?lang= value
  std::string_view name;  // in its own language
};
// The languages of static/www/js/i18n.js LANGUAGES, in the same order.
const std::vector<Language>& Languages();
inline constexpr std::string_view kDefaultLanguage = "en";

// The CLDR plural category ("one", "few" or "other") of the whole number
// `n` in `lang`: the rules the page gets from Intl.PluralRules
// (static/www/js/i18n.js pluralCategory; Montenegrin as Serbian). A catalogue
// key "x" with plural forms is stored as "x_one", "x_few", "x_other".
std::string_view PluralForm(std::string_view lang, uint64_t n);

// The language a query names ("lang=CODE", exactly that), or empty if it
// names none of Languages(). Never echoes input.
std::string_view LanguageOfQuery(std::string_view query);

// The language an Accept-Language header value prefers (RFC 9110 §12.5.4):
// the first of the highest-q ranges that names one of Languages() by its
// primary subtag (sr: Cyrillic unless a Latn subtag says otherwise; hr and
// sh read the closest catalogue, bs and sr-Latn). Empty if none does, if a
// range has q=0 only, or if the value is longer than
// kMaxAcceptLanguageBytes, has more than kMaxAcceptLanguageRanges ranges or
// does not parse (strict: language ranges and q only). Never echoes input;
// the caller neither logs nor stores the value.
inline constexpr size_t kMaxAcceptLanguageBytes = 512;
inline constexpr size_t kMaxAcceptLanguageRanges = 32;
std::string_view LanguageOfAcceptLanguage(std::string_view header);

class Catalogues {
 public:
  // Reads <static_dir>/i18n/<code>.json for every language: a JSON object of
  // string values. kNotFound / kMalformed naming the file; every key of the
  // English catalogue must exist in every other (kMalformed otherwise).
  static Result<Catalogues> Load(const std::string& static_dir);

  // `code` if it is a known language, else the default. Never echoes input.
  std::string_view Choose(std::string_view code) const;

  // The text of `key` in `lang` with {name} placeholders filled from
  // `values` (unknown placeholders stay visible). Unescaped text. A missing
  // key gives the key itself (Load guarantees English has every key the
  // server asks for: see kRequiredKeys in catalogues.cc).
  std::string Text(
      std::string_view lang, std::string_view key,
      std::initializer_list<std::pair<std::string_view, std::string_view>> values = {}) const;

  // Text() of the plural form of `key` for the number `n` (key + "_" +
  // PluralForm(lang, n)), or of key + "_other" if the language lacks that
  // form.
  std::string Plural(
      std::string_view lang, std::string_view key, uint64_t n,
      std::initializer_list<std::pair<std::string_view, std::string_view>> values = {}) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_CATALOGUES_H_
