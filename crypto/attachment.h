// Attachments, crypto/PROTOCOL.md §9: a file is cut into chunks of exactly
// 524288 plaintext bytes, the last one padded with 0x80 0x00..., and each
// chunk is sealed with XChaCha20-Poly1305 under a per-file key:
//
//   nonce_i  = nonce_prefix (20) || u32(i)
//   ad_i     = L("dojava/v1/chunk") || version || file_id || u32(i) || last_i
//   record_i = version(1) || AEAD(file_key, nonce_i, ad_i, plain_i)   -- 524305 bytes
//
// The `last` flag in the additional data (the STREAM construction) lets a
// reader detect truncation and extension without trusting a chunk count.
//
// Three layers, each built on the one before:
//   - chunk functions (EncryptChunk, DecryptChunk): one record at a time, for
//     resumable uploads and random access;
//   - AttachmentEncryptor / AttachmentDecryptor: a whole file of any size in
//     constant memory, fed in pieces, output through a sink;
//   - EncryptStream / DecryptStream / EncryptFd / DecryptFd: file to file.
//
// Plaintext is only ever held in SecretBytes (wiped on free). Ciphertext is
// not secret and lives in plain Bytes.
#ifndef DOJAVA_CRYPTO_ATTACHMENT_H_
#define DOJAVA_CRYPTO_ATTACHMENT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <span>
#include <utility>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

using NoncePrefix = std::array<uint8_t, protocol::kChunkNoncePrefixSize>;

// The largest file §9 allows: count = floor(size / 524288) + 1 <= 2^20.
// (An instance's configured attachment limit is lower; that is the
// service's business, not the format's.)
inline constexpr uint64_t kMaxAttachmentSize =
    protocol::kMaxChunksPerFile * protocol::kChunkPlainSize - 1;

// The per-file secrets of §9.1. They travel only inside the encrypted
// message that references the file (the FILEREF of §11).
//
// Move-only (the key is a SecretBytes). Thread safety: immutable after
// construction, so one object may be read from several threads at once.
class FileSecrets {
 public:
  // Fresh random secrets from libsodium's CSPRNG. Never fails (aborts only if
  // libsodium cannot initialise, see EnsureSodium).
  static FileSecrets Generate();

  // Secrets from explicit bytes: a FILEREF being read, or a test vector.
  // kMalformed unless the sizes are exactly 32, 20 and 16. The bytes are
  // copied; the caller keeps ownership of its views.
  static Result<FileSecrets> FromBytes(ByteView file_key, ByteView nonce_prefix, ByteView file_id);

  // An independent copy (the key in fresh secure memory).
  FileSecrets Clone() const;

  FileSecrets(FileSecrets&&) noexcept = default;
  FileSecrets& operator=(FileSecrets&&) noexcept = default;

  const SecretBytes& file_key() const { return file_key_; }
  const NoncePrefix& nonce_prefix() const { return nonce_prefix_; }
  const Id& file_id() const { return file_id_; }

 private:
  FileSecrets(SecretBytes file_key, const NoncePrefix& nonce_prefix, const Id& file_id)
      : file_key_(std::move(file_key)), nonce_prefix_(nonce_prefix), file_id_(file_id) {}

  SecretBytes file_key_;  // 32 bytes
  NoncePrefix nonce_prefix_{};
  Id file_id_{};
};

// Number of chunks of a file of `size` bytes (§9.2): floor(size / 524288) + 1.
// A 0-byte file has one chunk; a file of exactly 524288 bytes has two.
// Pure; callers check size <= kMaxAttachmentSize where it matters.
uint64_t ChunkCount(uint64_t size);

// ---------------------------------------------------------------------------
// Chunk functions. `index` is the chunk's position (0-based); `is_last` says
// whether it is chunk count - 1. All are pure functions of their arguments and
// safe to call concurrently (libsodium's AEAD is reentrant).

// Seals chunk `index` of a file. `plaintext` is the chunk's data: exactly
// 524288 bytes if !is_last; 0..524287 bytes if is_last (this function adds
// the 0x80 0x00... padding). Deterministic: the same arguments give the same
// 524305 bytes, so an interrupted upload can resume chunk by chunk.
// kInvalidArgument if the plaintext size does not fit `is_last` or index >=
// 2^20. The returned record is the caller's.
Result<Bytes> EncryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                           ByteView plaintext);

// As EncryptChunk, writing the record into `record_out`, which must be
// exactly 524305 bytes (kInvalidArgument otherwise, and `record_out` is left
// untouched). `plaintext` and `record_out` must not overlap.
Status EncryptChunkInto(const FileSecrets& secrets, uint64_t index, bool is_last,
                        ByteView plaintext, std::span<uint8_t> record_out);

