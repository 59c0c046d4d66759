#include "crypto/attachment.h"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <istream>
#include <ostream>

namespace dojava::crypto {
namespace {

using protocol::kChunkPlainSize;
using protocol::kChunkRecordSize;
using protocol::kMaxChunksPerFile;
using protocol::kVersion;

// The padding of §9.2: data || 0x80 || 0x00...
constexpr uint8_t kPadMarker = 0x80;

using Nonce = std::array<uint8_t, protocol::kAeadNonceSize>;

// nonce_i = nonce_prefix || u32(i). Callers have checked i < 2^20.
Nonce ChunkNonce(const FileSecrets& secrets, uint64_t index) {
  Nonce nonce{};
  const NoncePrefix& prefix = secrets.nonce_prefix();
  std::copy(prefix.begin(), prefix.end(), nonce.begin());
  for (size_t i = 0; i < 4; ++i) {
    nonce[prefix.size() + i] = static_cast<uint8_t>(index >> (8 * (3 - i)));
  }
  return nonce;
}

// ad_i = L("dojava/v1/chunk") || version || file_id || u32(i) || last_i.
Bytes ChunkAd(const FileSecrets& secrets, uint64_t index, bool is_last) {
  Bytes ad = Label(protocol::kLabelChunk);
  ByteWriter w(&ad);
  w.U8(kVersion);
  w.Raw(secrets.file_id());
  w.U32(static_cast<uint32_t>(index));
  w.U8(static_cast<uint8_t>(is_last ? 1 : 0));
  return ad;
}

// Seals a chunk whose plaintext is already exactly 524288 bytes (padded if
// last) into `record` (524305 bytes).
void SealChunk(const FileSecrets& secrets, uint64_t index, bool is_last, ByteView padded,
               uint8_t* record) {
  const Nonce nonce = ChunkNonce(secrets, index);
  const Bytes ad = ChunkAd(secrets, index, is_last);
  record[0] = kVersion;
  AeadSealInto(secrets.file_key().reveal(), nonce, ad, padded,
               std::span<uint8_t>(record + 1, kChunkRecordSize - 1));
}

// Opens a record whose size and version the caller has checked, without
// looking at padding. kDecryptFailed (and `out` wiped) on failure.
Status OpenChunk(const FileSecrets& secrets, uint64_t index, bool is_last, ByteView record,
                 uint8_t* out) {
  const Nonce nonce = ChunkNonce(secrets, index);
  const Bytes ad = ChunkAd(secrets, index, is_last);
  return AeadOpenInto(secrets.file_key().reveal(), nonce, ad, record.subspan(1),
                      std::span<uint8_t>(out, kChunkPlainSize));
}

// Writes the padding after `data_len` bytes of data in a 524288-byte chunk.
void Pad(std::span<uint8_t> chunk, size_t data_len) {
  chunk[data_len] = kPadMarker;
  std::fill(chunk.begin() + static_cast<std::ptrdiff_t>(data_len) + 1, chunk.end(), 0);
}

// The data length of a padded last chunk: the last non-zero byte must be the
// 0x80 marker. The chunk has authenticated, so the scan's timing tells nothing
// to an attacker who could not already read it.
Result<size_t> Unpad(ByteView chunk) {
  size_t end = chunk.size();
  while (end > 0 && chunk[end - 1] == 0) --end;
  if (end == 0 || chunk[end - 1] != kPadMarker) {
    return Status(Code::kMalformed, "bad padding in the last chunk");
  }
  return end - 1;
}

Status CheckRecordHeader(ByteView record) {
  // Version first, as for every record (PROTOCOL.md §1).
  if (record.empty()) return Status(Code::kMalformed, "empty chunk record");
  if (record[0] != kVersion) return Status(Code::kUnsupportedVersion, "chunk record version");
  if (record.size() != kChunkRecordSize) return Status(Code::kMalformed, "chunk record size");
  return Status::Ok();
}

void Wipe(std::span<uint8_t> bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
}

}  // namespace

FileSecrets FileSecrets::Generate() {
  const SecretBytes random_prefix = SecretBytes::Random(protocol::kChunkNoncePrefixSize);
  NoncePrefix prefix{};
  std::copy_n(random_prefix.reveal().begin(), prefix.size(), prefix.begin());
  return FileSecrets(SecretBytes::Random(protocol::kKeySize), prefix, RandomId());
}

Result<FileSecrets> FileSecrets::FromBytes(ByteView file_key, ByteView nonce_prefix,
                                           ByteView file_id) {
  if (file_key.size() != protocol::kKeySize ||
      nonce_prefix.size() != protocol::kChunkNoncePrefixSize ||
      file_id.size() != protocol::kIdSize) {
    return Status(Code::kMalformed, "file secrets size");
  }
  NoncePrefix prefix{};
  std::copy(nonce_prefix.begin(), nonce_prefix.end(), prefix.begin());
  Id id{};
  std::copy(file_id.begin(), file_id.end(), id.begin());
  return FileSecrets(SecretBytes::Copy(file_key), prefix, id);
}

FileSecrets FileSecrets::Clone() const {
  return FileSecrets(SecretBytes::Copy(file_key_.reveal()), nonce_prefix_, file_id_);
}

uint64_t ChunkCount(uint64_t size) { return size / kChunkPlainSize + 1; }

Result<Bytes> EncryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                           ByteView plaintext) {
  Bytes record(kChunkRecordSize);
  DOJAVA_RETURN_IF_ERROR(EncryptChunkInto(secrets, index, is_last, plaintext, record));
  return record;
}

