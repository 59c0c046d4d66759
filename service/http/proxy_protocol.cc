#include "service/http/proxy_protocol.h"

namespace dojava::http {
namespace {

constexpr std::string_view kPrefix = "PROXY TCP6 fc00:dead:beef:4dad::";
constexpr std::string_view kDestination = " ::1 ";

// Canonical lower-case hex, 1-4 digits, no leading zero unless "0".
bool TakeHex16(std::string_view* s, uint32_t* out) {
  size_t n = 0;
  uint32_t v = 0;
  while (n < s->size() && n < 5) {
    char c = (*s)[n];
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else {
      break;
    }
    v = v * 16 + d;
    ++n;
  }
  if (n == 0 || n > 4 || (n > 1 && (*s)[0] == '0')) return false;
  s->remove_prefix(n);
  *out = v;
  return true;
}

bool TakePort(std::string_view* s) {
  size_t n = 0;
  uint32_t v = 0;
  while (n < s->size() && n < 6 && (*s)[n] >= '0' && (*s)[n] <= '9') {
    v = v * 10 + static_cast<uint32_t>((*s)[n] - '0');
    ++n;
  }
  if (n == 0 || n > 5 || (n > 1 && (*s)[0] == '0') || v > 65535) return false;
  s->remove_prefix(n);
  return true;
}

bool TakeLiteral(std::string_view* s, std::string_view literal) {
  if (s->substr(0, literal.size()) != literal) return false;
  s->remove_prefix(literal.size());
  return true;
}

}  // namespace

Result<uint32_t> ParseTorProxyV1(std::string_view line) {
  const Result<uint32_t> bad(Code::kMalformed, "bad PROXY line");
  if (line.size() > kProxyV1MaxLineBytes) return bad;
  std::string_view s = line;
  uint32_t hi = 0, lo = 0;
  if (!TakeLiteral(&s, kPrefix) || !TakeHex16(&s, &hi) || !TakeLiteral(&s, ":") ||
      !TakeHex16(&s, &lo) || !TakeLiteral(&s, kDestination) || !TakePort(&s) ||
      !TakeLiteral(&s, " ") || !TakePort(&s) || s != "\r\n") {
    return bad;
  }
  return (hi << 16) | lo;
}

}  // namespace dojava::http
