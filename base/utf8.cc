#include "base/utf8.h"

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
  return Scan(text, [](uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;       // C0, DEL, C1
    if (cp == 0x00ad || cp == 0x061c || cp == 0x180e) return false;  // soft hyphen, ALM, MVS
    if (cp >= 0x200b && cp <= 0x200f) return false;                  // zero-width, LRM, RLM
    if (cp >= 0x2028 && cp <= 0x202e) return false;  // separators, bidi embeddings/overrides
    if (cp >= 0x2060 && cp <= 0x206f) return false;  // word joiner, invisible operators, isolates
    if (cp == 0xfeff) return false;                  // BOM / zero-width no-break space
    if (cp >= 0xfff9 && cp <= 0xfffb) return false;  // interlinear annotation
    // Invisible fillers, variation selectors, tags, and every space but U+0020.
    if (cp == 0x00a0 || cp == 0x034f || cp == 0x1680 || cp == 0x202f || cp == 0x205f ||
        cp == 0x2800 || cp == 0x3000 || cp == 0x3164 || cp == 0xffa0) {
      return false;
    }
    if ((cp >= 0x115f && cp <= 0x1160) || (cp >= 0x17b4 && cp <= 0x17b5) ||
        (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x2000 && cp <= 0x200a) ||
        (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe0fff)) {
      return false;
    }
    return true;
  });
}

}  // namespace dojava
