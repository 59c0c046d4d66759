// §11.3 file names and media types (body.h).
#include <cstdint>

#include "payload/body.h"
#include "payload/payload_constants.h"

namespace dojava::payload {
namespace {

// The code point of the well-formed UTF-8 sequence at s[i] and its length,
// or length 0 (invalid, overlong, surrogate, over U+10FFFF, truncated).
uint32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  *len = 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  uint32_t cp = 0;
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  } else if ((b0 & 0xe0) == 0xc0) {
    n = 2;
    cp = b0 & 0x1f;
  } else if ((b0 & 0xf0) == 0xe0) {
    n = 3;
    cp = b0 & 0x0f;
  } else if ((b0 & 0xf8) == 0xf0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return 0;
  }
  *len = n;
  return cp;
}

bool Removed(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string CleanFileName(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string kept;
  for (size_t i = 0; i < name.size();) {
    size_t len = 0;
    const uint32_t cp = DecodeUtf8(name, i, &len);
    if (len == 0) {
      ++i;  // a byte that starts no well-formed character
      continue;
    }
    if (!Removed(cp)) kept.append(name.substr(i, len));
    i += len;
  }
  std::string out(TrimSpaces(kept));
  if (out.empty() || out == "." || out == "..") return std::string(kFallbackFileName);
  if (out[0] == '.' || out[0] == '-') out = "_" + out;
  size_t chars = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if ((static_cast<unsigned char>(out[i]) & 0xc0) == 0x80) continue;
    if (++chars > kFileNameMaxChars) {
      out.resize(i);  // at a character boundary
      out = std::string(TrimSpaces(out));
      break;
    }
  }
  return out;
}

std::string CleanMime(std::string_view mime) {
  if (mime.size() > kMimeMaxChars) return "";
  for (char c : mime) {
    if (c < 0x21 || c > 0x7e) return "";
  }
  return std::string(mime);
}

}  // namespace dojava::payload
