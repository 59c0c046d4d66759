// The no-JavaScript pages' form parsers (service/nojs/form_data.h): the
// first byte picks multipart/form-data (boundary "b0undary") or
// application/x-www-form-urlencoded, the rest is the body. Invariants: the
// limits hold, every file's content is a view into the body, and a cleaned
// file name is never a path ("", ".", ".." or with '/' or '\').
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "service/nojs/form_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  if (size < 1) return 0;
  const bool multipart = (data[0] & 1) == 0;
  const ByteView body(data + 1, size - 1);
  nojs::FormLimits limits;
  limits.max_parts = 16;
  limits.max_files = 4;
  limits.max_part_header_bytes = 512;
  limits.max_field_bytes = 4096;
  auto form = multipart
                  ? nojs::FormData::ParseMultipart(body, "multipart/form-data; boundary=b0undary",
                                                   limits)
                  : nojs::FormData::ParseUrlEncoded(body, limits);
  if (!form.ok()) return 0;
  DOJAVA_FUZZ_CHECK(form->files().size() <= limits.max_files);
  const std::vector<std::string> names = form->FieldNames();
  DOJAVA_FUZZ_CHECK(names.size() + form->files().size() <= limits.max_parts);
  for (const std::string& name : names) {
    const SecretBytes* value = form->Field(name);
    DOJAVA_FUZZ_CHECK(value != nullptr);
    DOJAVA_FUZZ_CHECK(value->size() <= limits.max_field_bytes);
  }
  for (const nojs::FormFile& f : form->files()) {
    DOJAVA_FUZZ_CHECK(multipart);
    DOJAVA_FUZZ_CHECK(f.content.empty() || (f.content.data() >= body.data() &&
                                            f.content.data() + f.content.size() <=
                                                body.data() + body.size()));
    DOJAVA_FUZZ_CHECK(f.name.size() <= 255 * 4);
    DOJAVA_FUZZ_CHECK(f.name != "" && f.name != "." && f.name != "..");
    DOJAVA_FUZZ_CHECK(f.name.find('/') == std::string::npos);
    DOJAVA_FUZZ_CHECK(f.name.find('\\') == std::string::npos);
  }
  return 0;
}
