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
constexpr std::string_view kRequiredKeys[] = {
    "plain_title",  "plain_path_note",  "plain_js_link",     "plain_noscript",
    "plain_metadata", "plain_files_limit", "plain_submit_button", "plain_return_lead",
    "plain_session_note", "plain_err_busy", "plain_err_too_large", "plain_err_session",
    "plain_err_form", "plain_back", "plain_file_too_large", "plain_left", "plain_open_files",
    "receipt_title", "receipt_lead", "f_country", "f_incident", "f_when", "f_responsible",
    "f_title", "f_text", "f_files", "r_receipt", "open_button", "leave_button",
    "conversation_title", "reply_title", "m_text", "reply_sent", "msg_from_you",
    "msg_from_reviewer", "err_receipt_unknown", "err_receipt_format", "err_receipt_checksum"};

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
  static const std::vector<Language> kLanguages = {
      {"en", "English"},        {"sq", "Shqip"},     {"sr-Latn", "Srpski (latinica)"},
      {"sr-Cyrl", "Српски (ћирилица)"}, {"bs", "Bosanski"}, {"cnr", "Crnogorski"},
      {"mk", "Македонски"}};
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

}  // namespace dojava::nojs