Status EncryptChunkInto(const FileSecrets& secrets, uint64_t index, bool is_last,
                        ByteView plaintext, std::span<uint8_t> record_out) {
  if (record_out.size() != kChunkRecordSize) {
    return Status(Code::kInvalidArgument, "record buffer size");
  }
  if (index >= kMaxChunksPerFile) return Status(Code::kInvalidArgument, "chunk index");
  if (!is_last) {
    if (plaintext.size() != kChunkPlainSize) {
      return Status(Code::kInvalidArgument, "a non-last chunk holds exactly 524288 bytes");
    }
    SealChunk(secrets, index, false, plaintext, record_out.data());
    return Status::Ok();
  }
  // The last chunk needs at least one byte for the 0x80 marker.
  if (plaintext.size() >= kChunkPlainSize) {
    return Status(Code::kInvalidArgument, "a last chunk holds at most 524287 bytes");
  }
  SecretBytes padded(kChunkPlainSize);
  std::copy(plaintext.begin(), plaintext.end(), padded.reveal_mut().begin());
  Pad(padded.reveal_mut(), plaintext.size());
  SealChunk(secrets, index, true, padded.reveal(), record_out.data());
  return Status::Ok();
}

Result<SecretBytes> DecryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                                 ByteView record) {
  SecretBytes plain(kChunkPlainSize);
  DOJAVA_ASSIGN_OR_RETURN(const size_t length,
                          DecryptChunkInto(secrets, index, is_last, record, plain.reveal_mut()));
  plain.Truncate(length);
  return plain;
}

Result<size_t> DecryptChunkInto(const FileSecrets& secrets, uint64_t index, bool is_last,
                                ByteView record, std::span<uint8_t> plaintext_out) {
  if (plaintext_out.size() < kChunkPlainSize) {
    return Status(Code::kInvalidArgument, "plaintext buffer size");
  }
  DOJAVA_RETURN_IF_ERROR(CheckRecordHeader(record));
  if (index >= kMaxChunksPerFile) return Status(Code::kInvalidArgument, "chunk index");
  DOJAVA_RETURN_IF_ERROR(OpenChunk(secrets, index, is_last, record, plaintext_out.data()));
  if (!is_last) return kChunkPlainSize;
  const Result<size_t> length = Unpad(plaintext_out.first(kChunkPlainSize));
  if (!length.ok()) {
    Wipe(plaintext_out.first(kChunkPlainSize));
    return length.status();
  }
  plaintext_out[*length] = 0;  // the marker: the caller sees data, then zeros
  return *length;
}

// ---------------------------------------------------------------------------
// AttachmentEncryptor

AttachmentEncryptor::AttachmentEncryptor(const FileSecrets& secrets, ByteSink sink)
    : secrets_(secrets.Clone()),
      sink_(std::move(sink)),
      buffer_(kChunkPlainSize),
      record_(kChunkRecordSize) {}

