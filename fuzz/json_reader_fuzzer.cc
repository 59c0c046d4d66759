// The API's strict JSON reader (service/api/json_reader.h) and the request
// helpers built on it (service/api/request_parsing.h): JsonObject::Parse on
// the whole input, then every array through ParseSealedKeys and
// ParseFileIds, every string through ParseId, ParseDecimal, ParseBytes and
// ParseFixed<32>, and the input as a query string through ParseQuery.
// Invariants: limits of json_reader.h hold on every accepted tree; a string
// ParseId accepts re-encodes to itself (canonical base64url).
#include <string>

#include "base/encoding.h"
#include "fuzz/fuzz_input.h"
#include "service/api/json_reader.h"
#include "service/api/request_parsing.h"

namespace {

using dojava::api::JsonValue;

void Walk(const JsonValue& v, size_t depth) {
  using namespace dojava;
  DOJAVA_FUZZ_CHECK(depth <= api::kMaxJsonDepth);
  switch (v.type()) {
    case JsonValue::Type::kString: {
      const std::string_view s = v.string_value();
      if (auto id = api::ParseId(s); id.ok()) {
        DOJAVA_FUZZ_CHECK(Base64UrlEncode(ByteView(id->data(), id->size())) == s);
      }
      (void)api::ParseDecimal(s, uint64_t{1} << 53);
      (void)api::ParseBytes(s, 1024);
      (void)api::ParseFixed<32>(s);
      break;
    }
    case JsonValue::Type::kArray:
      DOJAVA_FUZZ_CHECK(v.array().size() <= api::kMaxArrayElements);
      (void)api::ParseSealedKeys(v.array());
      (void)api::ParseFileIds(v.array());
      for (const JsonValue& e : v.array()) Walk(e, depth + 1);
      break;
    case JsonValue::Type::kObject:
      DOJAVA_FUZZ_CHECK(v.members().size() <= api::kMaxObjectMembers);
      (void)api::ParseSealedKey(v);
      for (const auto& [name, member] : v.members()) Walk(member, depth + 1);
      break;
    default:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = api::JsonObject::Parse(text);
  if (parsed.ok()) {
    DOJAVA_FUZZ_CHECK(parsed->value().is_object());
    Walk(parsed->value(), 1);
    // The typed accessors, as a route would use them.
    (void)parsed->String("case_id");
    (void)parsed->Int("index", 0, 1 << 20);
    (void)parsed->OptionalArray("files");
    (void)parsed->Finish();
  }
  (void)api::ParseQuery(text, {"since", "limit", "after", "cursor"});
  return 0;
}
