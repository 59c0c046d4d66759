// payload/image_metadata.h on the same real images as the page's
// static/test/web-metadata.test.mjs (static/test/fixtures/make-fixtures.mjs:
// Chromium's encodings, then EXIF with GPS, XMP, MPF, a comment and a
// trailer inserted into the JPEG; tEXt, iTXt, eXIf, tIME and a trailer into
// the PNG). Removing exactly what was inserted must give back Chromium's
// bytes, as in the page's tests: the same rules on both paths.
#include "payload/image_metadata.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace dojava::payload {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(DOJAVA_SOURCE_DIR) + "/static/test/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Clean(const std::string& file, MetadataPlan* plan_out = nullptr) {
  auto plan = PlanMetadataRemoval(AsBytes(file));
  REQUIRE(plan.ok());
  const SecretBytes out = ApplyMetadataPlan(AsBytes(file), *plan);
  if (plan_out) *plan_out = *plan;
  return std::string(out.reveal_chars());
}

bool Has(const std::string& bytes, const std::string& s) {
  return bytes.find(s) != std::string::npos;
}

TEST_CASE(
    "JPEG with GPS EXIF: EXIF, XMP, MPF, comment and trailer go; the image stays byte for byte") {
  const std::string dirty = Fixture("photo-gps.jpg");
  REQUIRE(Has(dirty, "Exif"));
  REQUIRE(Has(dirty, "DojavaCam"));
  REQUIRE(Has(dirty, std::string("\x88\x25", 2)));  // the GPSInfo tag (0x8825)
  MetadataPlan plan;
  const std::string out = Clean(dirty, &plan);
  CHECK(plan.kind == ImageKind::kJpeg);
  std::vector<std::string_view> removed = plan.removed;
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<std::string_view>{"app2", "comment", "exif", "trailer"});
  CHECK(out == Fixture("photo-clean.jpg"));
  for (const char* s : {"Exif", "DojavaCam", "Ana", "MPF", "TRAILER"}) {
    CAPTURE(s);
    CHECK_FALSE(Has(out, s));
  }
  CHECK(Clean(out) == out);  // cleaning is idempotent
}

TEST_CASE("PNG with text chunks: tEXt, iTXt, eXIf, tIME and trailer go; the image stays") {
  const std::string dirty = Fixture("photo-text.png");
  REQUIRE(Has(dirty, "tEXt"));
  MetadataPlan plan;
  const std::string out = Clean(dirty, &plan);
  CHECK(plan.kind == ImageKind::kPng);
  std::vector<std::string_view> removed = plan.removed;
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<std::string_view>{"exif", "text", "time", "trailer"});
  CHECK(out == Fixture("photo-clean.png"));
  for (const char* s : {"tEXt", "iTXt", "eXIf", "tIME"}) CHECK_FALSE(Has(out, s));
}

TEST_CASE("images without metadata and other files are kept whole") {
  for (const char* name : {"photo-clean.jpg", "photo-clean.png"}) {
    const std::string f = Fixture(name);
    MetadataPlan plan;
    CHECK(Clean(f, &plan) == f);
    CHECK(plan.removed.empty());
  }
  MetadataPlan plan;
  const std::string pdf = "%PDF-1.7 Author: Ana";
  CHECK(Clean(pdf, &plan) == pdf);
  CHECK(plan.kind == ImageKind::kOther);
  CHECK(Clean("", &plan).empty());
}

TEST_CASE("JPEG: an ICC profile is kept; an APP2 that is not one is dropped") {
  const std::string jpg = Fixture("photo-clean.jpg");
  const std::string icc =
      std::string("\xff\xe2\x00\x14", 4) + std::string("ICC_PROFILE\0\x01\x01", 14) + "abcd";
  const std::string with_icc = jpg.substr(0, 2) + icc + jpg.substr(2);
  CHECK(Clean(with_icc) == with_icc);
  const std::string mpf = std::string("\xff\xe2\x00\x08", 4) + std::string("MPF\0ab", 6);
  CHECK(Clean(jpg.substr(0, 2) + mpf + jpg.substr(2)) == jpg);
}

TEST_CASE("images that claim a type but do not parse are refused, never guessed") {
  const std::string jpg = Fixture("photo-gps.jpg");
  const std::string png = Fixture("photo-text.png");
  // Every truncation of either (the end marker is gone or a length runs past the end).
  const size_t eoi = jpg.find("TRAILER");  // just after the end-of-image marker
  REQUIRE(eoi != std::string::npos);
  for (size_t n = 3; n < eoi; n += 7) {
    CAPTURE(n);
    CHECK(PlanMetadataRemoval(AsBytes(jpg.substr(0, n))).code() == Code::kMalformed);
  }
  for (size_t n = 8; n < png.find("IEND") + 8; n += 5) {
    CAPTURE(n);
    CHECK(PlanMetadataRemoval(AsBytes(png.substr(0, n))).code() == Code::kMalformed);
  }
  // A first PNG chunk other than IHDR; a chunk type with a digit.
  std::string bad = png;
  bad[12] = 'X';
  CHECK(PlanMetadataRemoval(AsBytes(bad)).code() == Code::kMalformed);
  bad = png;
  bad[15] = '1';
  CHECK(PlanMetadataRemoval(AsBytes(bad)).code() == Code::kMalformed);
  // A JPEG segment length below 2.
  std::string short_len = jpg;
  short_len[4] = 0;
  short_len[5] = 1;
  CHECK(PlanMetadataRemoval(AsBytes(short_len)).code() == Code::kMalformed);
}

TEST_CASE("the plan is bounded: too many kept ranges is refused") {
  // SOI, then alternating kept (DQT-like 0xDB) and dropped (COM) segments:
  // every kept one is its own range.
  std::string f = "\xff\xd8";
  for (size_t i = 0; i <= kMaxImageRanges; ++i) {
    f += std::string("\xff\xdb\x00\x02", 4);
    f += std::string("\xff\xfe\x00\x02", 4);
  }
  f += "\xff\xd9";
  CHECK(PlanMetadataRemoval(AsBytes(f)).code() == Code::kMalformed);
}

}  // namespace
}  // namespace dojava::payload
