// Statement envelopes (crypto/PROTOCOL.md §7.4) beyond the shared vectors:
// every byte of an envelope flipped, cut or extended is refused, a round trip
// with fresh nonces, and the picking of a CK by the envelope's commitment.
#include "crypto/statement_envelope.h"

#include <catch2/catch_test_macros.hpp>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

namespace {

const Id kCase = [] {
  Id id{};
  id.fill(7);
  return id;
}();

}  // namespace

TEST_CASE("a sealed statement opens under its CK and only there", "[v2][envelope]") {
  const SecretBytes ck = SecretBytes::Random(32);
  const Bytes statement(p::kCkAnchorSize, 0x5a);
  const Bytes env = v2::SealStatement(ck, p::kStatementAnchor, kCase, statement).value();
  REQUIRE(env.size() == p::EnvelopeSize(statement.size()));
  CHECK(env.size() == 58 + 129 + 16);
  auto opened = v2::OpenStatement(env, p::kStatementAnchor, kCase, ck);
  REQUIRE(opened.ok());
  CHECK(opened->statement == statement);
  // A fresh nonce each time: the same statement never seals to the same bytes.
  CHECK(v2::SealStatement(ck, p::kStatementAnchor, kCase, statement).value() != env);
  auto header = v2::ParseStatementEnvelope(env, p::kStatementAnchor);
  REQUIRE(header.ok());
  CHECK(header->key_commitment == v2::KeyCommitment(ck));
  CHECK(header->statement_size == statement.size());
}

TEST_CASE("every corrupted byte of an envelope is refused", "[v2][envelope]") {
  const SecretBytes ck = SecretBytes::Random(32);
  const Bytes statement(p::kRekeySize, 0x33);
  const Bytes env = v2::SealStatement(ck, p::kStatementRekey, kCase, statement).value();
  for (size_t i = 0; i < env.size(); ++i) {
    Bytes bad = env;
    bad[i] ^= 0x01;
    CHECK_FALSE(v2::OpenStatement(bad, p::kStatementRekey, kCase, ck).ok());
    CHECK_FALSE(v2::OpenStatement(ByteView(env).first(i), p::kStatementRekey, kCase, ck).ok());
  }
  Bytes extended = env;
  extended.push_back(0);
  CHECK(v2::OpenStatement(extended, p::kStatementRekey, kCase, ck).code() == Code::kMalformed);
}

TEST_CASE("a reader picks its CK by the envelope's commitment", "[v2][envelope]") {
  const SecretBytes ck0 = SecretBytes::Random(32);
  const SecretBytes ck1 = SecretBytes::Random(32);
  const SecretBytes other = SecretBytes::Random(32);
  const Bytes statement(p::kMinGenesisSize + 16, 0x11);
  const Bytes env = v2::SealStatement(ck1, p::kStatementGenesis, kCase, statement).value();
  auto opened = v2::OpenStatement(env, p::kStatementGenesis, kCase, {&ck0, nullptr, &ck1});
  REQUIRE(opened.ok());
  CHECK(opened->key_index == 2);
  CHECK(v2::OpenStatement(env, p::kStatementGenesis, kCase, {&ck0, &other}).code() ==
        Code::kWrongKey);
  Id other_case = kCase;
  other_case[0] ^= 1;
  CHECK(v2::OpenStatement(env, p::kStatementGenesis, other_case, ck1).code() ==
        Code::kDecryptFailed);
}

TEST_CASE("a writer refuses a statement of the wrong size for its type", "[v2][envelope]") {
  const SecretBytes ck = SecretBytes::Random(32);
  CHECK(v2::SealStatement(ck, p::kStatementAnchor, kCase, Bytes(p::kRekeySize)).code() ==
        Code::kInvalidArgument);
  CHECK(v2::SealStatement(ck, p::kStatementGenesis, kCase, Bytes(p::kMinGenesisSize + 1)).code() ==
        Code::kInvalidArgument);
  CHECK(v2::SealStatement(ck, 4, kCase, Bytes(p::kCkAnchorSize)).code() == Code::kInvalidArgument);
  CHECK(v2::IsStatementSize(p::kStatementGenesis, p::kMaxGenesisSize));
  CHECK_FALSE(v2::IsStatementSize(p::kStatementGenesis, p::kMaxGenesisSize + 16));
}
