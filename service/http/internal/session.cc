// Session I/O; the request parsing is in request_reader.cc.
#include "service/http/internal/session.h"

#include <sodium.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <utility>

#include "service/http/internal/server_state.h"

namespace dojava::http::internal {

namespace asio = boost::asio;
using Ms = std::chrono::milliseconds;

Session::Session(Socket&& socket, HttpServer::Impl* server, ListenerKind listener)
    : stream_(std::move(socket)),
      timer_(stream_.get_executor()),
      server_(server),
      listener_(listener),
      config_(server->config),
      id_(server->next_connection_id.fetch_add(1)),
      reader_(RequestReader::Shared{&server->config, &server->handler, &server->form_budget,
                                    &server->body_pool},
              listener, id_, server->Listener(listener).proxy_protocol) {}

Session::~Session() {
  try {
    ReleaseResponseBody();
  } catch (...) {
  }
  server_->Release(listener_, id_);
}

void Session::Start() {
  server_->Register(id_, weak_from_this());
  // Reads that find nothing return at once (OnReadable() waits again).
  error_code ignored;
  stream_.non_blocking(true, ignored);
  asio::dispatch(stream_.get_executor(),
                 [self = shared_from_this()] { self->Advance(self->reader_.Begin(Clock::now())); });
}

void Session::RequestStop() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->reader_.idle()) self->Close();
  });
}

void Session::ForceClose() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
}

// ---- reading ---------------------------------------------------------------

void Session::NextRequest() {
  const ReadStep step = reader_.Begin(Clock::now());
  if (server_->stopping && reader_.idle()) return Close();
  Advance(step);
}

void Session::Advance(ReadStep step) {
  switch (step) {
    case ReadStep::kReadInput:
      ArmReadDeadline();
      return ReadInput();
    case ReadStep::kReadBody:
      ArmReadDeadline();
      return ReadBody();
    case ReadStep::kSendContinue:
      return SendContinue();
    case ReadStep::kRespond:
      return Write(reader_.TakeResponse());
    case ReadStep::kDispatch:
      return Dispatch();
    case ReadStep::kClose:
      return Close();
  }
}

// The deadline of the reader's phase, set once when the phase begins; a
// form's body deadline moves with every read (its minimum rate).
void Session::ArmReadDeadline() {
  const ReadPhase phase = reader_.phase();
  if (phase == deadline_phase_ && !reader_.form_body()) return;
  deadline_phase_ = phase;
  const Clock::time_point now = Clock::now();
  switch (phase) {
    case ReadPhase::kProxyLine:
      return SetDeadline(now + Ms(config_.proxy_header_timeout_ms), Deadline::Expiry::kClose);
    case ReadPhase::kHead:
      return SetDeadline(
          now + Ms(requests_ == 0 ? config_.header_timeout_ms : config_.idle_timeout_ms),
          Deadline::Expiry::kAnswer408);
    case ReadPhase::kBody:
      return SetDeadline(reader_.BodyDeadline(), Deadline::Expiry::kAnswer408);
    case ReadPhase::kDone:
      return;
  }
}

void Session::ReadInput() {
  // The deadline fired while a read completion was queued (nothing to cancel).
  if (deadline_.timed_out()) return Advance(reader_.ReadFailed(true));
  // Between requests a connection holds no buffer: it waits until the socket
  // is readable, then reads into a fresh one (an idle keep-alive connection
  // costs its session and Asio's bookkeeping, not a 4 KiB buffer).
  if (reader_.idle()) return WaitReadable();
  const std::span<char> room = reader_.InputRoom();
  stream_.async_read_some(
      asio::buffer(room.data(), room.size()),
      [self = shared_from_this()](error_code ec, size_t n) { self->OnRead(ec, n, false); });
}

void Session::WaitReadable() {
  reader_.ReleaseIdleMemory();
  std::string().swap(head_);
  stream_.async_wait(asio::socket_base::wait_read,
                     [self = shared_from_this()](error_code ec) { self->OnReadable(ec); });
}

