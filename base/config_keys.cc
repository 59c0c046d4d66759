#include "base/config_keys.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace dojava::config {
namespace {

constexpr size_t kCommentColumns = 100;
constexpr size_t kMaxConfigFileBytes = 1024 * 1024;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool HasControlCharacter(std::string_view line) {
  for (char c : line) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

// A table cell: a '|' would end the cell early.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

bool ParseDecimal(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  if (s.size() > 1 && s[0] == '0') return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  *out = v;
  return true;
}

bool ParseNumber(std::string_view s, double* out) {
  const size_t dot = s.find('.');
  uint64_t whole = 0;
  if (!ParseDecimal(s.substr(0, dot), &whole) || whole > 1'000'000) return false;
  double v = static_cast<double>(whole);
  if (dot != std::string_view::npos) {
    const std::string_view fraction = s.substr(dot + 1);
    if (fraction.empty() || fraction.size() > 6) return false;
    double scale = 0.1;
    for (char c : fraction) {
      if (c < '0' || c > '9') return false;
      v += (c - '0') * scale;
      scale /= 10;
    }
  }
  *out = v;
  return true;
}

std::string FormatNumber(double value) {
  char text[64];
  const int n = std::snprintf(text, sizeof text, "%.6f", value);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof text) return "nan";
  std::string out(text, static_cast<size_t>(n));
  if (out.find('.') == std::string::npos) return out;  // inf, nan
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string ByteSize(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  std::string out;
  uint64_t n = bytes;
  for (const char* unit : kUnits) {
    if (n < 1024 || n % 1024 != 0) break;
    n /= 1024;
    out = std::to_string(n) + " " + unit;
  }
  return out;
}

Status KeyError(std::string_view key, std::string_view why) {
  return Status(Code::kInvalidArgument,
                "config key '" + std::string(key) + "': " + std::string(why));
}

Result<std::vector<ConfigLine>> SplitConfigLines(std::string_view text) {
  std::vector<ConfigLine> lines;
  std::set<std::string_view> seen;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    auto fail = [number](const std::string& why) {
      return Status(Code::kInvalidArgument, "config line " + std::to_string(number) + ": " + why);
    };
    if (HasControlCharacter(line)) return fail("control character");
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return fail("expected 'key = value'");
    const std::string_view key = Trim(line.substr(0, eq));
    if (key.empty()) return fail("empty key");
    if (!seen.insert(key).second) return fail("key '" + std::string(key) + "' repeated");
    lines.push_back(ConfigLine{number, key, Trim(line.substr(eq + 1))});
  }
  return lines;
}

Result<ConfigLine> SplitOverride(std::string_view text) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos || Trim(text.substr(0, eq)).empty()) {
    return Status(Code::kInvalidArgument, "an override must be key=value");
  }
  return ConfigLine{0, Trim(text.substr(0, eq)), Trim(text.substr(eq + 1))};
}

Result<std::string> ReadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIoError, "cannot open the config file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(Code::kIoError, "cannot read the config file");
  std::string s = text.str();
  if (s.size() > kMaxConfigFileBytes) {
    return Status(Code::kInvalidArgument, "config file too large");
  }
  return s;
}

Status ParseAbsolutePath(std::string_view text, std::string* out) {
  if (text.empty() || text[0] != '/')
    return Status(Code::kInvalidArgument, "expected an absolute path");
  *out = std::string(text);
  return Status::Ok();
}

Status ParseAnyText(std::string_view text, std::string* out) {
  *out = std::string(text);
  return Status::Ok();
}

std::string FormatText(const std::string& value) { return value; }

std::string CommentLines(std::string_view text) {
  std::string out;
  std::string line = "#";
  while (!text.empty()) {
    const size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (line.size() > 1 && line.size() + 1 + word.size() > kCommentColumns) {
      out += line + "\n";
      line = "#";
    }
    line += " ";
    line += word;
  }
  return out + line + "\n";
}

std::string MarkdownRow(std::string_view key, std::string_view value, std::string_view values,
                        std::string_view help) {
  return "| `" + std::string(key) + "` | " + Cell(value) + " | " + Cell(values) + " | " +
         Cell(help) + " |\n";
}

}  // namespace dojava::config