Status AttachmentEncryptor::Update(ByteView plaintext) {
  if (!status_.ok()) return status_;
  if (finished_) return Status(Code::kInvalidArgument, "Update after Finish");
  if (plaintext.size() > kMaxAttachmentSize - size_) {
    return Fail(Status(Code::kResourceExhausted, "file larger than 2^20 chunks"));
  }
  size_ += plaintext.size();
  while (!plaintext.empty()) {
    // Whole chunks straight from the caller's memory: no copy.
    if (buffered_ == 0 && plaintext.size() >= kChunkPlainSize) {
      DOJAVA_RETURN_IF_ERROR(EmitChunk(plaintext.first(kChunkPlainSize), false));
      plaintext = plaintext.subspan(kChunkPlainSize);
      continue;
    }
    const size_t n = std::min(plaintext.size(), kChunkPlainSize - buffered_);
    std::copy_n(plaintext.begin(), n,
                buffer_.reveal_mut().begin() + static_cast<std::ptrdiff_t>(buffered_));
    buffered_ += n;
    plaintext = plaintext.subspan(n);
    // A full chunk is never the last one (§9.2), so it can go now.
    if (buffered_ == kChunkPlainSize) {
      buffered_ = 0;
      DOJAVA_RETURN_IF_ERROR(EmitChunk(buffer_.reveal(), false));
    }
  }
  return Status::Ok();
}

Status AttachmentEncryptor::Finish() {
  if (finished_ || !status_.ok()) return status_;
  finished_ = true;
  Pad(buffer_.reveal_mut(), buffered_);
  const Status emitted = EmitChunk(buffer_.reveal(), true);
  Wipe(buffer_.reveal_mut());
  buffered_ = 0;
  return emitted;
}

Status AttachmentEncryptor::EmitChunk(ByteView padded_plaintext, bool is_last) {
  // size_ <= kMaxAttachmentSize keeps every index below 2^20.
  SealChunk(secrets_, next_index_, is_last, padded_plaintext, record_.data());
  ++next_index_;
  Status sunk = sink_(record_);
  if (!sunk.ok()) return Fail(std::move(sunk));
  return Status::Ok();
}

Status AttachmentEncryptor::Fail(Status status) {
  status_ = status;
  Wipe(buffer_.reveal_mut());
  buffered_ = 0;
  return status;
}

// ---------------------------------------------------------------------------
// AttachmentDecryptor

AttachmentDecryptor::AttachmentDecryptor(const FileSecrets& secrets, ByteSink sink)
    : secrets_(secrets.Clone()), sink_(std::move(sink)), plain_(kChunkPlainSize) {}

Status AttachmentDecryptor::Push(ByteView record) {
  if (!status_.ok()) return status_;
  if (finished_) return Fail(Status(Code::kExtended, "record after the last chunk"));
  // A record arrived, so the held one was not the last: settle it first, so
  // that anything after a chunk that opens as last is reported as extended.
  DOJAVA_RETURN_IF_ERROR(ResolveHeld());
  if (Status header = CheckRecordHeader(record); !header.ok()) return Fail(std::move(header));
  if (next_index_ >= kMaxChunksPerFile) {
    return Fail(Status(Code::kMalformed, "more than 2^20 chunks"));
  }
  // Speculatively open as non-last: every chunk but one is, and the
  // plaintext stays here until the next record or Finish settles it.
  const Status opened = OpenChunk(secrets_, next_index_, false, record, plain_.reveal_mut().data());
  if (opened.ok()) {
    held_ = Held::kPlaintext;
  } else {
    held_record_.assign(record.begin(), record.end());
    held_ = Held::kRecord;
  }
  ++next_index_;
  return Status::Ok();
}

Status AttachmentDecryptor::ResolveHeld() {
  const Held held = held_;
  held_ = Held::kNothing;
  switch (held) {
    case Held::kNothing:
      return Status::Ok();
    case Held::kPlaintext: {
      size_ += kChunkPlainSize;
      Status sunk = sink_(plain_.reveal());
      if (!sunk.ok()) return Fail(std::move(sunk));
      return Status::Ok();
    }
    case Held::kRecord: {
      // It did not open as non-last at its position. If it opens as last,
      // the stream goes on past its end; otherwise it is not this chunk.
      const Status as_last =
          OpenChunk(secrets_, next_index_ - 1, true, held_record_, plain_.reveal_mut().data());
      Wipe(plain_.reveal_mut());
      if (as_last.ok()) return Fail(Status(Code::kExtended, "record after the last chunk"));
      return Fail(Status(Code::kDecryptFailed, "chunk does not open at its position"));
    }
  }
  return Fail(Status(Code::kInternal, "bad decryptor state"));
}

