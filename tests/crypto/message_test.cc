// Message records (crypto/PROTOCOL.md §8): sizes, authors, binding to the
// case, kind and id, and refusal of version 1 (§16). Corruption of every
// byte: protocol_v2_test.cc; known answers: tests/vectors.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

namespace {

struct Fixture {
  Ed25519KeyPair admin = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  Id instance_id = RandomId();
  Id reviewer_id = RandomId();
  Ed25519KeyPair reviewer = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  Ed25519KeyPair source = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  SecretBytes ck = SecretBytes::Random(32);
  SecretBytes nk = SecretBytes::Random(32);
  Id case_id = RandomId();
  v2::CaseKeys keys{&ck, &nk};
  v2::EventContext context{1, 20000, v2::Digest{}};

  v2::VerifiedRoster Roster() const {
    v2::Roster r;
    r.instance_id = instance_id;
    r.version = 1;
    r.expires_day = 20030;
    v2::RosterEntry e;
    e.reviewer_id = reviewer_id;
    e.ed25519 = reviewer.public_key;
    e.x25519 = X25519Base(Bytes(32, 9));
    e.name = "Ana";
    r.entries.push_back(e);
    const Bytes bytes = v2::SignRoster(r, admin.secret_key, admin.public_key).value();
    return v2::VerifyRoster(bytes, admin.public_key, instance_id, 20000).value();
  }
  v2::Signer Source() const {
    return v2::Signer{p::kAuthorSource, {}, source.public_key, &source.secret_key};
  }
  v2::Signer Reviewer(const Ed25519KeyPair& key) const {
    return v2::Signer{p::kAuthorReviewer, reviewer_id, {}, &key.secret_key};
  }
  Bytes Encrypt(const SecretBytes& key, uint8_t kind, std::string_view body,
                const v2::Signer& signer, const Id& message_id = RandomId()) const {
    return v2::EncryptMessage(key, kind, case_id, message_id, AsBytes(body), signer, context)
        .value();
  }
};

}  // namespace

TEST_CASE("a source message round-trips and hides its exact size", "[message]") {
  Fixture f;
  const auto roster = f.Roster();
  const Id mid = RandomId();
  const std::string body = R"({"type":"report","text":"Pegasus on my phone"})";
  const Bytes rec = f.Encrypt(f.ck, p::kKindConversation, body, f.Source(), mid);
  CHECK(rec.size() == p::kMessageHeaderSizeV2 + 512 + p::kAeadTagSize);
  auto hdr = v2::ParseMessageHeader(rec);
  REQUIRE(hdr.ok());
  CHECK(hdr->message_id == mid);
  CHECK(hdr->case_id == f.case_id);
  CHECK(hdr->key_commitment == v2::KeyCommitment(f.ck));
  auto m = v2::DecryptMessage(rec, f.case_id, f.keys, roster);
  REQUIRE(m.ok());
  CHECK(m->author == p::kAuthorSource);
  CHECK(m->source_public == f.source.public_key);
  CHECK(m->body.reveal_chars() == body);
  // Two bodies of different lengths in one bucket give records of one size.
  CHECK(f.Encrypt(f.ck, p::kKindConversation, "x", f.Source()).size() == rec.size());
}

TEST_CASE("reviewer events are signed and checked against the roster", "[message]") {
  Fixture f;
  const auto roster = f.Roster();
  const Bytes rec = f.Encrypt(f.nk, p::kKindNotes, R"({"type":"status","status":"triage"})",
                              f.Reviewer(f.reviewer));
  auto m = v2::DecryptMessage(rec, f.case_id, f.keys, roster);
  REQUIRE(m.ok());
  CHECK(m->author == p::kAuthorReviewer);
  CHECK(m->reviewer_id == f.reviewer_id);
  CHECK(m->kind == p::kKindNotes);
  // An insider with NK names this reviewer but signs with their own key.
  const Ed25519KeyPair insider = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  CHECK(v2::DecryptMessage(f.Encrypt(f.nk, p::kKindNotes, "{}", f.Reviewer(insider)), f.case_id,
                           f.keys, roster)
            .code() == Code::kBadSignature);
  // A reviewer id on no roster.
  v2::Signer stranger = f.Reviewer(f.reviewer);
  stranger.reviewer_id = RandomId();
  CHECK(v2::DecryptMessage(f.Encrypt(f.nk, p::kKindNotes, "{}", stranger), f.case_id, f.keys,
                           roster)
            .code() == Code::kUnknownAuthor);
  // The source never writes notes.
  CHECK(v2::EncryptMessage(f.nk, p::kKindNotes, f.case_id, RandomId(), AsBytes("{}"), f.Source(),
                           f.context)
            .code() == Code::kInvalidArgument);
}

