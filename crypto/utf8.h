// Strict UTF-8 validation (RFC 3629): shortest form only, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF. Used for every text field the
// protocol parses (roster names, message bodies).
#ifndef DOJAVA_CRYPTO_UTF8_H_
#define DOJAVA_CRYPTO_UTF8_H_

#include "crypto/bytes.h"

namespace dojava {

bool IsValidUtf8(ByteView text);
// True if valid UTF-8 without C0 or C1 control characters or DEL
// (U+0000..U+001F, U+007F..U+009F).
bool IsPrintableUtf8(ByteView text);

}  // namespace dojava

#endif  // DOJAVA_CRYPTO_UTF8_H_
