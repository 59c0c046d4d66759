#include "crypto/utf8.h"

#include <cstdint>

namespace dojava {
namespace {

// Decodes one code point at text[i]; returns its length, or 0 if invalid.
size_t Decode(ByteView text, size_t i, uint32_t* cp) {
  const uint8_t b0 = text[i];
  size_t len;
  uint32_t min;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if ((b0 & 0xe0) == 0xc0) {
    len = 2;
    min = 0x80;
    *cp = b0 & 0x1f;
  } else if ((b0 & 0xf0) == 0xe0) {
    len = 3;
    min = 0x800;
    *cp = b0 & 0x0f;
  } else if ((b0 & 0xf8) == 0xf0) {
    len = 4;
    min = 0x10000;
    *cp = b0 & 0x07;
  } else
    return 0;
  if (text.size() - i < len) return 0;
  for (size_t k = 1; k < len; ++k) {
    const uint8_t b = text[i + k];
    if ((b & 0xc0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3f);
  }
  if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff)) return 0;
  return len;
}

template <typename Accept>
bool Scan(ByteView text, Accept accept) {
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t n = Decode(text, i, &cp);
    if (n == 0 || !accept(cp)) return false;
    i += n;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(ByteView text) {
  return Scan(text, [](uint32_t) { return true; });
}

bool IsPrintableUtf8(ByteView text) {
  return Scan(text, [](uint32_t cp) { return cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f); });
}

}  // namespace dojava