TEST_CASE("records are bound to their case, kind, key and id", "[message]") {
  Fixture f;
  const auto roster = f.Roster();
  const Bytes rec = f.Encrypt(f.ck, p::kKindConversation, "hello", f.Source());
  CHECK(v2::DecryptMessage(rec, RandomId(), f.keys, roster).code() == Code::kMalformed);
  // Another key than the one the record commits to.
  SecretBytes other_ck = SecretBytes::Random(32);
  CHECK(v2::DecryptMessage(rec, f.case_id, v2::CaseKeys{&other_ck, nullptr}, roster).code() ==
        Code::kWrongKey);
  // No key for that kind.
  CHECK(v2::DecryptMessage(rec, f.case_id, v2::CaseKeys{nullptr, &f.nk}, roster).code() ==
        Code::kInvalidArgument);
  // Message id rewritten by the server: the AEAD catches it.
  Bytes moved = rec;
  moved[2 + 16] ^= 1;
  CHECK(v2::DecryptMessage(moved, f.case_id, f.keys, roster).code() == Code::kDecryptFailed);
}

// Dojava 0.1.0 wrote version-1 records (retired, §16): any record whose
// version byte is not 2 is unsupported_version before anything is decrypted.
TEST_CASE("a record of version 1 is unsupported_version", "[message]") {
  Fixture f;
  const auto roster = f.Roster();
  Bytes rec = f.Encrypt(f.ck, p::kKindConversation, "hello", f.Source());
  for (const uint8_t version : {uint8_t{0}, uint8_t{1}, uint8_t{3}}) {
    rec[0] = version;
    INFO(int{version});
    CHECK(v2::ParseMessageHeader(rec).code() == Code::kUnsupportedVersion);
    CHECK(v2::DecryptMessage(rec, f.case_id, f.keys, roster).code() ==
          Code::kUnsupportedVersion);
  }
  // A record of 0.1.0's size (a 58-byte header, the smallest bucket).
  Bytes old(58 + 512 + 16, 0);
  old[0] = 1;
  old[1] = p::kKindConversation;
  CHECK(v2::ParseMessageHeader(old).code() == Code::kUnsupportedVersion);
}

TEST_CASE("bodies up to the limit fit; larger ones are refused; empty ones open", "[message]") {
  Fixture f;
  const auto roster = f.Roster();
  CHECK(v2::MaxBodySize(p::kAuthorSource) == 524143);
  CHECK(v2::MaxBodySize(p::kAuthorReviewer) == 524159);
  const Bytes max_body(v2::MaxBodySize(p::kAuthorSource), 'a');
  auto rec = v2::EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), max_body,
                                f.Source(), f.context);
  REQUIRE(rec.ok());
  CHECK(rec->size() == p::kMaxMessageRecordSizeV2);
  auto m = v2::DecryptMessage(*rec, f.case_id, f.keys, roster);
  REQUIRE(m.ok());
  CHECK(m->body.size() == max_body.size());
  const Bytes too_big(max_body.size() + 1, 'a');
  CHECK(v2::EncryptMessage(f.ck, p::kKindConversation, f.case_id, RandomId(), too_big, f.Source(),
                           f.context)
            .code() == Code::kInvalidArgument);
  CHECK(v2::DecryptMessage(f.Encrypt(f.ck, p::kKindConversation, "", f.Source()), f.case_id,
                           f.keys, roster)
            .ok());
}
