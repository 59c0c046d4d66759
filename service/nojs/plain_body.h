// The §11 message bodies (crypto/PROTOCOL.md) as the no-JavaScript pages
// write and read them: built in wiped memory, parsed into wiped memory.
#ifndef DOJAVA_SERVICE_NOJS_PLAIN_BODY_H_
#define DOJAVA_SERVICE_NOJS_PLAIN_BODY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "crypto/attachment.h"
#include "service/nojs/form_data.h"

namespace dojava::nojs {

// The §11 choices, as static/www/js/payload.js COUNTRIES, INCIDENTS, RESPONSIBLE.
inline constexpr std::string_view kCountries[] = {"AL", "BA", "XK", "ME", "MK", "RS", "other"};
inline constexpr std::string_view kIncidents[] = {"spyware",
                                                  "interception",
                                                  "physical_surveillance",
                                                  "data_request",
                                                  "website_blocking",
                                                  "content_takedown",
                                                  "internet_shutdown",
                                                  "slapp",
                                                  "intimidation",
                                                  "disinformation",
                                                  "other"};
inline constexpr std::string_view kResponsible[] = {"state", "non_state", "unknown"};
inline constexpr size_t kTitleMaxChars = 200;  // payload.js TITLE_MAX_CHARS
inline constexpr size_t kWhenMaxChars = 100;   // payload.js WHEN_MAX_CHARS

// A form file with the fresh secrets it is encrypted under.
struct PreparedFile {
  crypto::FileSecrets secrets;
  uint64_t chunks;
  const FormFile* file;
};

// A §11 FILEREF as read from a decrypted body.
struct PlainFileRef {
  crypto::Id id{};
  SecretBytes key;
  Bytes prefix;
  uint64_t chunks = 0;
  uint64_t size = 0;
  std::string name;
};

// A parsed body: `unsupported` when it is not a report or message.
struct PlainBody {
  bool unsupported = false;
  std::string type;
  SecretBytes text;
  std::vector<std::pair<std::string, SecretBytes>> form;  // report fields, in order
  std::vector<PlainFileRef> files;
  size_t bad_files = 0;
};

PlainBody ParsePlainBody(ByteView raw);

struct ReportFields {
  std::string_view country, incident, when, responsible, title, text;
};
SecretBytes ReportBodyJson(const ReportFields& r, const std::vector<PreparedFile>& files);
SecretBytes MessageBodyJson(std::string_view text, const std::vector<PreparedFile>& files);

size_t CharCount(std::string_view s);
// Normalises line ends as payload.js cleanText does (CRLF and CR -> LF).
std::string_view NormaliseInto(std::string_view s, SecretBytes* storage);
// JavaScript's String.prototype.trim on the ASCII white space a form sends.
std::string_view TrimWhite(std::string_view s);
template <size_t N>
bool OneOf(std::string_view v, const std::string_view (&values)[N]) {
  for (std::string_view x : values) {
    if (x == v) return true;
  }
  return false;
}

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_PLAIN_BODY_H_
