#include "crypto/message_v2.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto::v2 {
namespace {

namespace p = protocol;

constexpr size_t kLengthPrefix = 4;

bool IsBucket(size_t n) {
  return n >= p::kMinPaddedSize && n <= p::kMaxPaddedSize && (n & (n - 1)) == 0;
}

size_t InnerFixed(uint8_t author) {
  return author == p::kAuthorSource ? p::kSourceInnerFixedV2 : p::kReviewerInnerFixedV2;
}

size_t PaddedSize(size_t inner_size) {
  const size_t need = inner_size + kLengthPrefix;
  if (inner_size > p::kMaxPaddedSize || need > p::kMaxPaddedSize) return 0;
  size_t b = p::kMinPaddedSize;
  while (b < need) b <<= 1;
  return b;
}

Bytes AdditionalData(ByteView header) {
  Bytes ad = Label(p::kLabelMessageV2);
  ad.insert(ad.end(), header.begin(), header.end());
  return ad;
}

// header || author || signer || roster_version || day || prev || body, in
// wiped memory (the body is plaintext).
SecretBytes SignedPart(ByteView header, uint8_t author, ByteView signer, const EventContext& c,
                       ByteView body) {
  Bytes fields;
  ByteWriter w(&fields);
  w.U8(author);
  w.Raw(signer);
  w.U64(c.roster_version);
  w.U32(c.day);
  w.Raw(c.prev);
  SecretBytes m(header.size() + fields.size() + body.size());
  uint8_t* o = m.reveal_mut().data();
  std::memcpy(o, header.data(), header.size());
  std::memcpy(o + header.size(), fields.data(), fields.size());
  if (!body.empty()) std::memcpy(o + header.size() + fields.size(), body.data(), body.size());
  return m;
}

SecretBytes MessageKey(const SecretBytes& key) { return Kdf(key.reveal(), p::kLabelMessageKeyV2); }

Status CheckEncryptArgs(const SecretBytes& key, uint8_t kind, ByteView body, const Signer& s,
                        const EventContext& c) {
  if (key.size() != p::kKeySize) return Status(Code::kInvalidArgument, "key must be 32 bytes");
  if (kind != p::kKindConversation && kind != p::kKindNotes)
    return Status(Code::kInvalidArgument, "unknown message kind");
  if (s.author != p::kAuthorSource && s.author != p::kAuthorReviewer)
    return Status(Code::kInvalidArgument, "unknown author");
  if (kind == p::kKindNotes && s.author != p::kAuthorReviewer)
    return Status(Code::kInvalidArgument, "notes must be written and signed by a reviewer");
  if (s.secret_key == nullptr || s.secret_key->size() != 64)
    return Status(Code::kInvalidArgument, "signing key must be 64 bytes");
  if (c.roster_version == 0) return Status(Code::kInvalidArgument, "roster version 0");
  if (body.size() > MaxBodySize(s.author))
    return Status(Code::kInvalidArgument, "message body too large");
  return Status::Ok();
}

// §8.2: the inner plaintext out of the padded block.
Result<ByteView> Unpad(ByteView pv) {
  const size_t inner =
      size_t(pv[0]) << 24 | size_t(pv[1]) << 16 | size_t(pv[2]) << 8 | size_t(pv[3]);
  if (inner < 1 || inner > pv.size() - kLengthPrefix)
    return Status(Code::kMalformed, "bad inner length");
  if (PaddedSize(inner) != pv.size()) return Status(Code::kMalformed, "not the smallest bucket");
  for (size_t i = kLengthPrefix + inner; i < pv.size(); ++i) {
    if (pv[i] != 0) return Status(Code::kMalformed, "non-zero padding");
  }
  return pv.subspan(kLengthPrefix, inner);
}

// §8.3 on the inner plaintext `in` of a record whose header is `header`.
Status OpenInner(ByteView header, uint8_t kind, ByteView in, const VerifiedRoster& roster,
                 OpenedMessage* m) {
  m->author = in[0];
  if (m->author != p::kAuthorSource && m->author != p::kAuthorReviewer)
    return Status(Code::kMalformed, "unknown author kind");
  if (kind == p::kKindNotes && m->author != p::kAuthorReviewer)
    return Status(Code::kMalformed, "notes must be written by a reviewer");
  if (in.size() < InnerFixed(m->author))
    return Status(Code::kMalformed, "signed plaintext too short");
  ByteReader r(in.subspan(1));
  const size_t signer_size = m->author == p::kAuthorSource ? 32 : p::kIdSize;
  const ByteView signer = r.Take(signer_size);
  m->context.roster_version = r.U64();
  m->context.day = r.U32();
  m->context.prev = r.Array<p::kDigestSize>();
  const ByteView sig = r.Take(p::kSignatureSize);
  const ByteView body = r.Rest();
  if (m->context.roster_version == 0) return Status(Code::kMalformed, "roster version 0");
  const SecretBytes signed_part = SignedPart(header, m->author, signer, m->context, body);
  if (m->author == p::kAuthorSource) {
    std::copy(signer.begin(), signer.end(), m->source_public.begin());
    DOJAVA_RETURN_IF_ERROR(
        VerifyLabeled(m->source_public, p::kLabelMessageSignatureV2, signed_part.reveal(), sig));
  } else {
    std::copy(signer.begin(), signer.end(), m->reviewer_id.begin());
    const RosterEntry* e = roster.Find(m->reviewer_id);
    if (e == nullptr) return Status(Code::kUnknownAuthor, "signed by a reviewer on no roster");
    DOJAVA_RETURN_IF_ERROR(
        VerifyLabeled(e->ed25519, p::kLabelMessageSignatureV2, signed_part.reveal(), sig));
    if (!e->ActiveAt(m->context.roster_version))
      return Status(Code::kRetiredAuthor, "signed by a reviewer after their retirement");
  }
  m->body = SecretBytes::Copy(body);
  return Status::Ok();
}

}  // namespace

