// The source's copy of the case key (crypto/PROTOCOL.md §7.1): CK wrapped
// under source_wrap, a symmetric key only a receipt holder can derive (§4.3).
//
// Why not sealed to source_pk like a reviewer's copy (§7): source_pk is public
// (the server stores it), so a server could seal a key of its own choosing to
// it, and the source would open it without noticing. A wrapped key opens only
// if it was made with source_wrap, so a source knows the CK it opens is the
// one it made itself.
//
// The record has the sealed key's 82-byte layout (version, role, 32 bytes, 48
// bytes of AEAD), so the API, the store and the server's size checks are the
// same for both. (The server knows which entry is the source's; the shared
// layout hides nothing and need not.)
//
// These are the only functions that make or open the source's copy: the web
// page, the CLI and the no-JavaScript path (which runs §12.2 on the server)
// all go through them. Thread safety: no shared state.
#ifndef DOJAVA_CRYPTO_SOURCE_KEY_WRAP_H_
#define DOJAVA_CRYPTO_SOURCE_KEY_WRAP_H_

#include <cstdint>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

// Wraps `key` (32 bytes; the source is only ever given CK, role
// kRoleCaseKey) for `role` of `case_id` under `source_wrap`
// (ReceiptKeys::source_wrap, 32 bytes), with a fresh random r. Returns the
// 82-byte record, to be sent as the "source" entry of the case's keys.
// kInvalidArgument for a key or source_wrap that is not 32 bytes or an
// unknown role. Nothing secret is kept; the caller owns the result.
Result<Bytes> WrapSourceKey(const SecretBytes& key, uint8_t role, const Id& case_id,
                            const SecretBytes& source_wrap);

// Opens an 82-byte wrapped record for `role` of `case_id` under `source_wrap`.
// Checks, in order: the version (kUnsupportedVersion; kMalformed if empty),
// the size 82 (kMalformed), the role byte equals `role` (kMalformed), then the
// AEAD (kDecryptFailed: another receipt, another case, a rewritten role byte,
// any flipped byte, or a key sealed to source_pk by a server, §7). On success
// the 32-byte key, in wiped memory. kInvalidArgument if source_wrap is not 32
// bytes.
Result<SecretBytes> OpenSourceKey(ByteView record, uint8_t role, const Id& case_id,
                                  const SecretBytes& source_wrap);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_SOURCE_KEY_WRAP_H_
