// Key files (crypto/PROTOCOL.md §5.3): a reviewer or admin seed encrypted
// under a passphrase, exactly 104 bytes, file mode 0600.
//
//   0  4  magic "DJKF"        16 16 salt
//   4  1  version = 1         32 24 nonce
//   5  1  kind (1 reviewer, 2 admin)
//   6  1  kdf = 1 (Argon2id v1.3)
//   7  1  reserved = 0        56 48 AEAD(wk, nonce, ad, seed) -- seed || tag
//   8  4  t (u32, 1..16)      wk = Argon2id(passphrase, salt, t, m)
//  12  4  m KiB (u32, 8192..1048576)
//                             ad = L("dojava/v1/key-file") || bytes[0..56)
//
// Sealing/opening are pure functions over bytes; WriteKeyFile/ReadKeyFile do
// the file-system part (atomic create, permissions, size limit).
// Thread safety: no shared state.
#ifndef DOJAVA_CRYPTO_KEY_FILE_H_
#define DOJAVA_CRYPTO_KEY_FILE_H_

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/protocol_constants.h"

namespace dojava::crypto {

enum class KeyKind : uint8_t {
  kReviewer = protocol::kKeyKindReviewer,
  kAdmin = protocol::kKeyKindAdmin,
  // §5.1: the X25519 secret of a reviewer's key epoch >= 2, used as is.
  kEncryption = protocol::kKeyKindEncryption,
};

// Argon2id cost written into a new key file. The defaults are what §5.3 says
// writers use (libsodium's MODERATE: 3 passes, 256 MiB). Must lie within the
// bounds a reader accepts (t 1..16, m 8192..1048576 KiB).
struct KeyFileParams {
  uint32_t ops = protocol::kKeyFileDefaultOps;
  uint32_t mem_kib = protocol::kKeyFileDefaultMemKiB;
};

// Encrypts `seed` (32 bytes) under `passphrase` (its UTF-8 bytes, exactly as
// entered) with a fresh random salt and nonce; returns the 104 bytes.
// kInvalidArgument if the seed is not 32 bytes, the passphrase is empty, the
// kind is unknown or `params` are outside the reader's bounds; kInternal if
// Argon2id cannot allocate its memory. Takes one Argon2id at `params`.
Result<Bytes> SealKeyFile(KeyKind kind, const SecretBytes& seed, const SecretBytes& passphrase,
                          KeyFileParams params = {});

struct OpenedKeyFile {
  KeyKind kind;
  SecretBytes seed;  // 32 bytes
};

// Decrypts a key file. Before running Argon2id it checks, in this order
// (§5.3): size 104, magic, version, kdf, reserved byte, bounds of t and m,
// then the kind (1 or 2). Outcomes: kUnsupportedVersion for a version other
// than 1; kMalformed for every other structural fault; kWrongPassphrase if
// the passphrase is empty or the AEAD does not open ("wrong passphrase, or
// the key file is damaged": a damaged body or an altered in-bounds header
// field cannot be told apart from a wrong passphrase); kInternal if Argon2id
// cannot allocate its memory. The cost is bounded by t <= 16, m <= 1 GiB.
Result<OpenedKeyFile> OpenKeyFile(ByteView file, const SecretBytes& passphrase);

// Writes `bytes` (a 104-byte key file, else kInvalidArgument) to `path`
// atomically: a temporary file in the same directory created with
// O_CREAT|O_EXCL|O_NOFOLLOW and mode exactly 0600 (whatever the umask),
// written, fsynced, renamed onto `path`, then the directory fsynced.
// Without `overwrite`, an existing `path` (even a dangling symlink) is
// refused with kAlreadyExists, atomically (no race with another writer).
// With `overwrite`, an existing symlink at `path` is replaced, never
// followed. kIoError on any other failure; the temporary file is removed.
Status WriteKeyFile(const std::string& path, ByteView bytes, bool overwrite);

// Reads a key file, like ssh reads a private key: refuses a symbolic link
// (kPermissionDenied), anything but a regular file (kIoError), a file with
// any group or other permission bits (kPermissionDenied; the message says to
// run `chmod 600`), and a file larger than 104 bytes, before reading it
// (kMalformed). kNotFound if it does not exist; kIoError otherwise. A short
// file is returned as read: OpenKeyFile rejects its size.
Result<Bytes> ReadKeyFile(const std::string& path);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_KEY_FILE_H_