Digest KeyCommitment(const SecretBytes& key) {
  const SecretBytes kc = Kdf(key.reveal(), p::kLabelMessageCommitV2);
  Digest d{};
  std::copy(kc.reveal().begin(), kc.reveal().end(), d.begin());
  return d;
}

Digest EventHash(ByteView record) {
  const Bytes h = LabeledHash(p::kDigestSize, p::kLabelEvent, record);
  Digest d{};
  std::copy(h.begin(), h.end(), d.begin());
  return d;
}

size_t MaxBodySize(uint8_t author) {
  return p::kMaxPaddedSize - kLengthPrefix - InnerFixed(author);
}

Result<MessageHeader> ParseMessageHeader(ByteView record) {
  if (record.empty()) return Status(Code::kMalformed, "empty message");
  if (record[0] != p::kVersion2)
    return Status(Code::kUnsupportedVersion, "unknown message version");
  if (record.size() < p::kMessageHeaderSizeV2 + p::kAeadTagSize)
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
  h.key_commitment = r.Array<p::kCommitSize>();
  h.padded_size = record.size() - p::kMessageHeaderSizeV2 - p::kAeadTagSize;
  if (!IsBucket(h.padded_size))
    return Status(Code::kMalformed, "message size is not a padding bucket");
  return h;
}

Result<Bytes> EncryptMessage(const SecretBytes& key, uint8_t kind, const Id& case_id,
                             const Id& message_id, ByteView body, const Signer& signer,
                             const EventContext& context) {
  Bytes nonce(p::kAeadNonceSize);
  randombytes_buf(nonce.data(), nonce.size());
  return EncryptMessageWithNonce(key, kind, case_id, message_id, body, signer, context, nonce);
}

Result<Bytes> EncryptMessageWithNonce(const SecretBytes& key, uint8_t kind, const Id& case_id,
                                      const Id& message_id, ByteView body, const Signer& signer,
                                      const EventContext& context, ByteView nonce24) {
  EnsureSodium();
  DOJAVA_RETURN_IF_ERROR(CheckEncryptArgs(key, kind, body, signer, context));
  if (nonce24.size() != p::kAeadNonceSize)
    return Status(Code::kInvalidArgument, "nonce must be 24 bytes");
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.U8(kind);
  w.Raw(case_id);
  w.Raw(message_id);
  w.Raw(KeyCommitment(key));
  w.Raw(nonce24);
  const ByteView signer_field = signer.author == p::kAuthorSource ? ByteView(signer.source_public)
                                                                  : ByteView(signer.reviewer_id);
  const Signature sig =
      SignLabeled(*signer.secret_key, p::kLabelMessageSignatureV2,
                  SignedPart(out, signer.author, signer_field, context, body).reveal());
  const size_t inner = InnerFixed(signer.author) + body.size();
  SecretBytes padded(PaddedSize(inner));  // zero-filled: the padding
  {
    Bytes fixed;
    ByteWriter f(&fixed);
    f.U32(uint32_t(inner));
    f.U8(signer.author);
    f.Raw(signer_field);
    f.U64(context.roster_version);
    f.U32(context.day);
    f.Raw(context.prev);
    f.Raw(sig);
    uint8_t* o = padded.reveal_mut().data();
    std::memcpy(o, fixed.data(), fixed.size());
    if (!body.empty()) std::memcpy(o + fixed.size(), body.data(), body.size());
  }
  const Bytes ad = AdditionalData(out);
  const SecretBytes mk = MessageKey(key);
  out.resize(p::kMessageHeaderSizeV2 + padded.size() + p::kAeadTagSize);
  AeadSealInto(mk.reveal(), nonce24, ad, padded.reveal(),
               std::span<uint8_t>(out).subspan(p::kMessageHeaderSizeV2));
  return out;
}

Result<OpenedMessage> DecryptMessage(ByteView record, const Id& case_id, const CaseKeys& keys,
                                     const VerifiedRoster& roster) {
  DOJAVA_ASSIGN_OR_RETURN(MessageHeader h, ParseMessageHeader(record));
  if (h.case_id != case_id) return Status(Code::kMalformed, "message belongs to another case");
  const SecretBytes* key = h.kind == p::kKindConversation ? keys.case_key : keys.notes_key;
  if (key == nullptr) return Status(Code::kInvalidArgument, "no key for this kind of message");
  if (key->size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "message key must be 32 bytes");
  const Digest kc = KeyCommitment(*key);
  if (sodium_memcmp(kc.data(), h.key_commitment.data(), kc.size()) != 0)
    return Status(Code::kWrongKey, "this record was written under another key");

  const ByteView header = record.first(p::kMessageHeaderSizeV2);
  const ByteView nonce = header.last(p::kAeadNonceSize);
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes padded,
                          AeadOpen(MessageKey(*key).reveal(), nonce, AdditionalData(header),
                                   record.subspan(p::kMessageHeaderSizeV2)));
  DOJAVA_ASSIGN_OR_RETURN(ByteView in, Unpad(padded.reveal()));
  OpenedMessage m;
  m.kind = h.kind;
  m.message_id = h.message_id;
  DOJAVA_RETURN_IF_ERROR(OpenInner(header, h.kind, in, roster, &m));
  m.event_hash = EventHash(record);
  return m;
}

}  // namespace dojava::crypto::v2
