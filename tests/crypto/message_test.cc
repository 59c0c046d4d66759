#include "crypto/message.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

#include "crypto/protocol_constants.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

namespace {

struct Fixture {
  SecretBytes ck = SecretBytes::Random(32);
  SecretBytes nk = SecretBytes::Random(32);
  Id case_id = RandomId();
  Id reviewer_id = RandomId();
  Ed25519KeyPair reviewer = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  ReviewerSigner signer{reviewer_id, &reviewer.secret_key};
  CaseKeys keys{&ck, &nk};
  AuthorKeyLookup lookup = [this](const Id& id) -> std::optional<Ed25519Public> {
    if (id == reviewer_id) return reviewer.public_key;
    return std::nullopt;
  };
};

}  // namespace

TEST_CASE("bucket sizes are powers of two from 512 B to 512 KiB", "[message]") {
  CHECK(PaddedSize(0) == 512);
  CHECK(PaddedSize(508) == 512);
  CHECK(PaddedSize(509) == 1024);
  CHECK(PaddedSize(524284) == 524288);
  CHECK(PaddedSize(524285) == 0);
  CHECK(MaxBodySize(false) == 524283);
  CHECK(MaxBodySize(true) == 524288 - 4 - 81);
}

TEST_CASE("a source message round-trips and hides its exact size", "[message]") {
  Fixture f;
  const Id mid = RandomId();
  const std::string body = R"({"type":"report","text":"Pegasus on my phone"})";
  auto rec = EncryptMessage(f.ck, p::kKindConversation, f.case_id, mid, AsBytes(body), nullptr);
  REQUIRE(rec.ok());
  CHECK(rec->size() == p::kMessageHeaderSize + 512 + p::kAeadTagSize);
  auto hdr = ParseMessageHeader(*rec);
  REQUIRE(hdr.ok());
  CHECK(hdr->message_id == mid);
  CHECK(hdr->case_id == f.case_id);
  auto m = DecryptMessage(*rec, f.case_id, f.keys, f.lookup);
  REQUIRE(m.ok());
  CHECK(m->author == p::kAuthorSource);
  CHECK(m->body.reveal_chars() == body);
  CHECK(m->message_id == mid);
  // Two bodies of different lengths in one bucket give records of one size.
  auto rec2 = EncryptMessage(f.ck, p::kKindConversation, f.case_id, mid, AsBytes("x"), nullptr);
  CHECK(rec2->size() == rec->size());
}

TEST_CASE("reviewer messages are signed and verified against the roster", "[message]") {
  Fixture f;
  const Id mid = RandomId();
  auto rec = EncryptMessage(f.nk, p::kKindNotes, f.case_id, mid,
                            AsBytes(R"({"type":"status","status":"triage"})"), &f.signer);
  REQUIRE(rec.ok());
  auto m = DecryptMessage(*rec, f.case_id, f.keys, f.lookup);
  REQUIRE(m.ok());
  CHECK(m->author == p::kAuthorReviewer);
  CHECK(m->reviewer_id == f.reviewer_id);
  CHECK(m->kind == p::kKindNotes);

  // Unknown author.
  AuthorKeyLookup nobody = [](const Id&) { return std::optional<Ed25519Public>(); };
  CHECK(DecryptMessage(*rec, f.case_id, f.keys, nobody).code() == Code::kUnknownAuthor);
  // Claimed by another reviewer's key: signature fails.
  auto other = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  AuthorKeyLookup impostor = [&](const Id&) {
    return std::optional<Ed25519Public>(other.public_key);
  };
  CHECK(DecryptMessage(*rec, f.case_id, f.keys, impostor).code() == Code::kBadSignature);
}

TEST_CASE("a holder of NK cannot forge another reviewer's event", "[message]") {
  // An insider with NK but without the reviewer's signing key writes an event
  // naming that reviewer and signs it with their own key.
  Fixture f;
  auto insider = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  ReviewerSigner forged{f.reviewer_id, &insider.secret_key};
  auto rec = EncryptMessage(f.nk, p::kKindNotes, f.case_id, RandomId(), AsBytes("{}"), &forged);
  REQUIRE(rec.ok());
  CHECK(DecryptMessage(*rec, f.case_id, f.keys, f.lookup).code() == Code::kBadSignature);
}

// Builds a record around an arbitrary padded plaintext with the right header
// and additional data (PROTOCOL.md §8.1), so the checks after decryption can
// be exercised: these records authenticate, and must still be refused.
Bytes HandMade(const SecretBytes& key, uint8_t kind, const Id& case_id, ByteView padded) {
  Bytes rec;
  ByteWriter w(&rec);
  w.U8(p::kVersion);
  w.U8(kind);
  w.Raw(case_id);
  w.Raw(RandomId());
  w.Raw(Bytes(24, 7));
  Bytes ad = Label(p::kLabelMessage);
  ad.insert(ad.end(), rec.begin(), rec.end());
  Bytes ct = AeadSeal(key.reveal(), ByteView(rec).last(24), ad, padded);
  rec.insert(rec.end(), ct.begin(), ct.end());
  return rec;
}

