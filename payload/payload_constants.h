// Every limit and choice of the §11 message bodies (crypto/PROTOCOL.md §11).
// The page's copy is static/www/js/payload.js; the vectors of kind `payload`
// (tests/vectors) pin both to these values.
#ifndef DOJAVA_PAYLOAD_PAYLOAD_CONSTANTS_H_
#define DOJAVA_PAYLOAD_PAYLOAD_CONSTANTS_H_

#include <cstddef>
#include <string_view>

namespace dojava::payload {

// §11.1 The report form's choices (stable protocol strings; the labels live
// in the page's catalogues).
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

// §11.1 Lengths in code points.
inline constexpr size_t kTitleMaxChars = 200;
inline constexpr size_t kWhenMaxChars = 100;
// §11.3 FILEREF `name` (after cleaning) and `mime`.
inline constexpr size_t kFileNameMaxChars = 255;
inline constexpr size_t kMimeMaxChars = 255;
// §11.3 The name a FILEREF gets when nothing usable is left of it.
inline constexpr std::string_view kFallbackFileName = "file";

}  // namespace dojava::payload

#endif  // DOJAVA_PAYLOAD_PAYLOAD_CONSTANTS_H_
