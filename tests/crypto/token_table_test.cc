// base/token_table.h: the one table behind the reviewers' bearer tokens
// (api::SessionRegistry) and the no-JavaScript conversations
// (nojs::PlainSessions).
#include "base/token_table.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <string>

namespace dojava {
namespace {

using std::chrono::seconds;
using Table = TokenTable<std::string>;

Table::TimePoint At(int s) { return Table::TimePoint(seconds(s)); }

std::string HexOf(const TokenHash& h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : h) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

TEST_CASE("A token finds its value until it has been idle too long", "[token_table]") {
  Table t({seconds(10), Table::Duration::max(), 100});
  const SecretBytes token = t.Issue("ana", At(0));
  REQUIRE(token.size() == kTokenBytes);
  REQUIRE(t.Use(token.reveal(), At(9)) != nullptr);
  CHECK(*t.Use(token.reveal(), At(18)) == "ana");  // each use restarts the idle time
  CHECK(t.Use(token.reveal(), At(28)) == nullptr);
  CHECK(t.size() == 0);  // the lookup that found it expired dropped it
}

TEST_CASE("A lifetime ends an entry however active it is", "[token_table]") {
  Table t({seconds(10), seconds(25), 100});
  const SecretBytes token = t.Issue("ana", At(0));
  for (int s = 5; s < 25; s += 5) CHECK(t.Use(token.reveal(), At(s)) != nullptr);
  CHECK(t.Use(token.reveal(), At(25)) == nullptr);
}

TEST_CASE("Wrong, truncated and removed tokens find nothing", "[token_table]") {
  for (bool keep_token : {false, true}) {
    Table t({seconds(10), Table::Duration::max(), 100, keep_token});
    const SecretBytes token = t.Issue("ana", At(0));
    Bytes other(token.reveal().begin(), token.reveal().end());
    other[kTokenBytes - 1] ^= 1;
    CHECK(t.Use(other, At(1)) == nullptr);
    CHECK(t.Use(ByteView(token.reveal().data(), kTokenBytes - 1), At(1)) == nullptr);
    t.Remove(other);  // no effect
    CHECK(t.size() == 1);
    t.Remove(token.reveal());
    CHECK(t.Use(token.reveal(), At(1)) == nullptr);
    CHECK(t.size() == 0);
  }
}

TEST_CASE("When full, the least recently used entry is dropped", "[token_table]") {
  Table t({seconds(100), Table::Duration::max(), 2});
  const SecretBytes a = t.Issue("a", At(0));
  const SecretBytes b = t.Issue("b", At(1));
  REQUIRE(t.Use(a.reveal(), At(2)) != nullptr);  // b is now the least recently used
  const SecretBytes c = t.Issue("c", At(3));
  CHECK(t.size() == 2);
  CHECK(t.Use(b.reveal(), At(4)) == nullptr);
  CHECK(*t.Use(a.reveal(), At(4)) == "a");
  CHECK(*t.Use(c.reveal(), At(4)) == "c");
  CHECK_FALSE(a.Equals(c));
}

TEST_CASE("Sweeping and RemoveIf drop exactly the entries they name", "[token_table]") {
  Table t({seconds(10), Table::Duration::max(), 100});
  const SecretBytes old = t.Issue("old", At(0));
  const SecretBytes ana = t.Issue("ana", At(5));
  const SecretBytes ivo = t.Issue("ivo", At(5));
  t.SweepExpired(At(12));
  CHECK(t.size() == 2);
  t.RemoveIf([](const std::string& v) { return v == "ivo"; });
  CHECK(t.size() == 1);
  CHECK(*t.Use(ana.reveal(), At(12)) == "ana");
}

TEST_CASE("HashToken is unkeyed BLAKE2b-256", "[token_table]") {
  // BLAKE2b with a 32-byte digest and no key of "abc": the widely published
  // answer bddd813c...d52319 (b2sum -l 256 prints the same).
  const TokenHash h = HashToken(AsBytes(std::string_view("abc")));
  CHECK(HexOf(h) == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  CHECK(HashToken(AsBytes(std::string_view("abd"))) != h);
}

}  // namespace
}  // namespace dojava