Status AttachmentDecryptor::Finish() {
  if (finished_ || !status_.ok()) return status_;
  finished_ = true;
  const Held held = held_;
  held_ = Held::kNothing;
  switch (held) {
    case Held::kNothing:
      return Fail(Status(Code::kTruncated, "no chunk"));
    case Held::kPlaintext:
      // It opened as non-last, so a chunk is missing after it.
      return Fail(Status(Code::kTruncated, "the stream ends before its last chunk"));
    case Held::kRecord: {
      const Result<size_t> length =
          DecryptChunkInto(secrets_, next_index_ - 1, true, held_record_, plain_.reveal_mut());
      if (!length.ok()) return Fail(length.status());
      size_ += *length;
      Status sunk = *length == 0 ? Status::Ok() : sink_(plain_.reveal().first(*length));
      Wipe(plain_.reveal_mut());
      if (!sunk.ok()) return Fail(std::move(sunk));
      return Status::Ok();
    }
  }
  return Fail(Status(Code::kInternal, "bad decryptor state"));
}

Status AttachmentDecryptor::Fail(Status status) {
  status_ = status;
  held_ = Held::kNothing;
  Wipe(plain_.reveal_mut());
  return status;
}

// ---------------------------------------------------------------------------
// File to file

namespace {

// Fills `buffer` unless the input ends first; returns the bytes read (0 at
// the end of the input).
using Reader = std::function<Result<size_t>(std::span<uint8_t>)>;

Result<AttachmentInfo> EncryptWith(const FileSecrets& secrets, const Reader& read, ByteSink write) {
  AttachmentEncryptor encryptor(secrets, std::move(write));
  SecretBytes buffer(kChunkPlainSize);
  for (;;) {
    DOJAVA_ASSIGN_OR_RETURN(const size_t n, read(buffer.reveal_mut()));
    if (n > 0) DOJAVA_RETURN_IF_ERROR(encryptor.Update(buffer.reveal().first(n)));
    if (n < buffer.size()) break;
  }
  DOJAVA_RETURN_IF_ERROR(encryptor.Finish());
  return AttachmentInfo{encryptor.size(), encryptor.chunk_count()};
}

Result<AttachmentInfo> DecryptWith(const FileSecrets& secrets, const Reader& read, ByteSink write) {
  AttachmentDecryptor decryptor(secrets, std::move(write));
  Bytes record(kChunkRecordSize);
  for (;;) {
    DOJAVA_ASSIGN_OR_RETURN(const size_t n, read(record));
    if (n == 0) break;
    // A short tail is pushed too: after the last chunk it is kExtended,
    // otherwise kMalformed (a record of the wrong size).
    DOJAVA_RETURN_IF_ERROR(decryptor.Push(ByteView(record).first(n)));
    if (n < record.size()) break;
  }
  DOJAVA_RETURN_IF_ERROR(decryptor.Finish());
  return AttachmentInfo{decryptor.size(), decryptor.chunk_count()};
}

Reader IstreamReader(std::istream& in) {
  return [&in](std::span<uint8_t> buffer) -> Result<size_t> {
    in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    if (in.bad()) return Status(Code::kIoError, "read failed");
    return static_cast<size_t>(in.gcount());
  };
}

ByteSink OstreamWriter(std::ostream& out) {
  return [&out](ByteView bytes) -> Status {
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status(Code::kIoError, "write failed");
    return Status::Ok();
  };
}

Reader FdReader(int fd) {
  return [fd](std::span<uint8_t> buffer) -> Result<size_t> {
    size_t got = 0;
    while (got < buffer.size()) {
      const ssize_t r = ::read(fd, buffer.data() + got, buffer.size() - got);
      if (r < 0) {
        if (errno == EINTR) continue;
        return Status(Code::kIoError, "read failed");
      }
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    return got;
  };
}

ByteSink FdWriter(int fd) {
  return [fd](ByteView bytes) -> Status {
    size_t put = 0;
    while (put < bytes.size()) {
      const ssize_t w = ::write(fd, bytes.data() + put, bytes.size() - put);
      if (w < 0) {
        if (errno == EINTR) continue;
        return Status(Code::kIoError, "write failed");
      }
      put += static_cast<size_t>(w);
    }
    return Status::Ok();
  };
}

}  // namespace

Result<AttachmentInfo> EncryptStream(const FileSecrets& secrets, std::istream& in,
                                     std::ostream& out) {
  return EncryptWith(secrets, IstreamReader(in), OstreamWriter(out));
}

Result<AttachmentInfo> DecryptStream(const FileSecrets& secrets, std::istream& in,
                                     std::ostream& out) {
  return DecryptWith(secrets, IstreamReader(in), OstreamWriter(out));
}

Result<AttachmentInfo> EncryptFd(const FileSecrets& secrets, int in_fd, int out_fd) {
  return EncryptWith(secrets, FdReader(in_fd), FdWriter(out_fd));
}

Result<AttachmentInfo> DecryptFd(const FileSecrets& secrets, int in_fd, int out_fd) {
  return DecryptWith(secrets, FdReader(in_fd), FdWriter(out_fd));
}

}  // namespace dojava::crypto

