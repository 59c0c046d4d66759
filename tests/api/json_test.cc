// The strict JSON reader and the response writer (service/api/json_*.h).
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "service/api/json_reader.h"
#include "service/api/json_writer.h"

namespace dojava::api {
namespace {

bool Parses(const std::string& text) { return JsonObject::Parse(text).ok(); }

TEST_CASE("JsonObject: accepts plain JSON objects", "[api][json]") {
  CHECK(Parses("{}"));
  CHECK(Parses(" {\"a\" : 1 , \"b\":[1,2,{\"c\":null}],\"d\":true}\n"));
  CHECK(Parses("{\"a\":-9223372036854775808,\"b\":9223372036854775807}"));
  CHECK(Parses("{\"a\":\"\\u00e9\\n\"}"));
  auto o = JsonObject::Parse("{\"s\":\"x\\\"y\",\"n\":7,\"a\":[]}");
  REQUIRE(o.ok());
  CHECK(*o->String("s") == "x\"y");
  CHECK(*o->Int("n", 0, 10) == 7);
  CHECK((*o->Array("a"))->empty());
  CHECK(o->Finish().ok());
}

TEST_CASE("JsonObject: refuses duplicates, non-integers and non-JSON", "[api][json]") {
  for (const std::string& text : std::vector<std::string>{
           "{\"a\":1,\"a\":1}",          // duplicate (Boost.JSON 1.81 would keep the last)
           "{\"a\":1,\"\\u0061\":2}",    // duplicate after unescaping
           "{\"o\":{\"x\":1,\"x\":2}}",  // nested duplicate
           "{\"a\":1.0}",
           "{\"a\":1e0}",
           "{\"a\":1E2}",
           "{\"a\":-0.0}",
           "{\"a\":9223372036854775808}",   // > int64
           "{\"a\":18446744073709551616}",  // > uint64
           "{\"a\":01}",
           "{\"a\":+1}",
           "{\"a\":NaN}",
           "{\"a\":Infinity}",
           "[]",
           "1",
           "\"x\"",
           "null",
           "",
           " ",
           "{\"a\":1}{}",
           "{\"a\":1},",
           "{\"a\":1,}",
           "{\"a\":[1,]}",
           "{/*c*/\"a\":1}",
           "{\"a\":1}//c",
           "{'a':1}",
           "{a:1}",
           "{\"a\":\"\xff\"}",
           "{\"a\":\"\xc0\xaf\"}",         // invalid UTF-8
           "{\"a\":\"\x01\"}",             // raw control character
           "{\"a\":[[[[[[[[[1]]]]]]]]]}",  // deeper than kMaxJsonDepth
       }) {
    INFO(text);
    CHECK(JsonObject::Parse(text).code() == Code::kMalformed);
  }
  std::string wide = "{";
  for (size_t i = 0; i <= kMaxObjectMembers; ++i) {
    wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  }
  CHECK_FALSE(Parses(wide + "}"));
  std::string long_array = "{\"a\":[";
  for (size_t i = 0; i <= kMaxArrayElements; ++i) long_array += i ? ",0" : "0";
  CHECK_FALSE(Parses(long_array + "]}"));
}

TEST_CASE("JsonObject: typed fields and unknown fields", "[api][json]") {
  auto o = JsonObject::Parse("{\"s\":1,\"n\":\"1\",\"big\":11,\"extra\":0}");
  REQUIRE(o.ok());
  CHECK_FALSE(o->String("s").ok());
  CHECK_FALSE(o->Int("n", 0, 10).ok());
  CHECK_FALSE(o->Int("big", 0, 10).ok());
  CHECK_FALSE(o->String("missing").ok());
  CHECK_FALSE(o->Finish().ok());  // "extra" was never asked for
  CHECK(o->Take("extra") != nullptr);
  CHECK(o->Finish().ok());
  auto p = JsonObject::Parse("{\"files\":null}");
  REQUIRE(p.ok());
  CHECK_FALSE(p->OptionalArray("files").ok());
  auto q = JsonObject::Parse("{}");
  REQUIRE(q.ok());
  CHECK((*q->OptionalArray("files"))->empty());
}

TEST_CASE("JsonWriter: escapes strings and places commas", "[api][json]") {
  JsonWriter w;
  w.BeginObject();
  w.Key("a\"b");
  w.String("x\\y\n\x01");
  w.Key("l");
  w.BeginArray();
  w.Int(-1);
  w.Uint(2);
  w.Bool(true);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  const std::string text = w.Take();
  CHECK(text == "{\"a\\\"b\":\"x\\\\y\\u000a\\u0001\",\"l\":[-1,2,true,null,{}]}");
  // What the writer produces, the strict reader reads back.
  auto o = JsonObject::Parse(text);
  REQUIRE(o.ok());
  CHECK(*o->String("a\"b") == "x\\y\n\x01");
}

}  // namespace
}  // namespace dojava::api
