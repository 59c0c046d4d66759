#include "service/http/request_head_check.h"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

namespace dojava::http {
namespace {

TEST_CASE("Request heads: smuggling shapes are refused", "[head]") {
  CHECK(CheckRequestHead("GET / HTTP/1.1\r\nHost: a\r\n\r\n").ok());
  CHECK(CheckRequestHead("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n").ok());
  CHECK(CheckRequestHead("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").ok());
  CHECK(CheckRequestHead("POST / HTTP/1.1\r\nHost: a\r\ntransfer-encoding:CHUNKED \r\n\r\n").ok());
  CHECK(CheckRequestHead("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:  0\r\n\r\n").ok());
  CHECK(CheckRequestHead("GET / HTTP/1.1\r\nHost: a\r\nX: caf\xc3\xa9\t1\r\n\r\n").ok());
  for (const std::string& bad : std::vector<std::string>{
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\ncontent-length: 3\r\nCONTENT-LENGTH: 4\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  folded\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\tfolded\r\n\r\n",
           "GET / HTTP/1.1\nHost: a\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n",
           std::string("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n", sizeof("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n") - 1),
           "GET / HTTP/1.1\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
           "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\n: empty\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1,1\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 1\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n",
       }) {
    INFO(bad);
    CHECK(CheckRequestHead(bad).code() == Code::kMalformed);
  }
}

TEST_CASE("Request targets: origin-form only", "[head]") {
  std::string_view p, q;
  REQUIRE(SplitTarget("/a/b?x=1&y", &p, &q));
  CHECK(p == "/a/b");
  CHECK(q == "x=1&y");
  REQUIRE(SplitTarget("/", &p, &q));
  CHECK(q.empty());
  CHECK_FALSE(SplitTarget("http://x/a", &p, &q));
  CHECK_FALSE(SplitTarget("*", &p, &q));
  CHECK_FALSE(SplitTarget("", &p, &q));
  CHECK_FALSE(SplitTarget("/a#frag", &p, &q));
  CHECK_FALSE(SplitTarget("/a\x7f", &p, &q));
  CHECK_FALSE(SplitTarget("/caf\xc3\xa9", &p, &q));
}

}  // namespace
}  // namespace dojava::http
