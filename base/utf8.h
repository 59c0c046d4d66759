// Strict UTF-8 validation (RFC 3629): shortest form only, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF. Used for every text field the
// protocol parses (roster names, message bodies).
#ifndef DOJAVA_BASE_UTF8_H_
#define DOJAVA_BASE_UTF8_H_

#include "base/bytes.h"

namespace dojava {

[[nodiscard]] bool IsValidUtf8(ByteView text);
// True if valid UTF-8 without anything that is invisible or changes how
// neighbouring text displays, so two names that look alike are alike:
// C0/C1 controls and DEL, soft hyphen, bidi marks, embeddings, overrides and
// isolates, zero-width characters, line/paragraph separators, the BOM
// (crypto/PROTOCOL.md §6 lists them).
[[nodiscard]] bool IsPrintableUtf8(ByteView text);

}  // namespace dojava

#endif  // DOJAVA_BASE_UTF8_H_
