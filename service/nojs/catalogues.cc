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

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 qvalue as thousandths: "0", "0.5", "1", "1.000"; -1 if malformed.
int ParseQ(std::string_view q) {
  if (q.empty() || q.size() > 5 || (q[0] != '0' && q[0] != '1')) return -1;
  int value = (q[0] - '0') * 1000;
  if (q.size() == 1) return value;
  if (q[1] != '.') return -1;
  int scale = 100;
  for (char c : q.substr(2)) {
    if (c < '0' || c > '9') return -1;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value > 1000 ? -1 : value;
}

// "*" or 1*8ALPHA *("-" 1*8alphanum), lower-cased; empty if malformed.
std::string LanguageRange(std::string_view r) {
  if (r == "*") return "*";
  size_t part = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const char c = r[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (c == '-') {
      if (part == 0) return {};
      part = 0;
    } else if ((alpha || (digit && i > r.find('-'))) && ++part <= 8) {
      continue;
    } else {
      return {};
    }
  }
  return r.empty() || part == 0 ? std::string() : Lower(r);
}

// The catalogue a lower-cased language range reads, or empty.
std::string_view CatalogueOfRange(std::string_view range) {
  const std::string_view primary = range.substr(0, range.find('-'));
  if (primary == "sr") {
    return range.find("-latn") != std::string_view::npos ? "sr-Latn" : "sr-Cyrl";
  }
  if (primary == "hr") return "bs";
  if (primary == "sh") return "sr-Latn";
  for (const Language& l : Languages()) {
    if (l.code == primary) return l.code;
  }
  return {};
}

}  // namespace

std::string_view LanguageOfAcceptLanguage(std::string_view header) {
  if (header.size() > kMaxAcceptLanguageBytes) return {};
  std::string_view best;
  int best_q = 0;
  size_t ranges = 0;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = TrimOws(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (item.empty()) continue;  // RFC 9110 §5.6.1: empty list elements are ignored
    if (++ranges > kMaxAcceptLanguageRanges) return {};
    int q = 1000;
    const size_t semi = item.find(';');
    if (semi != std::string_view::npos) {
      const std::string_view param = TrimOws(item.substr(semi + 1));
      if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return {};
      q = ParseQ(param.substr(2));
      if (q < 0) return {};
      item = TrimOws(item.substr(0, semi));
    }
    const std::string range = LanguageRange(item);
    if (range.empty()) return {};
    const std::string_view code = CatalogueOfRange(range);
    if (!code.empty() && q > best_q) {
      best = code;
      best_q = q;
    }
  }
  return best;
}

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
