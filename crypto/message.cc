#include "crypto/message.h"

#include <sodium.h>

#include <cstring>

#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {
namespace {

namespace p = protocol;

constexpr size_t kLengthPrefix = 4;
constexpr size_t kReviewerInnerOverhead = 1 + p::kIdSize + p::kSignatureSize;

bool IsBucket(size_t n) {
  return n >= p::kMinPaddedSize && n <= p::kMaxPaddedSize && (n & (n - 1)) == 0;
}

Bytes Header(uint8_t kind, const Id& case_id, const Id& message_id, ByteView nonce) {
  Bytes h;
  h.reserve(p::kMessageHeaderSize);
  ByteWriter w(&h);
  w.U8(p::kVersion);
  w.U8(kind);
  w.Raw(case_id);
  w.Raw(message_id);
  w.Raw(nonce);
  return h;
}

Bytes AdditionalData(ByteView header) {
  Bytes ad = Label(p::kLabelMessage);
  ad.insert(ad.end(), header.begin(), header.end());
  return ad;
}

// version || kind || case_id || message_id || reviewer_id || body, in wiped
// memory: the body is plaintext.
SecretBytes SignedPart(uint8_t kind, const Id& case_id, const Id& message_id, const Id& reviewer_id,
                       ByteView body) {
  SecretBytes m(2 + 3 * p::kIdSize + body.size());
  uint8_t* o = m.reveal_mut().data();
  *o++ = p::kVersion;
  *o++ = kind;
  for (const Id* id : {&case_id, &message_id, &reviewer_id}) {
    std::memcpy(o, id->data(), id->size());
    o += id->size();
  }
  if (!body.empty()) std::memcpy(o, body.data(), body.size());
  return m;
}

}  // namespace

size_t PaddedSize(size_t inner_size) {
  const size_t need = inner_size + kLengthPrefix;
  if (inner_size > p::kMaxPaddedSize || need > p::kMaxPaddedSize) return 0;
  size_t b = p::kMinPaddedSize;
  while (b < need) b <<= 1;
  return b;
}

size_t MaxBodySize(bool signed_by_reviewer) {
  return p::kMaxPaddedSize - kLengthPrefix - (signed_by_reviewer ? kReviewerInnerOverhead : 1);
}

Result<MessageHeader> ParseMessageHeader(ByteView record) {
  if (record.empty()) return Status(Code::kMalformed, "empty message");
  if (record[0] != p::kVersion) return Status(Code::kUnsupportedVersion, "unknown message version");
  if (record.size() < p::kMessageHeaderSize + p::kAeadTagSize)
    return Status(Code::kMalformed, "message too short");
  ByteReader r(record);
  r.U8();
  MessageHeader h;
  h.kind = r.U8();
  if (h.kind != p::kKindConversation && h.kind != p::kKindNotes) {
    return Status(Code::kMalformed, "unknown message kind");
  }
  h.case_id = r.Array<p::kIdSize>();
  h.message_id = r.Array<p::kIdSize>();
  h.padded_size = record.size() - p::kMessageHeaderSize - p::kAeadTagSize;
  if (!IsBucket(h.padded_size))
    return Status(Code::kMalformed, "message size is not a padding bucket");
  return h;
}

Result<Bytes> EncryptMessage(const SecretBytes& key, uint8_t kind, const Id& case_id,
                             const Id& message_id, ByteView body, const ReviewerSigner* signer) {
  Bytes nonce(p::kAeadNonceSize);
  randombytes_buf(nonce.data(), nonce.size());
  return EncryptMessageWithNonce(key, kind, case_id, message_id, body, signer, nonce);
}