TEST_CASE("authenticated records with a bad inner layout are refused", "[message]") {
  Fixture f;
  CHECK(EncryptMessage(f.nk, p::kKindNotes, f.case_id, RandomId(), AsBytes("{}"), nullptr).code() ==
        Code::kInvalidArgument);
  auto padded = [](uint32_t inner_len, std::initializer_list<uint8_t> inner) {
    Bytes b(512, 0);
    b[0] = uint8_t(inner_len >> 24);
    b[1] = uint8_t(inner_len >> 16);
    b[2] = uint8_t(inner_len >> 8);
    b[3] = uint8_t(inner_len);
    std::copy(inner.begin(), inner.end(), b.begin() + 4);
    return b;
  };
  // Sanity: a well-formed hand-made source message opens.
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, padded(2, {0, 'x'})),
                       f.case_id, f.keys, f.lookup)
            .ok());
  // An unsigned (source-authored) notes record.
  CHECK(DecryptMessage(HandMade(f.nk, p::kKindNotes, f.case_id, padded(2, {0, 'x'})), f.case_id,
                       f.keys, f.lookup)
            .code() == Code::kMalformed);
  // Unknown author byte.
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, padded(2, {2, 'x'})),
                       f.case_id, f.keys, f.lookup)
            .code() == Code::kMalformed);
  // Inner length 0, and longer than the padded plaintext.
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, padded(0, {})), f.case_id,
                       f.keys, f.lookup)
            .code() == Code::kMalformed);
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, padded(509, {0})), f.case_id,
                       f.keys, f.lookup)
            .code() == Code::kMalformed);
  // Non-zero padding.
  Bytes dirty = padded(2, {0, 'x'});
  dirty[511] = 1;
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, dirty), f.case_id, f.keys,
                       f.lookup)
            .code() == Code::kMalformed);
  // Reviewer author byte but too short for id and signature.
  CHECK(DecryptMessage(HandMade(f.ck, p::kKindConversation, f.case_id, padded(3, {1, 2, 3})),
                       f.case_id, f.keys, f.lookup)
            .code() == Code::kMalformed);
}

TEST_CASE("records are bound to their case, kind and id", "[message]") {
  Fixture f;
  const Bytes rec =
      EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), AsBytes("hello"), nullptr)
          .value();
  CHECK(DecryptMessage(rec, RandomId(), f.keys, f.lookup).code() == Code::kMalformed);
  // Keys of another case.
  SecretBytes other_ck = SecretBytes::Random(32);
  CHECK(DecryptMessage(rec, f.case_id, CaseKeys{&other_ck, nullptr}, f.lookup).code() ==
        Code::kDecryptFailed);
  // No key for that kind.
  CHECK(DecryptMessage(rec, f.case_id, CaseKeys{nullptr, &f.nk}, f.lookup).code() ==
        Code::kInvalidArgument);
  // Message id or case id rewritten by the server: the AEAD catches it.
  Bytes moved = rec;
  moved[2 + 16] ^= 1;  // first byte of message_id
  CHECK(DecryptMessage(moved, f.case_id, f.keys, f.lookup).code() == Code::kDecryptFailed);
  Bytes rekind = rec;
  rekind[1] = p::kKindNotes;
  CHECK(DecryptMessage(rekind, f.case_id, CaseKeys{&f.ck, &f.ck}, f.lookup).code() ==
        Code::kDecryptFailed);
}

TEST_CASE("every corruption of a message record is rejected", "[message][corruption]") {
  Fixture f;
  const Bytes rec = EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(),
                                   AsBytes("evidence"), &f.signer)
                        .value();
  for (size_t i = 0; i < rec.size(); i += (i < 100 || i > rec.size() - 40) ? 1 : 13) {
    Bytes bad = rec;
    bad[i] ^= 0x08;
    INFO("byte " << i);
    auto r = DecryptMessage(bad, f.case_id, f.keys, f.lookup);
    REQUIRE_FALSE(r.ok());
    if (i == 0) CHECK(r.code() == Code::kUnsupportedVersion);
  }
  for (size_t n :
       {size_t(0), size_t(1), size_t(57), size_t(58), size_t(73), size_t(74), rec.size() - 1}) {
    CHECK_FALSE(DecryptMessage(ByteView(rec.data(), n), f.case_id, f.keys, f.lookup).ok());
  }
  Bytes longer = rec;
  longer.push_back(0);
  CHECK(DecryptMessage(longer, f.case_id, f.keys, f.lookup).code() == Code::kMalformed);
}

TEST_CASE("bodies up to the limit fit; larger ones are refused", "[message]") {
  Fixture f;
  const Bytes max_body(MaxBodySize(false), 'a');
  auto rec = EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), max_body, nullptr);
  REQUIRE(rec.ok());
  CHECK(rec->size() == p::kMaxMessageRecordSize);
  auto m = DecryptMessage(*rec, f.case_id, f.keys, f.lookup);
  REQUIRE(m.ok());
  CHECK(m->body.size() == max_body.size());
  const Bytes too_big(MaxBodySize(false) + 1, 'a');
  CHECK(
      EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), too_big, nullptr).code() ==
      Code::kInvalidArgument);
  // An empty body is allowed (the inner plaintext still has its author byte).
  CHECK(DecryptMessage(
            EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), {}, nullptr).value(),
            f.case_id, f.keys, f.lookup)
            .ok());
}
