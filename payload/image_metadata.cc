// The rules of static/www/js/metadata.js, line for line (image_metadata.h).
#include "payload/image_metadata.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace dojava::payload {
namespace {

constexpr std::array<uint8_t, 8> kPngSignature = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
constexpr std::string_view kIccProfile{"ICC_PROFILE\0", 12};
constexpr uint64_t kMaxPngChunkLength = 0x7fffffff;

const Status kNotParsed(Code::kMalformed, "the image does not parse");

// Collects the plan: adjacent kept ranges merge, empty ones are skipped,
// each removed name is listed once.
class PlanBuilder {
 public:
  explicit PlanBuilder(ImageKind kind) { plan_.kind = kind; }
  bool Keep(uint64_t begin, uint64_t end) {
    if (end <= begin) return true;
    if (!plan_.keep.empty() && plan_.keep.back().second == begin) {
      plan_.keep.back().second = end;
      return true;
    }
    if (plan_.keep.size() == kMaxImageRanges) return false;
    plan_.keep.emplace_back(begin, end);
    return true;
  }
  void Removed(std::string_view why) {
    if (std::find(plan_.removed.begin(), plan_.removed.end(), why) == plan_.removed.end()) {
      plan_.removed.push_back(why);
    }
  }
  MetadataPlan Take() { return std::move(plan_); }

 private:
  MetadataPlan plan_;
};

// Markers without a 2-byte length: SOI, EOI, RSTn, TEM.
bool HasLength(uint8_t m) {
  return !(m == 0xd8 || m == 0xd9 || (m >= 0xd0 && m <= 0xd7) || m == 0x01);
}

// Why a JPEG segment is dropped, or "" to keep it.
std::string_view DropJpegSegment(uint8_t marker, ByteView payload_head) {
  if (marker == 0xfe) return "comment";  // COM
  if (marker == 0xe1) return "exif";     // APP1: Exif or XMP
  if (marker == 0xe2) {
    const std::string_view head(reinterpret_cast<const char*>(payload_head.data()),
                                payload_head.size());
    return head == kIccProfile ? "" : "app2";
  }
  if ((marker >= 0xe3 && marker <= 0xed) || marker == 0xef) return "app";
  return "";  // APP0, APP14, tables, frames, scans
}

// In entropy-coded data, the next 0xFF followed by neither 0x00 (stuffing),
// RSTn nor 0xFF: a marker. The file's size if none.
uint64_t NextScanMarker(ByteView f, uint64_t pos) {
  for (uint64_t i = pos; i + 1 < f.size(); ++i) {
    if (f[i] != 0xff) continue;
    const uint8_t n = f[i + 1];
    if (n != 0x00 && !(n >= 0xd0 && n <= 0xd7) && n != 0xff) return i;
  }
  return f.size();
}

Result<MetadataPlan> PlanJpeg(ByteView f) {
  PlanBuilder b(ImageKind::kJpeg);
  b.Keep(0, 2);  // SOI
  const uint64_t size = f.size();
  uint64_t pos = 2;
  bool in_scan = false;
  while (pos < size) {
    if (in_scan) {
      const uint64_t found = NextScanMarker(f, pos);
      if (found == size) return kNotParsed;  // no end of image
      if (!b.Keep(pos, found)) return kNotParsed;
      pos = found;
      in_scan = false;
      continue;
    }
    if (size - pos < 2 || f[pos] != 0xff) return kNotParsed;
    const uint8_t marker = f[pos + 1];
    if (marker == 0xff) {  // a fill byte before a marker
      pos += 1;
      continue;
    }
    if (marker == 0xd9) {  // end of image: keep it, drop whatever follows
      if (!b.Keep(pos, pos + 2)) return kNotParsed;
      if (pos + 2 < size) b.Removed("trailer");
      return b.Take();
    }
    if (!HasLength(marker)) {
      if (!b.Keep(pos, pos + 2)) return kNotParsed;
      pos += 2;
      continue;
    }
    if (size - pos < 4) return kNotParsed;
    const uint64_t len = uint64_t{f[pos + 2]} << 8 | f[pos + 3];
    if (len < 2 || len > size - pos - 2) return kNotParsed;
    const std::string_view why =
        DropJpegSegment(marker, f.subspan(pos + 4, std::min<uint64_t>(12, len - 2)));
    if (!why.empty()) {
      b.Removed(why);
    } else if (!b.Keep(pos, pos + 2 + len)) {
      return kNotParsed;
    }
    pos += 2 + len;
    if (marker == 0xda) in_scan = true;  // SOS: entropy-coded data follows
  }
  return kNotParsed;  // no end-of-image marker
}

std::string_view DropPngChunk(std::string_view type) {
  if (type == "tEXt" || type == "zTXt" || type == "iTXt") return "text";
  if (type == "eXIf") return "exif";
  if (type == "tIME") return "time";
  return "";
}

Result<MetadataPlan> PlanPng(ByteView f) {
  PlanBuilder b(ImageKind::kPng);
  b.Keep(0, 8);
  const uint64_t size = f.size();
  uint64_t pos = 8;
  bool first = true;
  while (pos < size) {
    if (size - pos < 8) return kNotParsed;
    const uint64_t len = uint64_t{f[pos]} << 24 | uint64_t{f[pos + 1]} << 16 |
                         uint64_t{f[pos + 2]} << 8 | f[pos + 3];
    const std::string_view type(reinterpret_cast<const char*>(f.data() + pos + 4), 4);
    for (char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return kNotParsed;
    }
    if (len > kMaxPngChunkLength || len + 12 > size - pos) return kNotParsed;
    if (first && type != "IHDR") return kNotParsed;
    first = false;
    const uint64_t end = pos + 12 + len;
    const std::string_view why = DropPngChunk(type);
    if (!why.empty()) {
      b.Removed(why);
    } else if (!b.Keep(pos, end)) {
      return kNotParsed;
    }
    pos = end;
    if (type == "IEND") {
      if (pos < size) b.Removed("trailer");
      return b.Take();
    }
  }
  return kNotParsed;  // no IEND
}

}  // namespace

uint64_t MetadataPlan::KeptBytes() const {
  uint64_t n = 0;
  for (const auto& [begin, end] : keep) n += end - begin;
  return n;
}

ImageKind SniffImage(ByteView head) {
  if (head.size() >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff) {
    return ImageKind::kJpeg;
  }
  if (head.size() >= kPngSignature.size() &&
      std::equal(kPngSignature.begin(), kPngSignature.end(), head.begin())) {
    return ImageKind::kPng;
  }
  return ImageKind::kOther;
}

Result<MetadataPlan> PlanMetadataRemoval(ByteView file) {
  switch (SniffImage(file.first(std::min<size_t>(file.size(), 8)))) {
    case ImageKind::kJpeg:
      return PlanJpeg(file);
    case ImageKind::kPng:
      return PlanPng(file);
    case ImageKind::kOther:
      break;
  }
  MetadataPlan whole;
  if (!file.empty()) whole.keep.emplace_back(0, file.size());
  return whole;
}

SecretBytes ApplyMetadataPlan(ByteView file, const MetadataPlan& plan) {
  SecretBytes out(static_cast<size_t>(plan.KeptBytes()));
  auto dst = out.reveal_mut();
  size_t at = 0;
  for (const auto& [begin, end] : plan.keep) {
    std::memcpy(dst.data() + at, file.data() + begin, end - begin);
    at += end - begin;
  }
  return out;
}

}  // namespace dojava::payload
