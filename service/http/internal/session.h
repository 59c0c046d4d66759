// Session: one connection's I/O (kept alive by shared_from_this, as Beast's
// examples do). It reads where its RequestReader says and hands it what
// arrived, runs the handler (inline or on the handler pool), writes the
// response, keeps the connection alive or lingers and closes. One deadline
// at a time (Deadline, one lazily re-armed timer): the PROXY line, the head
// (header_timeout_ms, then idle_timeout_ms between requests), the body
// (BodyDeadline()), the write, the linger.
//
// TCP and unix sockets alike (a generic stream socket). Includes Asio: only
// session.cc and http_server.cc include it.
//
// Thread safety: everything runs on the session's executor (its strand, or
// the one I/O thread); RequestStop() and ForceClose() post there.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_SESSION_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_SESSION_H_

#include <array>
#include <boost/asio/generic/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "service/http/http_server.h"
#include "service/http/internal/deadline.h"
#include "service/http/internal/request_reader.h"

namespace dojava::http::internal {

class Session : public std::enable_shared_from_this<Session> {
 public:
  using Socket = boost::asio::generic::stream_protocol::socket;
  using Clock = std::chrono::steady_clock;

  Session(Socket&& socket, HttpServer::Impl* server, ListenerKind listener);
  ~Session();

  // Registers with the server and starts reading (on the socket's executor).
  void Start();
  // Posted by Stop(): close now if idle, else finish the request and close.
  void RequestStop();
  // Posted by Stop() after the grace period: close now.
  void ForceClose();

 private:
  using error_code = boost::system::error_code;

  void NextRequest();
  void Advance(ReadStep step);
  void ArmReadDeadline();
  void ReadInput();
  void WaitReadable();
  void OnReadable(error_code ec);
  void ReadBody();
  void OnRead(error_code ec, size_t n, bool body);
  void SendContinue();
  void Dispatch();
  void Write(HttpResponse response);
  void OnWrite(error_code ec);
  void ReleaseResponseBody();
  void Linger();
  void Drain();
  void Close();
  void CloseSocket();

  // Deadlines (Deadline holds the bookkeeping, timer_ the one wait).
  void SetDeadline(Clock::time_point when, Deadline::Expiry what);
  void ArmTimer();
  void OnTimer(error_code ec, uint64_t epoch);

  Socket stream_;
  boost::asio::steady_timer timer_;
  Deadline deadline_;
  // The reader's phase whose deadline is set, kDone when the deadline is
  // another one (write, linger) or none.
  ReadPhase deadline_phase_ = ReadPhase::kDone;
  HttpServer::Impl* server_;
  const ListenerKind listener_;
  const HttpConfig& config_;
  const uint64_t id_;
  RequestReader reader_;

  // Room for a typical response head, so that building it allocates once.
  static constexpr size_t kResponseHeadReserve = 1024;

  std::string head_;                                // the response head being written
  std::string res_body_;                            // wiped after the write
  std::shared_ptr<const std::string> public_body_;  // shared, immutable, public

  int requests_ = 0;
  bool close_after_write_ = false;
  bool closed_ = false;
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_SESSION_H_
