// Vector checkers for receipts, keys, key files and attachments.
#include <catch2/catch_test_macros.hpp>
#include <sstream>

#include "crypto/attachment.h"
#include "crypto/primitives.h"
#include "tests/vectors/chunk_stream.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;

namespace dojava::vectors {
namespace {

std::string CheckChunks(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const uint64_t size = uint64_t(in.at("size").as_int64());
  const Bytes plain = VectorPlaintext(size);
  auto secrets =
      crypto::FileSecrets::FromBytes(BytesOf(in.at("file_key")), BytesOf(in.at("nonce_prefix")), BytesOf(in.at("file_id")));
  REQUIRE(secrets.ok());
  const std::vector<Bytes> records = HonestRecords(*secrets, plain);
  const auto& hashes = in.at("record_hashes").as_array();
  REQUIRE(hashes.size() == records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    CHECK(HexOf(crypto::LabeledHash(32, "", records[i])) == hashes[i].as_string());
  }
  const Bytes stream = BuildStream(*secrets, records, in.at("stream").as_array());
  auto pick = [&](const char* field) {
    if (in.contains("reader") && in.at("reader").as_object().contains(field)) return BytesOf(in.at("reader").at(field));
    return BytesOf(in.at(field));
  };
  auto reader = crypto::FileSecrets::FromBytes(pick("file_key"), pick("nonce_prefix"), pick("file_id"));
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

std::map<std::string, Checker> ExtraCheckers() { return {{"chunks", CheckChunks}}; }

}  // namespace dojava::vectors
