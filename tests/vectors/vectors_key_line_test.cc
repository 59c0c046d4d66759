// The `public_key_line` vectors (crypto/PROTOCOL.md §5.4) through the
// client's parser, and the line a writer writes through its formatter.
#include <catch2/catch_test_macros.hpp>

#include "client/public_key_line.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace dojava::vectors {

std::string CheckPublicKeyLine(const boost::json::object& v) {
  const auto& in = v.at("input").as_object();
  const Bytes line = BytesOf(in.at("line"));
  CHECK(std::string(in.at("line_text").as_string()) == std::string(AsChars(line)));
  auto keys = client::ParsePublicKeyLine(AsChars(line));
  if (!keys.ok()) return Outcome(keys.code());
  const auto& out = v.at("output").as_object();
  CHECK(HexOf(keys->ed25519) == out.at("ed25519").as_string());
  CHECK(HexOf(keys->x25519) == out.at("x25519").as_string());
  if (in.contains("written")) CHECK(client::FormatPublicKeyLine(*keys) + "\n" == AsChars(line));
  return "success";
}

}  // namespace dojava::vectors
