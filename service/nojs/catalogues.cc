#include "service/nojs/catalogues.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>

namespace dojava::nojs {
namespace {

constexpr size_t kMaxCatalogueBytes = 1024 * 1024;

// Keys the server pages use; Load refuses catalogues without them, so a
// page never shows a bare key.
// clang-format off
constexpr std::string_view kRequiredKeys[] = {
    "plain_title", "plain_path_note", "plain_js_link", "plain_noscript", "plain_metadata",
    "plain_files_limit", "plain_submit_button", "plain_return_lead", "plain_session_note_one",
    "plain_session_note_other", "plain_err_busy", "plain_err_too_large", "plain_err_session_one",
    "plain_err_session_other", "plain_err_form", "plain_back", "plain_file_too_large",
    "plain_left", "plain_open_files", "receipt_title", "receipt_lead", "f_country", "f_incident",
    "f_when", "f_responsible", "f_title", "f_text", "f_files", "r_receipt", "open_button",
    "leave_button", "conversation_title", "reply_title", "m_text", "reply_sent", "msg_from_you",
    "msg_from_reviewer", "err_receipt_unknown", "err_receipt_format", "err_receipt_checksum",
    "err_api_not_found", "err_api_rate_limited", "err_api_internal", "err_api_bad_request",
    "err_api_body_too_large", "err_api_timeout", "nav_submit"};
// clang-format on

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.size() > kMaxCatalogueBytes) return Status(Code::kMalformed, path + " is too large");
  return text;
}

}  // namespace

const std::vector<Language>& Languages() {
  // clang-format off
  static const std::vector<Language> kLanguages = {
      {"en", "English"}, {"sq", "Shqip"}, {"sr-Latn", "Srpski (latinica)"},
      {"sr-Cyrl", "Српски (ћирилица)"}, {"bs", "Bosanski"}, {"cnr", "Crnogorski"},
      {"mk", "Македонски"}};
  // clang-format on
  return kLanguages;
}

Result<Catalogues> Catalogues::Load(const std::string& static_dir) {
  Catalogues c;
  for (const Language& lang : Languages()) {
    const std::string path = static_dir + "/i18n/" + std::string(lang.code) + ".json";
    DOJAVA_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) return Status(Code::kMalformed, path + " is not a JSON object");
    auto& table = c.texts_[std::string(lang.code)];
    for (const auto& [key, value] : v.as_object()) {
      if (!value.is_string()) return Status(Code::kMalformed, path + ": a value is not a string");
      table.emplace(std::string(key), std::string(value.as_string()));
    }
  }
  const auto& en = c.texts_.at("en");
  for (std::string_view key : kRequiredKeys) {
    if (en.find(key) == en.end()) {
      return Status(Code::kMalformed, "the English catalogue lacks " + std::string(key));
    }
  }
  for (const auto& [code, table] : c.texts_) {
    for (const auto& [key, text] : en) {
      if (table.find(key) == table.end()) {
        return Status(Code::kMalformed, "the catalogue " + code + " lacks " + key);
      }
    }
  }
  return c;
}

std::string_view PluralForm(std::string_view lang, uint64_t n) {
  const uint64_t d = n % 10;
  const uint64_t h = n % 100;
  if (lang == "sr-Latn" || lang == "sr-Cyrl" || lang == "bs" || lang == "cnr") {
    if (d == 1 && h != 11) return "one";
    if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return "few";
    return "other";
  }
  if (lang == "mk") return d == 1 && h != 11 ? "one" : "other";
  return n == 1 ? "one" : "other";  // en, sq
}

std::string_view LanguageOfQuery(std::string_view query) {
  if (query.substr(0, 5) != "lang=") return {};
  for (const Language& l : Languages()) {
    if (l.code == query.substr(5)) return l.code;
  }
  return {};
}

std::string_view Catalogues::Choose(std::string_view code) const {
  for (const Language& l : Languages()) {
    if (l.code == code) return l.code;
  }
  return kDefaultLanguage;
}

std::string Catalogues::Text(
    std::string_view lang, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
  auto table = texts_.find(lang);
  if (table == texts_.end()) table = texts_.find(kDefaultLanguage);
  if (table == texts_.end()) return std::string(key);
  auto it = table->second.find(key);
  if (it == table->second.end()) return std::string(key);
  const std::string& text = it->second;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string_view name(text.data() + i + 1, close - i - 1);
        bool filled = false;
        for (const auto& [n, v] : values) {
          if (n == name) {
            out.append(v);
            filled = true;
            break;
          }
        }
        if (filled) {
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string Catalogues::Plural(
    std::string_view lang, std::string_view key, uint64_t n,
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
  std::string form = std::string(key) + "_" + std::string(PluralForm(lang, n));
  auto table = texts_.find(lang);
  if (table == texts_.end() || table->second.find(form) == table->second.end()) {
    form = std::string(key) + "_other";
  }
  return Text(lang, form, values);
}

}  // namespace dojava::nojs