void Session::OnReadable(error_code ec) {
  if (closed_) return;
  if (ec || deadline_.timed_out()) return Advance(reader_.ReadFailed(deadline_.timed_out()));
  const std::span<char> room = reader_.InputRoom();
  // The socket is non-blocking: this read takes what is there, or none.
  const size_t n = stream_.read_some(asio::buffer(room.data(), room.size()), ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) return WaitReadable();
  OnRead(ec, n, false);
}

void Session::ReadBody() {
  if (deadline_.timed_out()) return Advance(reader_.ReadFailed(true));
  const std::span<uint8_t> room = reader_.BodyRoom();
  stream_.async_read_some(
      asio::buffer(room.data(), room.size()),
      [self = shared_from_this()](error_code ec, size_t n) { self->OnRead(ec, n, true); });
}

void Session::OnRead(error_code ec, size_t n, bool body) {
  if (closed_) return;  // a completion queued before Close(): nothing more to read
  // A body read that completed as its deadline passed still ends in 408.
  if (ec || (reader_.phase() == ReadPhase::kBody && deadline_.timed_out())) {
    // Bytes that came with the error count as a request begun (408, not a
    // silent close); they are not parsed.
    if (!body) reader_.mutable_input().Commit(n);
    return Advance(reader_.ReadFailed(deadline_.timed_out()));
  }
  Advance(body ? reader_.BodyReceived(n) : reader_.InputReceived(n, Clock::now()));
}

void Session::SendContinue() {
  SetDeadline(Clock::now() + Ms(config_.write_timeout_ms), Deadline::Expiry::kClose);
  deadline_phase_ = ReadPhase::kDone;
  asio::async_write(stream_, asio::buffer(kContinueResponse.data(), kContinueResponse.size()),
                    [self = shared_from_this()](error_code ec, size_t) {
                      if (ec) return self->Close();
                      self->Advance(self->reader_.ContinueSent(Clock::now()));
                    });
}

// ---- handler and response --------------------------------------------------

namespace {

// The route's handler, then the body buffer back to the pool (wiped there).
// A client that asked to close gets its close (RFC 9112 section 9.6).
HttpResponse Handle(HttpServer::Impl* server, ReadyRequest& ready) {
  HttpResponse response = server->handler.Finish(ready.plan, ready.request);
  if (ready.request.body.capacity() > 0) server->body_pool.Give(std::move(ready.request.body));
  response.close = response.close || !ready.keep_alive;
  return response;
}

}  // namespace

void Session::Dispatch() {
  deadline_.Clear();  // a handler on the pool has no deadline
  deadline_phase_ = ReadPhase::kDone;
  ReadyRequest ready = reader_.TakeRequest();
  // Static files and routes that never block: from memory, answered inline.
  if (ready.plan.route == nullptr || ready.plan.route->options.runs_inline) {
    return Write(Handle(server_, ready));
  }
  // The handler runs on the pool; its response comes back to this session's
  // executor (its strand, or the one I/O thread). Nothing else of the
  // session runs meanwhile (no read is pending, no deadline is set), and
  // Stop() waits for the pool before stopping the io threads.
  asio::post(*server_->handler_pool,
             [self = shared_from_this(), ready = std::move(ready)]() mutable {
               asio::post(self->stream_.get_executor(),
                          [self, response = Handle(self->server_, ready)]() mutable {
                            self->Write(std::move(response));
                          });
             });
}

