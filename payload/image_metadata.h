// Removing identifying metadata from JPEG and PNG images before they are
// encrypted: the C++ copy of the page's static/www/js/metadata.js, with the
// same rules, so that the no-JavaScript pages and `dojava submit` strip what
// the JavaScript page strips (the tests run both on the same fixtures,
// static/test/fixtures/).
//
// JPEG: drops APP1 (EXIF with GPS, XMP), APP3-APP13 and APP15 (maker notes,
// IPTC/Photoshop), COM (comments), APP2 segments other than ICC_PROFILE (e.g.
// MPF, which points at embedded images), wherever they appear before the
// end-of-image marker, fill bytes between segments, and everything after
// that marker (phones append thumbnails and secondary images there). Keeps
// APP0 (JFIF), APP2 ICC_PROFILE (colours), APP14 (Adobe, needed to decode some
// CMYK files), tables, frames and scans.
// PNG: drops tEXt, zTXt, iTXt (free text: author, software, comments, XMP),
// eXIf (EXIF) and tIME (last modification time); keeps every other chunk.
// Everything after IEND is dropped.
//
// The type is decided by content (the first bytes), never by name. A file
// that claims to be a JPEG or PNG but does not parse as one is kMalformed:
// nothing here guesses, the caller decides (the pages ask the person, the
// CLI refuses unless --keep-metadata).
//
// Strict and bounded: every length is checked against the file before use;
// at most kMaxImageRanges kept ranges (more is kMalformed), so the plan's
// memory is bounded whatever the input. Pure; thread-safe.
#ifndef DOJAVA_PAYLOAD_IMAGE_METADATA_H_
#define DOJAVA_PAYLOAD_IMAGE_METADATA_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::payload {

enum class ImageKind { kOther, kJpeg, kPng };

// Kept ranges of a plan: at most this many (after merging adjacent ones).
inline constexpr size_t kMaxImageRanges = 1 << 16;

// The kind of a file from its first bytes (8 are enough; fewer are fine).
ImageKind SniffImage(ByteView head);

struct MetadataPlan {
  ImageKind kind = ImageKind::kOther;
  // [begin, end) byte ranges of the file to keep, ascending, not adjacent.
  std::vector<std::pair<uint64_t, uint64_t>> keep;
  // What was dropped, each once, in the order met: "exif", "comment", "app",
  // "app2", "text", "time", "trailer" (metadata.js's names).
  std::vector<std::string_view> removed;
  // The size of the cleaned file.
  uint64_t KeptBytes() const;
};

// The plan for `file`. For a file that is neither JPEG nor PNG: kind kOther,
// the whole file kept, nothing removed. kMalformed for a JPEG or PNG that
// does not parse (truncated, a length past the end, no end marker, a first
// PNG chunk other than IHDR, more than kMaxImageRanges ranges).
Result<MetadataPlan> PlanMetadataRemoval(ByteView file);

// The cleaned bytes of `file` under `plan` (wiped memory: the file may be
// evidence). `plan` must come from PlanMetadataRemoval(file).
SecretBytes ApplyMetadataPlan(ByteView file, const MetadataPlan& plan);

}  // namespace dojava::payload

#endif  // DOJAVA_PAYLOAD_IMAGE_METADATA_H_
