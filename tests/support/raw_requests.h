// Requests to a real dojavad as bytes on the wire (raw_http.h sends them):
// what a client sends, and what no client would, spelled out.
#ifndef DOJAVA_TESTS_SUPPORT_RAW_REQUESTS_H_
#define DOJAVA_TESTS_SUPPORT_RAW_REQUESTS_H_

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "crypto/protocol_constants.h"
#include "tests/support/raw_http.h"

namespace dojava::testing {

using http::testing::Conn;
using http::testing::Get;
using http::testing::RawResponse;

// How long a test waits for any one answer of the server.
inline constexpr auto kBound = std::chrono::seconds(10);

// Sends `request` on `c` and REQUIREs a whole response within kBound.
inline RawResponse Exchange(Conn& c, const std::string& request) {
  REQUIRE(c.ok());
  REQUIRE(c.Send(request));
  auto r = c.Read(kBound);
  REQUIRE(r);
  return *r;
}

// The one-time token of the no-JavaScript report form (GET /plain on
// `port`): every POST /plain/submit names one (service/API.md, "One case
// per form").
inline std::string PlainFormToken(uint16_t port) {
  Conn c = Conn::Tcp(port);
  const RawResponse form = Exchange(c, Get("/plain"));
  REQUIRE(form.status == 200);
  const std::string marker = "name=\"form_token\" value=\"";
  const size_t at = form.body.find(marker);
  REQUIRE(at != std::string::npos);
  return form.body.substr(at + marker.size(), 43);
}

// A submission's answer followed as a browser does: a 303 from POST
// /plain/submit leads to the receipt page (GET Location on `port`); any
// other answer is returned as it is.
inline RawResponse FollowSubmission(uint16_t port, const RawResponse& r) {
  if (r.status != 303) return r;
  Conn c = Conn::Tcp(port);
  return Exchange(c, Get(r.headers["location"]));
}

// "POST path" with a JSON body and the given extra header lines.
inline std::string Post(const std::string& path, const std::string& json,
                        const std::string& extra = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json;
}

// The head of "PUT /api/v1/uploads/ID/chunks/N" for one chunk record; the
// record follows.
inline std::string PutChunkHead(const std::string& file_id, uint32_t index) {
  return "PUT /api/v1/uploads/" + file_id + "/chunks/" + std::to_string(index) +
         " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
         std::to_string(protocol::kChunkRecordSize) + "\r\n\r\n";
}

// One part of a multipart/form-data body (a file part when `filename` is set).
inline std::string FormPart(const std::string& boundary, const std::string& name,
                            const std::string& value, const std::string& filename = "",
                            const std::string& file_type = "text/plain") {
  std::string b = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
  if (!filename.empty()) b += "; filename=\"" + filename + "\"\r\nContent-Type: " + file_type;
  return b + "\r\n\r\n" + value + "\r\n";
}

// The API's one error shape with `code`; the message never echoes input.
inline void CheckApiError(const RawResponse& r, int status, const std::string& code) {
  INFO("status " << r.status << " body " << r.body.substr(0, 200));
  CHECK(r.status == status);
  CHECK(r.headers["content-type"] == "application/json");
  CHECK(r.body.find("{\"error\":{\"code\":\"" + code + "\",\"message\":\"") == 0);
}

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_RAW_REQUESTS_H_