// The head is built by hand into head_ (reused while requests follow each
// other, released while the connection idles): the security headers are one block prepared once,
// instead of ~10 Beast field allocations and Beast's serializer per response, which were about half
// of the server's instructions per request.
void Session::Write(HttpResponse response) {
  // The handler is done with the body: its budget is released and a body
  // cut short (413, 408, 503) is wiped and its buffer pooled.
  reader_.RequestDone();
  ++requests_;
  // response.close: an error, or the client asked to close (the reader and
  // Handle() set it).
  const bool keep =
      !response.close && !server_->stopping && requests_ < config_.max_requests_per_connection;
  res_body_ = std::move(response.body);
  public_body_ = std::move(response.public_body);
  std::string_view body = public_body_ ? std::string_view(*public_body_) : res_body_;
  if (StatusHasNoBody(response.status)) body = {};
  head_.clear();
  head_.reserve(kResponseHeadReserve);
  AppendResponseHead(response, body.size(), keep, &head_);
  close_after_write_ = !keep;
  SetDeadline(Clock::now() + Ms(config_.write_timeout_ms), Deadline::Expiry::kClose);
  deadline_phase_ = ReadPhase::kDone;
  const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                  asio::buffer(body.data(), body.size())};
  asio::async_write(stream_, buffers,
                    [self = shared_from_this()](error_code ec, size_t) { self->OnWrite(ec); });
}

// Response bodies carry bearer tokens (login) and ciphertext a source asked
// for: wiped before the allocator reuses the memory. A public body is shared
// and immutable: only released.
void Session::ReleaseResponseBody() {
  if (!res_body_.empty()) sodium_memzero(res_body_.data(), res_body_.size());
  std::string().swap(res_body_);
  public_body_.reset();
}

void Session::OnWrite(error_code ec) {
  ReleaseResponseBody();
  if (ec) return Close();
  if (close_after_write_) return Linger();
  NextRequest();
}

// ---- closing -----------------------------------------------------------------

// Half-close, then read and discard for close_linger_ms so that the client's
// unread bytes do not turn our close into a reset that destroys the response
// in flight.
void Session::Linger() {
  error_code ignored;
  stream_.shutdown(asio::socket_base::shutdown_send, ignored);
  if (config_.close_linger_ms <= 0) return Close();
  SetDeadline(Clock::now() + Ms(config_.close_linger_ms), Deadline::Expiry::kClose);
  Drain();
}

// Into the input buffer: nothing is parsed any more; its memory is wiped
// when the session goes.
void Session::Drain() {
  InputBuffer& input = reader_.mutable_input();
  input.Consume(input.size());
  const std::span<char> room = input.Prepare(RequestReader::kReadBytes);
  stream_.async_read_some(asio::buffer(room.data(), room.size()),
                          [self = shared_from_this()](error_code ec, size_t) {
                            if (ec) return self->Close();
                            self->Drain();
                          });
}

void Session::Close() {
  // A form cut short gives its budget back now, not when the last completion
  // lets the session go: a client that sees the close can count on it.
  reader_.ConnectionClosing();
  closed_ = true;
  deadline_.CancelAll();
  timer_.cancel();  // the pending wait holds the session: let it go now
  CloseSocket();
}

void Session::CloseSocket() {
  error_code ignored;
  stream_.shutdown(asio::socket_base::shutdown_both, ignored);
  stream_.close(ignored);
}

// ---- deadlines ---------------------------------------------------------------

void Session::SetDeadline(Clock::time_point when, Deadline::Expiry what) {
  if (deadline_.Set(when, what)) ArmTimer();
}

void Session::ArmTimer() {
  const uint64_t epoch = deadline_.Arm();
  timer_.expires_at(deadline_.deadline());  // cancels a later wait, whose epoch is now stale
  timer_.async_wait(
      [self = shared_from_this(), epoch](error_code ec) { self->OnTimer(ec, epoch); });
}

void Session::OnTimer(error_code ec, uint64_t epoch) {
  const Deadline::Action action = deadline_.WaitEnded(epoch, ec.failed(), Clock::now());
  if (closed_ || action == Deadline::Action::kNothing) return;
  if (action == Deadline::Action::kRearm) return ArmTimer();
  if (deadline_.expiry() == Deadline::Expiry::kAnswer408) {
    // The read is cancelled; its handler sees timed_out() and answers 408.
    error_code ignored;
    stream_.cancel(ignored);
    // The backstop: if the answer is not under way by then, close.
    return SetDeadline(Clock::now() + Ms(config_.write_timeout_ms), Deadline::Expiry::kClose);
  }
  CloseSocket();
}

}  // namespace dojava::http::internal
