// Raw bytes -> the requests of one connection, through the session's own
// request reader (service/http/internal/request_reader.h: PROXY v1 line,
// head checks, Beast's parser, route, body caps, form budget, body pool,
// chunked bodies, 100-continue), the real route layer
// (RequestHandler::Finish) and the response checks of ApiHarness. What the
// session adds to the reader is only I/O: this driver hands the reader the
// input as reads would (as much as it has room for), answers "100
// Continue" at once, and treats the end of the input as a client gone
// silent (the deadline passes).
#ifndef DOJAVA_FUZZ_RAW_REQUEST_H_
#define DOJAVA_FUZZ_RAW_REQUEST_H_

#include <cstddef>
#include <cstdint>

#include "service/http/http_message.h"

namespace dojava::fuzz {

// Runs `data` (placeholders of ApiHarness substituted) as the bytes of one
// connection on `listener` (with the PROXY v1 line expected when the input
// starts with "PROXY "), up to kMaxRequestsPerInput requests. Aborts if a
// response breaks ApiHarness::CheckResponse, an error answer leaves the
// connection open, or a form's budget outlives its connection.
void RunRawRequests(http::ListenerKind listener, const uint8_t* data, size_t size);

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_RAW_REQUEST_H_