namespace dojava::crypto {

Status CheckFileReference(const AttachmentInfo& decrypted, uint64_t reference_size,
                          uint64_t reference_chunks) {
  if (decrypted.size != reference_size || decrypted.chunk_count != reference_chunks ||
      ChunkCount(reference_size) != reference_chunks) {
    return Status(Code::kMalformed, "the file does not match its reference (size or chunk count)");
  }
  return Status::Ok();
}

Result<Bytes> ChunkPlaintextDigest(const FileSecrets& secrets, uint64_t index, bool is_last,
                                   ByteView plaintext) {
  if (index >= kMaxChunksPerFile) return Status(Code::kInvalidArgument, "chunk index");
  if (is_last ? plaintext.size() >= kChunkPlainSize : plaintext.size() != kChunkPlainSize) {
    return Status(Code::kInvalidArgument, "chunk plaintext size");
  }
  crypto_generichash_state st;
  const ByteView key = secrets.file_key().reveal();
  if (crypto_generichash_init(&st, key.data(), key.size(), 32) != 0) {
    return Status(Code::kInternal, "BLAKE2b init");
  }
  uint8_t head[5] = {uint8_t(index >> 24), uint8_t(index >> 16), uint8_t(index >> 8),
                     uint8_t(index), uint8_t(is_last ? 1 : 0)};
  crypto_generichash_update(&st, head, sizeof head);
  crypto_generichash_update(&st, plaintext.data(), plaintext.size());
  if (is_last) {
    // The padding of §9.2, hashed without building the padded chunk.
    const uint8_t marker = 0x80;
    crypto_generichash_update(&st, &marker, 1);
    static const uint8_t kZeros[4096] = {};
    for (size_t left = kChunkPlainSize - plaintext.size() - 1; left > 0;) {
      const size_t n = std::min(left, sizeof kZeros);
      crypto_generichash_update(&st, kZeros, n);
      left -= n;
    }
  }
  Bytes digest(32);
  crypto_generichash_final(&st, digest.data(), digest.size());
  sodium_memzero(&st, sizeof st);  // keyed with the file key
  return digest;
}

Result<Bytes> ReEncryptChunk(const FileSecrets& secrets, uint64_t index, bool is_last,
                             ByteView plaintext, ByteView recorded_digest) {
  DOJAVA_ASSIGN_OR_RETURN(const Bytes digest,
                          ChunkPlaintextDigest(secrets, index, is_last, plaintext));
  if (recorded_digest.size() != digest.size() ||
      sodium_memcmp(digest.data(), recorded_digest.data(), digest.size()) != 0) {
    return Status(Code::kAlreadyExists,
                  "the file changed since its upload began: start a new file (new secrets)");
  }
  return EncryptChunk(secrets, index, is_last, plaintext);
}

}  // namespace dojava::crypto
