// base/config_keys.h: the one key table type behind every options struct
// (HttpConfig, ApiOptions, NojsOptions, StoreOptions, the instance config).
#include "base/config_keys.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

namespace dojava::config {
namespace {

struct Limits {
  int count = 3;
  double rate = 0.5;
  uint64_t size_bytes = 2 * 1024 * 1024;

  static const KeyTable<Limits>& Keys() {
    static const KeyTable<Limits> keys =
        std::move(KeyTable<Limits>()
                      .Int("count", &Limits::count, 1, 10, "how many")
                      .Number("rate", &Limits::rate, 0.25, "how fast")
                      .Int("size_bytes", &Limits::size_bytes, 1024, uint64_t{1} << 30, "how big"));
    return keys;
  }
};

struct Outer {
  bool on = false;
  std::string path;
  Limits one;
  Limits many[2];

  static const KeyTable<Outer>& Keys() {
    static const KeyTable<Outer> keys =
        std::move(KeyTable<Outer>()
                      .Bool("on", &Outer::on, "switch")
                      .Text("path", &Outer::path, kAbsolutePath, "where")
                      .Add("one.", &Outer::one, Limits::Keys(), "the one")
                      .Add("many.b.", &Outer::many, 1, Limits::Keys()));
    return keys;
  }
};

TEST_CASE("Composed keys set the nested field and the array element they name", "[config]") {
  Outer o;
  REQUIRE(Outer::Keys().Parse("on = true\none.count = 7\nmany.b.rate = 2.125\n", &o).ok());
  CHECK(o.on);
  CHECK(o.one.count == 7);
  CHECK(o.many[1].rate == 2.125);
  CHECK(o.many[0].rate == 0.5);  // the other element keeps its default
  CHECK(Outer::Keys().keys().size() == 2 + 3 + 3);
  CHECK(Outer::Keys().keys()[2].help == "the one: how many");
}

TEST_CASE("Errors name the line and the key, never the value", "[config]") {
  Outer o;
  Status s = Outer::Keys().Parse("on = true\none.count = 11\n", &o);
  CHECK(s.message() == "config line 2: config key 'one.count': out of range [1, 10]");
  s = Outer::Keys().Parse("path = relative/secret\n", &o);
  CHECK(s.message().find("line 1") != std::string::npos);
  CHECK(s.message().find("secret") == std::string::npos);
  CHECK_FALSE(Outer::Keys().Parse("one.rate = 0.2\n", &o).ok());  // under the minimum
  CHECK_FALSE(Outer::Keys().Parse("one.rate = 1e3\n", &o).ok());
  CHECK_FALSE(Outer::Keys().Parse("one.count = 2\none.count = 3\n", &o).ok());
  CHECK(Outer::Keys().Parse("nope = 1\n", &o).message() ==
        "config line 1: unknown config key 'nope'");
  CHECK_FALSE(Outer::Keys().ApplyOverrides({"on"}, &o).ok());
  REQUIRE(Outer::Keys().ApplyOverrides({" on = false ", "one.size_bytes=4096"}, &o).ok());
  CHECK_FALSE(o.on);
  CHECK(o.one.size_bytes == 4096);
}

TEST_CASE("Check applies the keys' ranges to values set in code", "[config]") {
  Outer o;
  CHECK(Outer::Keys().Check(o).ok());  // an empty path is unset, not wrong
  o.many[1].count = 0;
  CHECK(Outer::Keys().Check(o).message() == "config key 'many.b.count': out of range [1, 10]");
  o.many[1].count = 1;
  o.path = "relative";
  CHECK_FALSE(Outer::Keys().Check(o).ok());
}

TEST_CASE("The config text parses back to the same values and documents each key", "[config]") {
  Outer o;
  o.path = "/srv/x";
  o.one.rate = 0.000001 + 0.25;
  o.many[1].size_bytes = 5000;
  const std::string text = Outer::Keys().Text(o);
  CHECK(
      text.find("# the one: how fast (0.25..1000000, at most 6 decimals)\none.rate = 0.250001\n") !=
      std::string::npos);
  Outer back;
  REQUIRE(Outer::Keys().Parse(text, &back).ok());
  CHECK(Outer::Keys().Text(back) == text);
  CHECK(back.many[1].size_bytes == 5000);
  // An empty text value stays a comment, so the default applies.
  CHECK(Outer::Keys().Text(Outer()).find("# path = \n") != std::string::npos);
}

TEST_CASE("Markdown rows show defaults, accepted values and byte sizes", "[config]") {
  const std::string rows = Limits::Keys().MarkdownRows(Limits());
  CHECK(rows ==
        "| `count` | `3` | 1..10 | how many |\n"
        "| `rate` | `0.5` | 0.25..1000000, at most 6 decimals | how fast |\n"
        "| `size_bytes` | `2097152` (2 MiB) | 1 KiB..1 GiB | how big |\n");
  CHECK(MarkdownRow("k", "v", "a|b", "c") == "| `k` | v | a\\|b | c |\n");
}

TEST_CASE("Numbers, byte sizes and comment wrapping", "[config]") {
  double d = 0;
  CHECK(ParseNumber("1000000", &d));
  CHECK(FormatNumber(d) == "1000000");  // not 1e+06, which would not parse back
  CHECK(FormatNumber(0.2) == "0.2");
  CHECK_FALSE(ParseNumber("1000001", &d));
  CHECK_FALSE(ParseNumber("0.1234567", &d));
  uint64_t n = 0;
  CHECK_FALSE(ParseDecimal("01", &n));
  CHECK(ByteSize(3 * 1024 * 1024) == "3 MiB");
  CHECK(ByteSize(1536) == "");
  CHECK(ByteSize(1000) == "");
  const std::string long_help(60, 'a');
  CHECK(CommentLines(long_help + " " + long_help) == "# " + long_help + "\n# " + long_help + "\n");
}

}  // namespace
}  // namespace dojava::config