// Opens a record as chunk `index` (last or not, as the caller says) and
// returns its data, without padding, in wiped-on-free memory.
// Checks, in this order (§9.2): version byte (kUnsupportedVersion, before
// anything else), size 524305 (kMalformed), index < 2^20
// (kInvalidArgument), AEAD (kDecryptFailed: wrong key or file, another
// position, wrong `is_last`, any flipped bit), then for the last chunk the
// padding (kMalformed).
Result<SecretBytes> DecryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                                 ByteView record);

// As DecryptChunk, into `plaintext_out`, which must hold at least 524288 bytes
// (kInvalidArgument otherwise). On success returns the data length (524288
// for a non-last chunk) and the data is plaintext_out[0, length); the padding
// after it is wiped. On any failure `plaintext_out` holds no plaintext.
// Callers should pass the reveal_mut() of a SecretBytes.
Result<size_t> DecryptChunkInto(const FileSecrets& secrets, uint64_t index, bool is_last,
                                ByteView record, std::span<uint8_t> plaintext_out);

// ---------------------------------------------------------------------------
// Streaming.

// Receives output: a record (encryptor) or plaintext (decryptor). The view is
// valid only during the call. A non-OK Status stops the stream: the encryptor
// or decryptor returns that Status from the current call and every later one.
using ByteSink = std::function<Status(ByteView)>;

// Encrypts a file of any size, up to kMaxAttachmentSize, in constant memory:
// it holds at most one chunk of plaintext (in SecretBytes) and one record.
// Every record goes to the sink as soon as it is complete, in order: a full
// chunk of plaintext is never the last (§9.2: a file of exactly 524288 bytes
// ends with a padding-only chunk), so no look-ahead is needed.
//
// Not thread-safe: one thread drives an encryptor at a time.
class AttachmentEncryptor {
 public:
  // Copies `secrets`; `sink` is called from Update and Finish.
  AttachmentEncryptor(const FileSecrets& secrets, ByteSink sink);

  AttachmentEncryptor(const AttachmentEncryptor&) = delete;
  AttachmentEncryptor& operator=(const AttachmentEncryptor&) = delete;

  // Appends plaintext of any length (0 included). Emits every chunk it
  // completes. Errors: the sink's Status; kResourceExhausted if the file
  // would exceed kMaxAttachmentSize (nothing of this call is consumed);
  // kInvalidArgument after Finish. Errors are sticky.
  Status Update(ByteView plaintext);

  // Pads and emits the last chunk. OK once the whole file has gone to the
  // sink; then size() and chunk_count() are the file's, for its FILEREF.
  // Calling it again returns the first call's Status without emitting.
  Status Finish();

  uint64_t size() const { return size_; }               // plaintext bytes taken so far
  uint64_t chunk_count() const { return next_index_; }  // records emitted so far

 private:
  Status EmitChunk(ByteView padded_plaintext, bool is_last);
  Status Fail(Status status);

  FileSecrets secrets_;
  ByteSink sink_;
  SecretBytes buffer_;   // plaintext of the chunk being filled
  size_t buffered_ = 0;  // bytes of buffer_ in use
  Bytes record_;         // the record being emitted
  uint64_t size_ = 0;
  uint64_t next_index_ = 0;
  bool finished_ = false;
  Status status_;  // first error, sticky
};

// Decrypts a file's records, in order, in constant memory. A chunk is known
// to be the last only when the stream ends, so the decryptor keeps one chunk
// of look-ahead: each record is opened as a non-last chunk as it arrives, and
// its plaintext goes to the sink only when the next record arrives (proving
// it was not the last). A record that does not open as non-last is kept and
// opened as the last chunk when the stream ends. No plaintext reaches the
// sink before its chunk authenticated at its position with the right flag.
//
// Memory: one chunk of plaintext (SecretBytes) and, for a record that did not
// open as non-last, one copy of that record.
//
// Outcomes (§9.2, names of §13):
//   kMalformed          a record that is not 524305 bytes; bad last-chunk
//                       padding; more than 2^20 records
//   kUnsupportedVersion a version byte other than 1 (checked before decrypting)
//   kDecryptFailed      a record that opens neither as chunk i nor as last
//                       chunk i: reordered, duplicated, flipped, from another
//                       file, wrong key
//   kTruncated          the stream ended with no record that opens as last
//                       (including an empty stream)
//   kExtended           a record (or any bytes) after the one that opened as last
// A failed stream may already have sent authenticated leading chunks to the
// sink; the caller must treat the output as incomplete and discard it unless
// Finish returns OK.
//
// Not thread-safe: one thread drives a decryptor at a time.
class AttachmentDecryptor {
 public:
  // Copies `secrets`; `sink` is called from Push and Finish.
  AttachmentDecryptor(const FileSecrets& secrets, ByteSink sink);

