// RequestReader: one connection's requests, from the bytes that arrive to a
// request ready for its handler, with no socket. The session (session.h)
// only moves bytes: it reads where the reader says, tells it how many
// arrived, and does what the returned ReadStep says. So everything a client
// controls is parsed here and fuzzed as it is (fuzz/raw_request.cc).
//
// Per request:
//   [PROXY v1 line, first request only, when the listener has proxy_protocol]
//   -> the head, scanned for its end as bytes arrive (at most
//      header_limit_bytes, else 431) -> CheckRequestHead (400) -> Beast's
//      request_parser with the header limit (431/413/400) -> HTTP/1.1 only
//      (505) -> SplitTarget (400) -> RequestHandler::Begin (route, body cap,
//      rate limit; an early answer: 404, 429)
//   -> the body: over the route's cap 413; a form needs a Content-Length (411)
//      and grows within the FormBudget (503 when refused); a Content-Length
//      body is read straight into the BodyBuffer (a pooled buffer), a chunked
//      one goes through Beast's parser (a trailer: 400); "Expect:
//      100-continue" is answered once the route admits the request.
//   -> ready: TakeRequest().
// An error answer always closes the connection (HttpResponse::close).
//
// Beast stays in request_reader.cc: this header is cheap to include.
//
// Thread safety: none; one per connection, used on its executor. The shared
// parts (handler, budget, pool) are thread-safe.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_REQUEST_READER_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_REQUEST_READER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "service/http/body_buffer.h"
#include "service/http/body_pool.h"
#include "service/http/form_budget.h"
#include "service/http/http_config.h"
#include "service/http/http_message.h"
#include "service/http/internal/input_buffer.h"
#include "service/http/request_handler.h"

namespace dojava::http::internal {

// What the connection does next.
enum class ReadStep {
  kReadInput,     // read at most InputRoom() bytes, then InputReceived()
  kReadBody,      // read at most BodyRoom() bytes, then BodyReceived()
  kSendContinue,  // write kContinueResponse, then ContinueSent()
  kRespond,       // write TakeResponse(); its `close` says whether the connection closes after
                  // it (an error, a body left unread, or the client's Connection: close)
  kDispatch,      // the request is complete: TakeRequest()
  kClose,         // close without an answer (a bad PROXY line, a client gone or silent)
};

// What the reader is waiting for; the session's deadline depends on it.
enum class ReadPhase { kProxyLine, kHead, kBody, kDone };

// The interim response that tells a client to send its body.
inline constexpr std::string_view kContinueResponse = "HTTP/1.1 100 Continue\r\n\r\n";

// A complete request for its handler.
struct ReadyRequest {
  RequestHandler::Plan plan;
  HttpRequest request;
  bool keep_alive = true;  // the client did not ask to close (Connection: close)
};

class RequestReader {
 public:
  using Clock = std::chrono::steady_clock;
  // At most this many bytes per read into the input buffer.
  static constexpr size_t kReadBytes = 4096;

  // The server-wide parts a reader uses; all must outlive it.
  struct Shared {
    const HttpConfig* config = nullptr;
    const RequestHandler* handler = nullptr;
    FormBudget* form_budget = nullptr;
    BodyPool* body_pool = nullptr;
  };

  RequestReader(const Shared& shared, ListenerKind listener, uint64_t connection_id,
                bool proxy_protocol);
  ~RequestReader();  // wipes what it holds; a body cut short gives back its budget and buffer
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Starts the next request (the first, or the one after a response that
  // kept the connection open). Bytes already read (pipelined) are used first.
  ReadStep Begin(Clock::time_point now);

  // kReadInput: where to read (not empty), and how many bytes arrived there.
  std::span<char> InputRoom();
  ReadStep InputReceived(size_t n, Clock::time_point now);

  // kReadBody: where to read (not empty), and how many bytes arrived there.
  std::span<uint8_t> BodyRoom() const { return body_room_; }
  ReadStep BodyReceived(size_t n);

  // kSendContinue: the interim response is written; the body follows.
  ReadStep ContinueSent(Clock::time_point now);

  // A read failed: the client went away, or (`timed_out`) the deadline of
  // the phase passed. 408 if a request had begun, else close silently.
  ReadStep ReadFailed(bool timed_out);

  // kRespond: the answer (an error or an early answer of the route).
  HttpResponse TakeResponse();
  // kDispatch: the request; its body is handed over without a copy.
  ReadyRequest TakeRequest();

  // The response to the request is under way: a form's budget is released
  // and a body cut short is wiped and its buffer pooled.
  void RequestDone();
  // The connection is closing: a form cut short gives its budget back now.
  void ConnectionClosing() { body_.ReleaseBudget(); }

  ReadPhase phase() const { return phase_; }
  // Between requests with nothing of the next one received.
  bool idle() const {
    return (phase_ == ReadPhase::kProxyLine || phase_ == ReadPhase::kHead) && input_.size() == 0;
  }
  // kBody of a form: its deadline moves as bytes arrive (BodyDeadline()).
  bool form_body() const;
  // When the body must be complete: body_timeout_ms after it began, and for
  // a form also the minimum rate (form_min_bytes_per_second, falling at most
  // form_rate_grace_ms behind).
  Clock::time_point BodyDeadline() const;

  // Between requests with nothing buffered: the input buffer is wiped and
  // freed (InputRoom() allocates it again).
  void ReleaseIdleMemory() {
    if (input_.size() == 0) input_.Release();
  }

  // The bytes read and not yet used (pipelined requests, a lingering client).
  const InputBuffer& input() const { return input_; }
  InputBuffer& mutable_input() { return input_; }

 private:
  struct Parse;  // the Beast parser and the request's route, while a request is read

  ReadStep Scan(Clock::time_point now);
  ReadStep ScanProxyLine(Clock::time_point now);
  ReadStep ScanHead(Clock::time_point now);
  ReadStep OnHead(size_t head_bytes, Clock::time_point now);
  std::optional<ReadStep> ParseHead(size_t head_bytes);
  ReadStep Route(Clock::time_point now);
  ReadStep SetUpBody(Clock::time_point now);
  ReadStep StartBody(Clock::time_point now);
  ReadStep NextDirectRead();
  ReadStep FeedChunked();
  ReadStep Complete();
  // Answers: Fail() for the head (the generic error page), RouteFail() once
  // the route is known (its own error page if it has one).
  ReadStep Fail(int status, std::string_view code, std::string_view message);
  ReadStep RouteFail(int status, std::string_view code, std::string_view message);
  ReadStep BodyTooLarge();
  ReadStep Busy();

  const Shared shared_;
  const ListenerKind listener_;
  const uint64_t connection_id_;
  const bool proxy_protocol_;
  std::optional<uint32_t> circuit_id_;
  ReadPhase phase_;
  InputBuffer input_;  // at most header_limit_bytes
  size_t head_scanned_ = 0;
  std::unique_ptr<Parse> parse_;
  BodyBuffer body_;  // holds memory only while a request has a body
  std::span<uint8_t> body_room_;
  HttpResponse response_;
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_REQUEST_READER_H_
