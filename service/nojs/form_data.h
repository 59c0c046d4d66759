// FormData: strict parsers for the two HTML form encodings the no-JavaScript
// pages receive (service/API.md "No-JavaScript pages"):
//   - application/x-www-form-urlencoded (the returning page, the receipt);
//   - multipart/form-data (RFC 7578: the report and follow-ups with files).
//
// Everything is bounded by FormLimits: the number of parts, the bytes of
// each part's header block, the bytes of a text field, the number of file
// parts. Field names must be short [a-z0-9_] tokens; a repeated name is an
// error except for file parts (several files under one name). Only the
// Content-Disposition and Content-Type part headers are accepted. A file
// part's filename is cleaned (payload::CleanFileName, PROTOCOL.md §11.3) and
// never used as a path.
//
// Text values are copied into SecretBytes (they are report text or a
// receipt); file contents are views into the request body, which the caller
// keeps alive (it is a SecretBytes too) while the FormData is used.
//
// Failures are kMalformed (broken encoding) or kResourceExhausted (a limit);
// messages never contain input. Pure; thread-safe.
#ifndef DOJAVA_SERVICE_NOJS_FORM_DATA_H_
#define DOJAVA_SERVICE_NOJS_FORM_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::nojs {

struct FormLimits {
  size_t max_parts = 80;                // fields and files together
  size_t max_files = 64;                // file parts with content (kMaxAttachmentsPerMessage)
  size_t max_part_header_bytes = 2048;  // one part's header block
  size_t max_field_bytes = 512 * 1024;  // one text field (UTF-8 bytes)
};

struct FormFile {
  std::string name;  // cleaned: no directory, no control characters, <= 255 characters
  std::string mime;  // the part's Content-Type if printable ASCII <= 255 bytes, else ""
  ByteView content;  // a view into the request body
};

class FormData {
 public:
  // multipart/form-data with the boundary of `content_type`. File parts
  // with an empty filename and no content (a file input left empty) are
  // skipped.
  static Result<FormData> ParseMultipart(ByteView body, std::string_view content_type,
                                         const FormLimits& limits);
  // application/x-www-form-urlencoded ('+' is a space, %XX decoded; a bad
  // escape is kMalformed).
  static Result<FormData> ParseUrlEncoded(ByteView body, const FormLimits& limits);

  // The value of text field `name`, or nullptr if absent.
  const SecretBytes* Field(std::string_view name) const;
  // The field as characters, or "" if absent.
  std::string_view Text(std::string_view name) const;
  // Every file part, in order.
  const std::vector<FormFile>& files() const { return files_; }
  // Names of every text field, in order (tests).
  std::vector<std::string> FieldNames() const;

 private:
  Status AddField(std::string name, SecretBytes value, const FormLimits& limits);

  std::vector<std::pair<std::string, SecretBytes>> fields_;
  std::vector<FormFile> files_;
};

// The media type of a Content-Type value, lower-case, without parameters.
std::string MediaType(std::string_view content_type);

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_FORM_DATA_H_
