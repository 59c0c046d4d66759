// PROXY protocol v1, exactly as tor writes it for
// `HiddenServiceExportCircuitID haproxy` (tor: export_hs_client_circuit_id):
//
//   "PROXY TCP6 fc00:dead:beef:4dad::" HEX ":" HEX " ::1 " PORT " " PORT "\r\n"
//
// where the two HEX groups (lower-case, canonical, 1-4 digits) are the high
// and low 16 bits of the circuit's global identifier, and PORT is canonical
// decimal 0..65535. Nothing else is accepted: no TCP4, no UNKNOWN, no other
// prefix. The line is parsed in place and never stored or logged.
#ifndef DOJAVA_SERVICE_HTTP_PROXY_PROTOCOL_H_
#define DOJAVA_SERVICE_HTTP_PROXY_PROTOCOL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/status.h"

namespace dojava::http {

// The PROXY v1 spec's maximum line length, CRLF included.
inline constexpr size_t kProxyV1MaxLineBytes = 107;

// `line` is the whole line including the final "\r\n". Returns the circuit id,
// or kMalformed (one generic message) for anything else.
Result<uint32_t> ParseTorProxyV1(std::string_view line);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_PROXY_PROTOCOL_H_