  AttachmentDecryptor(const AttachmentDecryptor&) = delete;
  AttachmentDecryptor& operator=(const AttachmentDecryptor&) = delete;

  // The next record of the stream, whole. May emit the previous chunk's
  // plaintext. Errors as listed above, or the sink's Status; sticky. After a
  // successful Finish, any Push is kExtended.
  Status Push(ByteView record);

  // The stream has ended: opens the held record as the last chunk, checks
  // its padding and emits its data. OK means the whole file, exactly, went to
  // the sink. Calling it again returns the first call's Status.
  Status Finish();

  uint64_t size() const { return size_; }               // plaintext bytes emitted
  uint64_t chunk_count() const { return next_index_; }  // records accepted

 private:
  enum class Held { kNothing, kPlaintext, kRecord };
  Status ResolveHeld();
  Status Fail(Status status);

  FileSecrets secrets_;
  ByteSink sink_;
  SecretBytes plain_;  // kPlaintext: chunk next_index_ - 1, opened as non-last
  Bytes held_record_;  // kRecord: chunk next_index_ - 1, did not open as non-last
  Held held_ = Held::kNothing;
  uint64_t size_ = 0;
  uint64_t next_index_ = 0;
  bool finished_ = false;
  Status status_;  // first error, sticky
};

// ---------------------------------------------------------------------------
// File to file, in constant memory (a few chunk-sized buffers), for the CLI.

struct AttachmentInfo {
  uint64_t size = 0;         // plaintext bytes
  uint64_t chunk_count = 0;  // records
};

// Reads plaintext from `in` to its end and writes the records to `out`.
// On success returns the file's size and chunk count (for its FILEREF).
// kIoError if reading or writing fails; kResourceExhausted beyond
// kMaxAttachmentSize. On failure `out` holds a partial, useless stream.
// Thread safety: as the streams themselves.
Result<AttachmentInfo> EncryptStream(const FileSecrets& secrets, std::istream& in,
                                     std::ostream& out);

// Reads records from `in` to its end and writes the plaintext to `out`.
// Outcomes as AttachmentDecryptor (trailing bytes shorter than a record are
// kExtended after the last chunk, kMalformed otherwise), or kIoError.
// On failure `out` may hold authenticated leading chunks of the file: the
// caller must discard it. `out`'s own buffers are not SecretBytes: the caller
// chooses where plaintext goes.
Result<AttachmentInfo> DecryptStream(const FileSecrets& secrets, std::istream& in,
                                     std::ostream& out);

// As EncryptStream and DecryptStream over POSIX file descriptors (read/write,
// retried on EINTR and short writes). The descriptors stay the caller's and
// open; reading stops at end of file.
Result<AttachmentInfo> EncryptFd(const FileSecrets& secrets, int in_fd, int out_fd);
Result<AttachmentInfo> DecryptFd(const FileSecrets& secrets, int in_fd, int out_fd);

// §9.2: after decrypting a file, a reader that holds its file reference
// (§11: "size" and "chunks") MUST check that they match what it decrypted.
// OK if both match; kMalformed (naming neither value) otherwise. A server
// that serves a shorter, longer or other file under this reference is
// caught here even when every chunk authenticated.
[[nodiscard]] Status CheckFileReference(const AttachmentInfo& decrypted, uint64_t reference_size,
                                        uint64_t reference_chunks);

// §9.2: the digest a client records of each chunk's plaintext on the first
// upload pass, BLAKE2b-256(key = file_key, message = u32(index) || last || padded
// plaintext of the chunk), so that before encrypting chunk `index` again
// (resume, or a server claiming it is missing) it can prove the plaintext is
// unchanged: same plaintext -> same record bytes; a changed plaintext under
// the same (key, nonce) would leak the XOR of both and must never be sealed.
// `plaintext` is the chunk's data as given to EncryptChunk (<= 524287 bytes
// for the last chunk, exactly 524288 otherwise); the digest covers the
// padded form, so the last chunk's length is bound too. kInvalidArgument for
// a wrong size or an index >= 2^20.
Result<Bytes> ChunkPlaintextDigest(const FileSecrets& secrets, uint64_t index, bool is_last,
                                   ByteView plaintext);

// Encrypts chunk `index` only if its plaintext's digest equals the one
// recorded on the first pass (`recorded_digest`, 32 bytes, compared in
// constant time); kAlreadyExists ("the file changed since its upload began:
// start a new file") otherwise. On success, the same bytes as EncryptChunk.
Result<Bytes> ReEncryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                             ByteView plaintext, ByteView recorded_digest);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_ATTACHMENT_H_
