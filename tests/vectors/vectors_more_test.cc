// Vector checkers for receipts, keys, key files and attachments.
#include <catch2/catch_test_macros.hpp>
#include <sstream>

#include "crypto/admin_key.h"
#include "crypto/attachment.h"
#include "crypto/key_file.h"
#include "crypto/primitives.h"
#include "crypto/receipt.h"
#include "crypto/reviewer_key.h"
#include "crypto/source_key_wrap.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/chunk_stream.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;

namespace dojava::vectors {
namespace {

std::string CheckReceipt(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const Bytes typed = BytesOf(in.at("typed"));
  // typed_text is absent when the typed bytes are not UTF-8 (README).
  if (in.contains("typed_text")) {
    CHECK(std::string(AsChars(typed)) == std::string(in.at("typed_text").as_string()));
  }
  auto r = crypto::Receipt::Parse(AsChars(typed));
  if (!r.ok()) return Outcome(r.code());
  const auto& out = v.at("output").as_object();
  CHECK(std::string(AsChars(r->canonical())) == std::string(out.at("canonical").as_string()));
  CHECK(std::string(r->Formatted().reveal_chars()) == std::string(out.at("formatted").as_string()));
  auto k = crypto::DeriveReceiptKeys(*r, BytesOf(in.at("salt")));
  REQUIRE(k.ok());
  CHECK(HexOf(k->lookup_key.reveal()) == out.at("lookup_key").as_string());
  CHECK(HexOf(crypto::LookupHash(k->lookup_key.reveal())) == out.at("lookup_hash").as_string());
  CHECK(HexOf(k->source_secret.reveal()) == out.at("source_secret").as_string());
  CHECK(HexOf(k->source_public) == out.at("source_public").as_string());
  CHECK(HexOf(k->source_wrap.reveal()) == out.at("source_wrap").as_string());
  CHECK(HexOf(crypto::Ed25519FromSeed(k->source_sign_seed.reveal()).public_key) ==
        out.at("source_sign_public").as_string());
  CHECK(out.size() == 8);  // a new output field is checked, not skipped
  return "success";
}

template <size_t N>
std::array<uint8_t, N> FixedOf(const json::value& v) {
  const Bytes b = BytesOf(v);
  REQUIRE(b.size() == N);
  std::array<uint8_t, N> a{};
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

std::string CheckSourceKey(const json::object& v) {
  const auto& in = v.at("input").as_object();
  // The vector's source_wrap must be the one its receipt gives (§4.3).
  auto receipt = crypto::Receipt::FromCanonical(std::string(in.at("receipt").as_string()));
  REQUIRE(receipt.ok());
  auto derived = crypto::DeriveReceiptKeys(*receipt, BytesOf(in.at("salt")));
  REQUIRE(derived.ok());
  CHECK(HexOf(derived->source_wrap.reveal()) == in.at("source_wrap").as_string());
  const SecretBytes wrap = SecretOf(in.at("source_wrap"));
  const uint8_t role = uint8_t(in.at("role").as_int64());
  const crypto::Id case_id = FixedOf<16>(in.at("case_id"));
  auto k = crypto::OpenSourceKey(BytesOf(in.at("record")), role, case_id, wrap);
  if (!k.ok()) return Outcome(k.code());
  CHECK(HexOf(k->reveal()) == v.at("output").at("key").as_string());
  if (in.contains("r")) {
    auto again = crypto::WrapSourceKeyWithRandom(SecretOf(in.at("key")), role, case_id, wrap,
                                                 BytesOf(in.at("r")));
    REQUIRE(again.ok());
    CHECK(HexOf(*again) == in.at("record").as_string());
  }
  return "success";
}

std::string CheckKeys(const json::object& v) {
  const SecretBytes seed = SecretOf(v.at("input").at("seed"));
  auto reviewer = crypto::ReviewerKey::FromSeed(seed);
  auto admin = crypto::AdminKey::FromSeed(seed);
  if (!reviewer.ok()) return Outcome(reviewer.code());
  if (!admin.ok()) return Outcome(admin.code());
  const auto& out = v.at("output").as_object();
  CHECK(HexOf(reviewer->ed25519_public()) == out.at("reviewer_ed25519_public").as_string());
  CHECK(HexOf(reviewer->x25519_secret().reveal()) == out.at("reviewer_x25519_secret").as_string());
  CHECK(HexOf(reviewer->x25519_public()) == out.at("reviewer_x25519_public").as_string());
  CHECK(HexOf(admin->public_key()) == out.at("admin_ed25519_public").as_string());
  CHECK(crypto::AdminKey::FingerprintText(admin->public_key()) ==
        std::string(out.at("admin_fingerprint").as_string()));
  CHECK(HexOf(crypto::SignAnyLabelForTesting(*reviewer, "dojava/v1/test", {})) ==
        out.at("signature_of_empty_under_label_test").as_string());
  return "success";
}

std::string CheckKeyFile(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const Bytes file = BytesOf(in.at("file"));
  const SecretBytes pass = SecretOf(in.at("passphrase"));
  CHECK(pass.reveal_chars() == std::string(in.at("passphrase_text").as_string()));
  auto opened = crypto::OpenKeyFile(file, pass);
  if (!opened.ok()) return Outcome(opened.code());
  const auto& out = v.at("output").as_object();
  CHECK(int(opened->kind) == out.at("kind").as_int64());
  CHECK(HexOf(opened->seed.reveal()) == out.at("seed").as_string());
  if (in.contains("seal")) {
    const auto& seal = in.at("seal").as_object();
    auto again = crypto::SealKeyFile(opened->kind, opened->seed, pass,
                                     crypto::KeyFileParams{uint32_t(seal.at("t").as_int64()),
                                                           uint32_t(seal.at("m_kib").as_int64())},
                                     BytesOf(seal.at("salt")), BytesOf(seal.at("nonce")));
    REQUIRE(again.ok());
    CHECK(*again == file);
  }
  return "success";
}

std::string CheckChunks(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const uint64_t size = uint64_t(in.at("size").as_int64());
  const Bytes plain = VectorPlaintext(size);
  auto secrets = crypto::FileSecrets::FromBytes(
      BytesOf(in.at("file_key")), BytesOf(in.at("nonce_prefix")), BytesOf(in.at("file_id")));
  REQUIRE(secrets.ok());
  const std::vector<Bytes> records = HonestRecords(*secrets, plain);
  const auto& hashes = in.at("record_hashes").as_array();
  REQUIRE(hashes.size() == records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    CHECK(HexOf(crypto::LabeledHash(32, "", records[i])) == hashes[i].as_string());
  }
  const Bytes stream = BuildStream(*secrets, records, in.at("stream").as_array());
  auto pick = [&](const char* field) {
    if (in.contains("reader") && in.at("reader").as_object().contains(field))
      return BytesOf(in.at("reader").at(field));
    return BytesOf(in.at(field));
  };
  auto reader =
      crypto::FileSecrets::FromBytes(pick("file_key"), pick("nonce_prefix"), pick("file_id"));
  REQUIRE(reader.ok());
  std::istringstream is(std::string(AsChars(stream)));
  std::ostringstream os;
  auto r = crypto::DecryptStream(*reader, is, os);
  if (!r.ok()) return Outcome(r.code());
  const auto& out = v.at("output").as_object();
  CHECK(r->size == uint64_t(out.at("size").as_int64()));
  CHECK(r->chunk_count == uint64_t(out.at("chunk_count").as_int64()));
  const std::string got = os.str();
  CHECK(HexOf(crypto::LabeledHash(32, "", AsBytes(got))) == out.at("plaintext_hash").as_string());
  CHECK(Bytes(got.begin(), got.end()) == plain);
  return "success";
}

}  // namespace

std::map<std::string, Checker> ExtraCheckers() {
  return {{"chunks", CheckChunks},
          {"receipt", CheckReceipt},
          {"source_key", CheckSourceKey},
          {"keys", CheckKeys},
          {"key_file", CheckKeyFile},
          {"payload", CheckPayload},
          {"public_key_line", CheckPublicKeyLine}};
}

}  // namespace dojava::vectors
