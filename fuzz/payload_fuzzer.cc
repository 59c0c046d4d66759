// The §11 bodies (payload/body.h): the first byte picks ParseBody on the
// rest, or CleanFileName on the rest. Invariants: a parsed body's FILEREFs
// hold to §11.3 (chunks = ChunkCount(size), a cleaned name), a cleaned name
// is valid UTF-8 of at most 255 code points with no path separator, no
// control or bidi character, never "", "." or "..", and cleaning is
// idempotent.
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "fuzz/fuzz_input.h"
#include "payload/body.h"
#include "payload/payload_constants.h"

namespace {

using namespace dojava;

void CheckName(const std::string& name) {
  DOJAVA_FUZZ_CHECK(IsValidUtf8(AsBytes(name)));
  DOJAVA_FUZZ_CHECK(!name.empty() && name != "." && name != "..");
  DOJAVA_FUZZ_CHECK(name.find_first_of("/\\") == std::string::npos);
  DOJAVA_FUZZ_CHECK(name[0] != '.' && name[0] != '-' && name[0] != ' ' && name.back() != ' ');
  size_t chars = 0;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    DOJAVA_FUZZ_CHECK(u >= 0x20 && u != 0x7f);
    chars += (u & 0xc0) != 0x80 ? 1 : 0;
  }
  DOJAVA_FUZZ_CHECK(chars <= payload::kFileNameMaxChars);
  for (std::string_view bad : {"\u202e", "\u2066", "\u200e", "\u200f", "\u061c", "\u0085"}) {
    DOJAVA_FUZZ_CHECK(name.find(bad) == std::string::npos);
  }
  DOJAVA_FUZZ_CHECK(payload::CleanFileName(name) == name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView rest(data + 1, size - 1);
  if ((data[0] & 1) == 0) {
    CheckName(payload::CleanFileName(AsChars(rest)));
    return 0;
  }
  auto body = payload::ParseBody(rest);
  if (!body.ok()) {
    DOJAVA_FUZZ_CHECK(body.code() == Code::kMalformed || body.code() == Code::kUnsupportedVersion);
    return 0;
  }
  DOJAVA_FUZZ_CHECK(body->type == "report" || body->type == "message");
  DOJAVA_FUZZ_CHECK(IsValidUtf8(body->text.reveal()));
  for (const payload::FileRef& f : body->files) {
    DOJAVA_FUZZ_CHECK(f.chunks == crypto::ChunkCount(f.size));
    DOJAVA_FUZZ_CHECK(f.size <= crypto::kMaxAttachmentSize);
    DOJAVA_FUZZ_CHECK(f.key.size() == protocol::kKeySize);
    CheckName(f.name);
    DOJAVA_FUZZ_CHECK(payload::CleanMime(f.mime) == f.mime);
  }
  return 0;
}
