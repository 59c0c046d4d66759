// Reads every file in tests/vectors/ and checks that the C++ implementation
// produces exactly the expected outcome (crypto/PROTOCOL.md §13). For
// successful scenarios it also re-encrypts from the given inputs and
// compares the bytes, so both directions are pinned.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "crypto/login.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;
using namespace dojava;
using namespace dojava::crypto;
using namespace dojava::vectors;

namespace dojava::vectors {

std::vector<json::object> LoadVectors() {
  std::vector<json::object> out;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(DOJAVA_VECTOR_DIR)) {
    if (e.path().extension() == ".json") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    out.push_back(json::parse(ss.str()).as_object());
  }
  return out;
}

std::string Outcome(Code code) { return std::string(CodeName(code)); }

template <size_t N>
std::array<uint8_t, N> Fixed(const json::value& v) {
  const Bytes b = BytesOf(v);
  REQUIRE(b.size() == N);
  std::array<uint8_t, N> a{};
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

}  // namespace dojava::vectors

namespace {

std::string CheckSealedKey(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const uint8_t role = uint8_t(in.at("role").as_int64());
  const Id case_id = Fixed<16>(in.at("case_id"));
  const X25519Public pub = Fixed<32>(in.at("recipient_public"));
  const SecretBytes secret = SecretOf(in.at("recipient_secret"));
  auto r = OpenSealedKey(BytesOf(in.at("record")), role, case_id, secret, pub);
  if (!r.ok()) return Outcome(r.code());
  CHECK(HexOf(r->reveal()) == v.at("output").at("key").as_string());
  if (in.contains("ephemeral_secret")) {
    auto again = SealKeyWithEphemeral(SecretOf(in.at("key")), role, case_id, pub,
                                      SecretOf(in.at("ephemeral_secret")));
    REQUIRE(again.ok());
    CHECK(HexOf(*again) == in.at("record").as_string());
  }
  return "success";
}

std::string CheckLogin(const json::object& v) {
  const auto& in = v.at("input").as_object();
  if (in.contains("ed25519_seed")) {
    const auto kp = Ed25519FromSeed(BytesOf(in.at("ed25519_seed")));
    CHECK(HexOf(kp.public_key) == in.at("ed25519_public").as_string());
  }
  Status s = VerifyLogin(Fixed<32>(in.at("ed25519_public")), Fixed<16>(in.at("instance_id")),
                         Fixed<16>(in.at("reviewer_id")), BytesOf(in.at("challenge")),
                         BytesOf(in.at("signature")));
  return s.ok() ? "success" : Outcome(s.code());
}

const std::map<std::string, std::function<std::string(const json::object&)>>& Checkers() {
  static const auto* checkers = [] {
    auto* all = new std::map<std::string, std::function<std::string(const json::object&)>>{
        {"sealed_key", CheckSealedKey}, {"login", CheckLogin}};
    for (auto& [k, f] : ExtraCheckers()) (*all)[k] = f;
    for (auto& [k, f] : V2Checkers()) (*all)[k] = f;
    return all;
  }();
  return *checkers;
}

}  // namespace

TEST_CASE("every vector file has the expected outcome", "[vectors]") {
  const auto vectors = LoadVectors();
  for (const auto& v : vectors) {
    const std::string scenario(v.at("scenario").as_string());
    const std::string kind(v.at("kind").as_string());
    INFO("scenario " << scenario << " (" << kind << ")");
    auto it = Checkers().find(kind);
    REQUIRE(it != Checkers().end());
    CHECK(it->second(v) == std::string(v.at("expect").as_string()));
  }
}

TEST_CASE("the vectors cover every kind with successes and failures", "[vectors]") {
  const auto vectors = LoadVectors();
  CHECK(vectors.size() >= 30);
  std::map<std::string, std::pair<int, int>> counts;
  for (const auto& v : vectors) {
    auto& c = counts[std::string(v.at("kind").as_string())];
    (v.at("expect") == "success" ? c.first : c.second)++;
  }
  for (const auto& [kind, c] : Checkers()) {
    INFO(kind);
    CHECK(counts[kind].first >= 1);
    // Key derivation from a 32-byte seed has no failing input of the protocol.
    if (kind != "keys") CHECK(counts[kind].second >= 1);
  }
}
