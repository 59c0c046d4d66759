// CheckRequestHead: strict checks on the raw bytes of a request head, run
// before Beast's parser sees them. They close the request-smuggling shapes a
// lenient parser (or a proxy in front of us) might read differently:
//
//   - every line ends in CRLF (no bare CR or LF), no NUL or control bytes
//     other than HT inside field values;
//   - no obs-fold (a field line starting with SP or HT);
//   - at most one Content-Length field (even with equal values), at most one
//     Transfer-Encoding field, never both; Content-Length a plain decimal
//     (no "1,1" lists); Transfer-Encoding exactly "chunked" (no codings);
//   - exactly one Host field (RFC 9112 section 3.2).
//
// `head` is the request line, the field lines and the final empty line,
// ending in "\r\n\r\n". Returns OK or kMalformed (one generic message).
#ifndef DOJAVA_SERVICE_HTTP_REQUEST_HEAD_CHECK_H_
#define DOJAVA_SERVICE_HTTP_REQUEST_HEAD_CHECK_H_

#include <string_view>

#include "base/status.h"

namespace dojava::http {

Status CheckRequestHead(std::string_view head);

// Splits an origin-form target into path and query. False unless the target
// starts with '/' (absolute-form, authority-form and "*" are refused) and has
// only visible ASCII (0x21-0x7e) with no '#'.
bool SplitTarget(std::string_view target, std::string_view* path, std::string_view* query);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_REQUEST_HEAD_CHECK_H_
