// Raw bytes -> one HTTP request through the real route layer, the way the
// session of service/http/http_server.cc reads it: CheckRequestHead on the
// head, Beast's request_parser with the configured header limit, HTTP/1.1
// only, SplitTarget, RequestHandler::Begin (route, body cap), the body with
// the route's cap into a BodyBuffer (a pooled buffer for a Content-Length
// body, the form budget for a form, Beast's parser for a chunked body), then
// RequestHandler::Finish with the forwarded headers only, and the body's
// buffer wiped back into the pool. No socket: what the session adds is I/O
// and deadlines.
//
// The session's code is private to http_server.cc; this mirror of it lives
// in the fuzz tree so that production code gets no test-only seam. Keep the
// two in step when the session's parsing changes.
#ifndef DOJAVA_FUZZ_RAW_REQUEST_H_
#define DOJAVA_FUZZ_RAW_REQUEST_H_

#include <cstddef>
#include <cstdint>

#include "service/http/http_message.h"

namespace dojava::fuzz {

// Runs `data` (placeholders of ApiHarness substituted) as a request on
// `listener`, possibly followed by pipelined requests on the same
// connection. Aborts if a response breaks ApiHarness::CheckResponse.
void RunRawRequests(http::ListenerKind listener, const uint8_t* data, size_t size);

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_RAW_REQUEST_H_
