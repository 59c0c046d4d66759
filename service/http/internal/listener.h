// Listener: owns one acceptor (TCP or unix socket) and starts a Session for
// each connection the listener's cap admits; connections over the cap are
// closed at once. Includes Asio: only http_server.cc includes it.
//
// Thread safety: the acceptor and its retry timer run on a strand, so
// Close() (from the controlling thread) and OnAccept() never race.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_LISTENER_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_LISTENER_H_

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <memory>
#include <utility>

#include "service/http/internal/server_state.h"
#include "service/http/internal/session.h"
#include "service/http/log.h"

namespace dojava::http::internal {

template <class Protocol>
class Listener : public std::enable_shared_from_this<Listener<Protocol>> {
 public:
  using Acceptor = typename Protocol::acceptor;

  Listener(HttpServer::Impl* server, ListenerKind kind, Acceptor&& acceptor)
      : server_(server),
        kind_(kind),
        acceptor_(std::move(acceptor)),
        retry_(acceptor_.get_executor()) {}

  void Run() { Accept(); }

  void Close() {
    boost::asio::post(acceptor_.get_executor(), [self = this->shared_from_this()] {
      boost::system::error_code ignored;
      self->acceptor_.close(ignored);
      self->retry_.cancel();
    });
  }

 private:
  void Accept() {
    // With several I/O threads each session runs on its own strand; with one,
    // the io_context is an implicit strand and the strand's locking and
    // queueing (a few thousand instructions per request) are saved.
    namespace asio = boost::asio;
    acceptor_.async_accept(server_->config.threads == 1
                               ? asio::any_io_executor(server_->ioc.get_executor())
                               : asio::any_io_executor(asio::make_strand(server_->ioc)),
                           [self = this->shared_from_this()](boost::system::error_code ec,
                                                             typename Protocol::socket socket) {
                             self->OnAccept(ec, std::move(socket));
                           });
  }

  void OnAccept(boost::system::error_code ec, typename Protocol::socket socket) {
    if (ec == boost::asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // e.g. EMFILE: wait a little instead of spinning.
      Log(LogLevel::kWarning, "accept failed: " + ec.message());
      retry_.expires_after(std::chrono::milliseconds(100));
      retry_.async_wait([self = this->shared_from_this()](boost::system::error_code wec) {
        if (!wec) self->Accept();
      });
      return;
    }
    if (server_->stopping || !server_->TryAdmit(kind_)) {
      boost::system::error_code ignored;
      socket.close(ignored);  // over the connection cap: closed at once
    } else {
      std::make_shared<Session>(Session::Socket(std::move(socket)), server_, kind_)->Start();
    }
    Accept();
  }

  HttpServer::Impl* server_;
  ListenerKind kind_;
  Acceptor acceptor_;
  boost::asio::steady_timer retry_;
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_LISTENER_H_
