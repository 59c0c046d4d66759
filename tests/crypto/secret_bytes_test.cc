#include "base/secret_bytes.h"

#include <catch2/catch_test_macros.hpp>
#include <utility>

using namespace dojava;

TEST_CASE("SecretBytes starts zeroed and compares in constant time", "[secret]") {
  SecretBytes s(32);
  REQUIRE(s.size() == 32);
  for (uint8_t b : s.reveal()) CHECK(b == 0);
  SecretBytes r = SecretBytes::Random(32);
  CHECK_FALSE(r.Equals(s));
  SecretBytes copy = SecretBytes::Copy(r.reveal());
  CHECK(copy.Equals(r));
  copy.reveal_mut()[31] ^= 1;
  CHECK_FALSE(copy.Equals(r));
  CHECK_FALSE(r.Equals(ByteView(r.reveal().data(), 31)));  // different sizes never equal
}

TEST_CASE("SecretBytes moves leave the source empty", "[secret]") {
  SecretBytes a = SecretBytes::Copy(std::string_view("receipt"));
  SecretBytes b = std::move(a);
  CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the contract under test
  CHECK(b.reveal_chars() == "receipt");
  SecretBytes c;
  c = std::move(b);
  CHECK(c.reveal_chars() == "receipt");
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("SecretBytes::Truncate wipes the cut tail", "[secret]") {
  SecretBytes s = SecretBytes::Copy(std::string_view("abcdef"));
  uint8_t* base = s.reveal_mut().data();
  s.Truncate(2);
  CHECK(s.reveal_chars() == "ab");
  // The allocation is still ours; the cut bytes must now be zero.
  for (int i = 2; i < 6; ++i) CHECK(base[i] == 0);
}

TEST_CASE("SecretBytes::Resize: shrinking wipes, growing within the capacity shows only zeros",
          "[secret]") {
  SecretBytes s = SecretBytes::Copy(std::string_view("abcdef"));
  CHECK(s.capacity() == 6);
  s.Resize(2);
  CHECK(s.reveal_chars() == "ab");
  CHECK(s.capacity() == 6);
  s.Resize(6);  // the cut bytes come back as zeros, never as "cdef"
  CHECK(s.reveal_chars() == std::string_view("ab\0\0\0\0", 6));
  s.Resize(0);
  CHECK(s.empty());
  s.Resize(6);
  for (uint8_t b : s.reveal()) CHECK(b == 0);
}
