// Every constant of the Dojava protocol (version 2; the v1 formats of
// Appendix A while callers switch). Normative source:
// crypto/PROTOCOL.md; the section of each constant is cited beside it.
// Changing any value here is a protocol change and needs a new version.
#ifndef DOJAVA_CRYPTO_PROTOCOL_CONSTANTS_H_
#define DOJAVA_CRYPTO_PROTOCOL_CONSTANTS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dojava::protocol {

// §1 Conventions
inline constexpr uint8_t kVersion = 1;   // first byte of every v1 record
inline constexpr size_t kIdSize = 16;    // case, message, file, reviewer, instance ids
inline constexpr size_t kKeySize = 32;   // every symmetric key and seed
inline constexpr size_t kSaltSize = 16;  // instance salt, key-file salt (crypto_pwhash_SALTBYTES)
inline constexpr size_t kX25519Size = 32;
inline constexpr size_t kEd25519PublicSize = 32;
inline constexpr size_t kSignatureSize = 64;
inline constexpr size_t kAeadNonceSize = 24;  // XChaCha20-Poly1305
inline constexpr size_t kAeadTagSize = 16;

// §2 Encodings: unpadded base64url of n bytes has this many characters.
inline constexpr size_t Base64UrlLength(size_t n) { return (4 * n + 2) / 3; }
inline constexpr size_t kKeyBase64Length = Base64UrlLength(kKeySize);  // 43

// §3 Labels (domain separation). Each is used with a trailing 0x00 byte.
inline constexpr std::string_view kLabelReceiptLookup = "dojava/v1/receipt/lookup";
inline constexpr std::string_view kLabelReceiptX25519 = "dojava/v1/receipt/x25519";
inline constexpr std::string_view kLabelReceiptWrap = "dojava/v1/receipt/wrap";
inline constexpr std::string_view kLabelLookupHash = "dojava/v1/lookup-hash";
inline constexpr std::string_view kLabelReviewerEd25519 = "dojava/v1/reviewer/ed25519";
inline constexpr std::string_view kLabelReviewerX25519 = "dojava/v1/reviewer/x25519";
inline constexpr std::string_view kLabelAdminEd25519 = "dojava/v1/admin/ed25519";
inline constexpr std::string_view kLabelFingerprint = "dojava/v1/fingerprint";
inline constexpr std::string_view kLabelKeyFile = "dojava/v1/key-file";
inline constexpr std::string_view kLabelRoster = "dojava/v1/roster";
inline constexpr std::string_view kLabelSealKey = "dojava/v1/seal/key";
inline constexpr std::string_view kLabelSealAd = "dojava/v1/seal/ad";
inline constexpr std::string_view kLabelSourceWrapKey = "dojava/v1/source-wrap/key";
inline constexpr std::string_view kLabelSourceWrapAd = "dojava/v1/source-wrap/ad";
inline constexpr std::string_view kLabelMessage = "dojava/v1/message";
inline constexpr std::string_view kLabelMessageSignature = "dojava/v1/message/signature";
inline constexpr std::string_view kLabelChunk = "dojava/v1/chunk";
inline constexpr std::string_view kLabelLogin = "dojava/v1/login";

// §4 Receipts
inline constexpr size_t kReceiptRandomDigits = 27;                  // 89.7 bits
inline constexpr size_t kReceiptDigits = kReceiptRandomDigits + 1;  // + Damm check digit
inline constexpr size_t kReceiptGroupSize = 4;                      // 7 groups of 4
inline constexpr size_t kReceiptMaxTypedBytes = 256;  // longer typed input is malformed (§4.2)
inline constexpr uint64_t kReceiptArgonOps = 2;
inline constexpr size_t kReceiptArgonMemBytes = 8u * 1024 * 1024;  // 8 MiB

// §5 Key files
inline constexpr std::string_view kKeyFileMagic = "DJKF";
inline constexpr size_t kKeyFileSize = 104;
inline constexpr uint8_t kKeyKindReviewer = 1;
inline constexpr uint8_t kKeyKindAdmin = 2;
inline constexpr uint8_t kKdfArgon2id13 = 1;
inline constexpr uint32_t kKeyFileMinOps = 1, kKeyFileMaxOps = 16;
inline constexpr uint32_t kKeyFileMinMemKiB = 8 * 1024, kKeyFileMaxMemKiB = 1024 * 1024;
inline constexpr uint32_t kKeyFileDefaultOps = 3;              // crypto_pwhash_OPSLIMIT_MODERATE
inline constexpr uint32_t kKeyFileDefaultMemKiB = 256 * 1024;  // crypto_pwhash_MEMLIMIT_MODERATE

// §6 Roster
inline constexpr size_t kRosterMaxReviewers = 1000;
inline constexpr size_t kReviewerNameMaxBytes = 64;

// §7 Sealed keys
inline constexpr uint8_t kRoleCaseKey = 1;   // CK: conversation
inline constexpr uint8_t kRoleNotesKey = 2;  // NK: reviewer-only events
inline constexpr size_t kSealedKeySize = 1 + 1 + 32 + kKeySize + kAeadTagSize;  // 82

// §7.1 The source's wrapped case key: the same 82-byte layout, a fresh random
// r in place of the ephemeral public key.
inline constexpr size_t kSourceWrapRandomSize = 32;
inline constexpr size_t kWrappedKeySize = 1 + 1 + kSourceWrapRandomSize + kKeySize + kAeadTagSize;
static_assert(kWrappedKeySize == kSealedKeySize, "the API and the store hold either in 82 bytes");