Result<Bytes> EncryptMessageWithNonce(const SecretBytes& key, uint8_t kind, const Id& case_id,
                                      const Id& message_id, ByteView body,
                                      const ReviewerSigner* signer, ByteView nonce24) {
  EnsureSodium();
  if (key.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "message key must be 32 bytes");
  if (nonce24.size() != p::kAeadNonceSize)
    return Status(Code::kInvalidArgument, "nonce must be 24 bytes");
  if (kind != p::kKindConversation && kind != p::kKindNotes) {
    return Status(Code::kInvalidArgument, "unknown message kind");
  }
  if (kind == p::kKindNotes && signer == nullptr) {
    return Status(Code::kInvalidArgument, "notes must be written and signed by a reviewer");
  }
  if (signer != nullptr &&
      (signer->ed25519_secret == nullptr || signer->ed25519_secret->size() != 64)) {
    return Status(Code::kInvalidArgument, "reviewer signing key must be 64 bytes");
  }
  if (body.size() > MaxBodySize(signer != nullptr)) {
    return Status(Code::kInvalidArgument, "message body too large");
  }
  const size_t inner = (signer != nullptr ? kReviewerInnerOverhead : 1) + body.size();
  const size_t padded_size = PaddedSize(inner);
  SecretBytes padded(padded_size);  // zero-filled: the padding
  uint8_t* o = padded.reveal_mut().data();
  o[0] = uint8_t(inner >> 24);
  o[1] = uint8_t(inner >> 16);
  o[2] = uint8_t(inner >> 8);
  o[3] = uint8_t(inner);
  size_t pos = kLengthPrefix;
  if (signer == nullptr) {
    o[pos++] = p::kAuthorSource;
  } else {
    o[pos++] = p::kAuthorReviewer;
    std::memcpy(o + pos, signer->reviewer_id.data(), p::kIdSize);
    pos += p::kIdSize;
    const Signature sig =
        SignLabeled(*signer->ed25519_secret, p::kLabelMessageSignature,
                    SignedPart(kind, case_id, message_id, signer->reviewer_id, body).reveal());
    std::memcpy(o + pos, sig.data(), sig.size());
    pos += sig.size();
  }
  if (!body.empty()) std::memcpy(o + pos, body.data(), body.size());

  Bytes out = Header(kind, case_id, message_id, nonce24);
  const Bytes ad = AdditionalData(out);
  out.resize(p::kMessageHeaderSize + padded_size + p::kAeadTagSize);
  AeadSealInto(key.reveal(), nonce24, ad, padded.reveal(),
               std::span<uint8_t>(out).subspan(p::kMessageHeaderSize));
  return out;
}

Result<OpenedMessage> DecryptMessage(ByteView record, const Id& case_id, const CaseKeys& keys,
                                     const AuthorKeyLookup& lookup) {
  DOJAVA_ASSIGN_OR_RETURN(MessageHeader h, ParseMessageHeader(record));
  if (h.case_id != case_id) return Status(Code::kMalformed, "message belongs to another case");
  const SecretBytes* key = h.kind == p::kKindConversation ? keys.case_key : keys.notes_key;
  if (key == nullptr) return Status(Code::kInvalidArgument, "no key for this kind of message");
  if (key->size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "message key must be 32 bytes");

  const ByteView header = record.first(p::kMessageHeaderSize);
  const ByteView nonce = header.last(p::kAeadNonceSize);
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes padded, AeadOpen(key->reveal(), nonce, AdditionalData(header),
                                                       record.subspan(p::kMessageHeaderSize)));

  const ByteView pv = padded.reveal();
  const size_t inner =
      size_t(pv[0]) << 24 | size_t(pv[1]) << 16 | size_t(pv[2]) << 8 | size_t(pv[3]);
  if (inner < 1 || inner > pv.size() - kLengthPrefix)
    return Status(Code::kMalformed, "bad inner length");
  // The sender MUST use the smallest bucket that fits: any other size would
  // be a second channel the padding does not account for.
  if (PaddedSize(inner) != pv.size()) return Status(Code::kMalformed, "not the smallest bucket");
  for (size_t i = kLengthPrefix + inner; i < pv.size(); ++i) {
    if (pv[i] != 0) return Status(Code::kMalformed, "non-zero padding");
  }
  const ByteView in = pv.subspan(kLengthPrefix, inner);

  OpenedMessage m;
  m.kind = h.kind;
  m.message_id = h.message_id;
  m.author = in[0];
  ByteView body;
  if (m.author == p::kAuthorSource) {
    if (h.kind == p::kKindNotes)
      return Status(Code::kMalformed, "notes must be written by a reviewer");
    body = in.subspan(1);
  } else if (m.author == p::kAuthorReviewer) {
    if (in.size() < kReviewerInnerOverhead)
      return Status(Code::kMalformed, "reviewer message too short");
    std::memcpy(m.reviewer_id.data(), in.data() + 1, p::kIdSize);
    const ByteView sig = in.subspan(1 + p::kIdSize, p::kSignatureSize);
    body = in.subspan(kReviewerInnerOverhead);
    const std::optional<Ed25519Public> author_key = lookup ? lookup(m.reviewer_id) : std::nullopt;
    if (!author_key)
      return Status(Code::kUnknownAuthor, "message signed by a reviewer on no known roster");
    DOJAVA_RETURN_IF_ERROR(VerifyLabeled(
        *author_key, p::kLabelMessageSignature,
        SignedPart(h.kind, case_id, h.message_id, m.reviewer_id, body).reveal(), sig));
  } else {
    return Status(Code::kMalformed, "unknown author kind");
  }
  m.body = SecretBytes::Copy(body);
  return m;
}

}  // namespace dojava::crypto