// §8 Messages
inline constexpr uint8_t kKindConversation = 1;  // under CK
inline constexpr uint8_t kKindNotes = 2;         // under NK
inline constexpr uint8_t kAuthorSource = 0;
inline constexpr uint8_t kAuthorReviewer = 1;
inline constexpr size_t kMessageHeaderSize = 1 + 1 + kIdSize + kIdSize + kAeadNonceSize;  // 58
inline constexpr size_t kMinPaddedSize = 512;         // smallest bucket
inline constexpr size_t kMaxPaddedSize = 512 * 1024;  // largest bucket
inline constexpr size_t kMaxMessageRecordSize = kMessageHeaderSize + kMaxPaddedSize + kAeadTagSize;

// §9 Attachments
inline constexpr size_t kChunkPlainSize = 512 * 1024;  // every chunk, padded
inline constexpr size_t kChunkNoncePrefixSize = 20;    // + u32 index = 24
inline constexpr size_t kChunkRecordSize = 1 + kChunkPlainSize + kAeadTagSize;  // 524305
inline constexpr uint64_t kMaxChunksPerFile = 1u << 20;  // index fits u32 with room

// ---------------------------------------------------------------------------
// Protocol version 2 (PROTOCOL.md §16): the formats that changed carry version
// byte 2; the others keep kVersion (1).
inline constexpr uint8_t kVersion2 = 2;

// §3 Labels added by version 2.
inline constexpr std::string_view kLabelReceiptEd25519 = "dojava/v2/receipt/ed25519";
inline constexpr std::string_view kLabelRosterV2 = "dojava/v2/roster";
inline constexpr std::string_view kLabelRosterDigestV2 = "dojava/v2/roster/digest";
inline constexpr std::string_view kLabelNotesGenesis = "dojava/v2/notes-genesis";
inline constexpr std::string_view kLabelNotesGenesisCk = "dojava/v2/notes-genesis/ck";
inline constexpr std::string_view kLabelRekey = "dojava/v2/rekey";
inline constexpr std::string_view kLabelMessageV2 = "dojava/v2/message";
inline constexpr std::string_view kLabelMessageKeyV2 = "dojava/v2/message/key";
inline constexpr std::string_view kLabelMessageCommitV2 = "dojava/v2/message/commit";
inline constexpr std::string_view kLabelMessageSignatureV2 = "dojava/v2/message/signature";
inline constexpr std::string_view kLabelEvent = "dojava/v2/event";
inline constexpr std::string_view kLabelCkAnchor = "dojava/v2/ck-anchor";
inline constexpr std::string_view kLabelCaseDelete = "dojava/v2/case-delete";
inline constexpr std::string_view kLabelStatementKey = "dojava/v2/statement/key";
inline constexpr std::string_view kLabelStatement = "dojava/v2/statement";

// §5.3 Key file kind 3: the X25519 secret of a reviewer's key epoch >= 2.
inline constexpr uint8_t kKeyKindEncryption = 3;

// §6 Roster v2
inline constexpr size_t kDigestSize = 32;
inline constexpr uint32_t kRosterMaxValidityDays = 90;      // writers: expires_day <= today + 90
inline constexpr uint32_t kRosterDefaultValidityDays = 30;  // the admin tool's default

// §8 Messages v2
inline constexpr size_t kCommitSize = 32;
inline constexpr size_t kMessageHeaderSizeV2 =
    1 + 1 + kIdSize + kIdSize + kCommitSize + kAeadNonceSize;  // 90
inline constexpr size_t kSourceInnerFixedV2 =
    1 + kEd25519PublicSize + 8 + 4 + kDigestSize + kSignatureSize;  // 141
inline constexpr size_t kReviewerInnerFixedV2 =
    1 + kIdSize + 8 + 4 + kDigestSize + kSignatureSize;  // 125
inline constexpr size_t kMaxMessageRecordSizeV2 =
    kMessageHeaderSizeV2 + kMaxPaddedSize + kAeadTagSize;

// §7.2, §7.3, §8.5 case records
inline constexpr size_t kCkAnchorSize =
    1 + kIdSize + kIdSize + kCommitSize + kSignatureSize;  // 129
inline constexpr size_t kRekeySize =
    1 + kIdSize + kIdSize + 2 * kCommitSize + kSealedKeySize + 8 + kSignatureSize;  // 251
// §8.6 the signed delete; accepted within this many days of the verifier's day.
inline constexpr size_t kCaseDeleteSize = 1 + kIdSize + kIdSize + 4 + kSignatureSize;  // 101
inline constexpr uint32_t kCaseDeleteDayWindow = 1;
inline constexpr size_t kGenesisFixedSize =
    1 + kIdSize + kIdSize + 2 * kCommitSize + 8 + 2 + kSignatureSize;   // + 16 n
inline constexpr size_t kMinGenesisSize = kGenesisFixedSize + kIdSize;  // n = 1: 187
inline constexpr size_t kMaxGenesisSize = kGenesisFixedSize + kIdSize * kRosterMaxReviewers;

// §7.4 Statement envelopes: the genesis, anchors and re-keys as the server
// stores them, sealed under a key derived from the case key they are about.
inline constexpr uint8_t kStatementGenesis = 1;
inline constexpr uint8_t kStatementAnchor = 2;
inline constexpr uint8_t kStatementRekey = 3;
inline constexpr size_t kEnvelopeHeaderSize = 1 + 1 + kCommitSize + kAeadNonceSize;  // 58
// The envelope of a statement of n bytes has exactly this many bytes.
constexpr size_t EnvelopeSize(size_t statement_size) {
  return kEnvelopeHeaderSize + statement_size + kAeadTagSize;
}

}  // namespace dojava::protocol

#endif  // DOJAVA_CRYPTO_PROTOCOL_CONSTANTS_H_
