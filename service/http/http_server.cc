// HttpServer: binding, Start() and Stop(). The sessions are in
// internal/session.cc, the request parsing in internal/request_reader.cc.
#include "service/http/http_server.h"

#include <sodium.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/strand.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <string>

#include "service/http/internal/listener.h"
#include "service/http/internal/server_state.h"
#include "service/http/internal/session.h"
#include "service/http/log.h"
#include "service/http/static_files.h"

namespace dojava::http {
namespace {

namespace asio = boost::asio;
using error_code = boost::system::error_code;
using Ms = std::chrono::milliseconds;
using internal::Listener;

// Removes `path` if it is a socket nobody accepts on. kAlreadyExists if it is
// live or not a socket.
Status RemoveStaleSocket(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return Status(Code::kIoError, "cannot stat the unix socket path");
  }
  if (!S_ISSOCK(st.st_mode)) {
    return Status(Code::kAlreadyExists, "unix socket path exists and is not a socket");
  }
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status(Code::kIoError, "cannot create a probe socket");
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  const int err = errno;
  ::close(fd);
  if (rc == 0) return Status(Code::kAlreadyExists, "unix socket is in use by another process");
  if (err != ECONNREFUSED) return Status(Code::kIoError, "cannot probe the unix socket");
  if (::unlink(path.c_str()) != 0) return Status(Code::kIoError, "cannot remove a stale socket");
  return Status::Ok();
}

Status BindTcp(HttpServer::Impl* impl, ListenerKind kind) {
  const ListenAddress& a = impl->Listener(kind).address;
  error_code ec;
  const asio::ip::address ip = asio::ip::make_address(a.host, ec);
  if (ec) return Status(Code::kInvalidArgument, "listen address is not numeric");
  if (!ip.is_loopback() && !impl->config.allow_non_loopback) {
    return Status(Code::kInvalidArgument, "refusing a non-loopback listen address");
  }
  // The acceptor (and its retry timer) run on a strand: Close() and
  // OnAccept() never race.
  asio::ip::tcp::acceptor acceptor(asio::make_strand(impl->ioc));
  const asio::ip::tcp::endpoint ep(ip, a.port);
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Status(Code::kIoError,
                  "cannot listen on " + FormatListenAddress(a) + ": " + ec.message());
  const int k = static_cast<int>(kind);
  impl->ports[k] = acceptor.local_endpoint(ec).port();
  auto l = std::make_shared<Listener<asio::ip::tcp>>(impl, kind, std::move(acceptor));
  impl->close_listeners[k] = [l] { l->Close(); };
  impl->listeners[k] = l;
  l->Run();
  return Status::Ok();
}

Status BindUnix(HttpServer::Impl* impl, ListenerKind kind) {
  using Local = asio::local::stream_protocol;
  const std::string& path = impl->Listener(kind).address.unix_path;
  DOJAVA_RETURN_IF_ERROR(RemoveStaleSocket(path));
  error_code ec;
  Local::acceptor acceptor(asio::make_strand(impl->ioc));
  acceptor.open(Local(), ec);
  if (!ec) acceptor.bind(Local::endpoint(path), ec);
  if (ec) return Status(Code::kIoError, "cannot bind the unix socket: " + ec.message());
  // Nobody can connect before listen(), so setting the mode here is race-free.
  struct stat st {};
  if (::chmod(path.c_str(), 0660) != 0 || ::lstat(path.c_str(), &st) != 0) {
    ::unlink(path.c_str());
    return Status(Code::kIoError, "cannot set the unix socket's mode");
  }
  impl->unix_files.push_back({path, st.st_dev, st.st_ino});
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status(Code::kIoError, "cannot listen on the unix socket: " + ec.message());
  const int k = static_cast<int>(kind);
  auto l = std::make_shared<Listener<Local>>(impl, kind, std::move(acceptor));
  impl->close_listeners[k] = [l] { l->Close(); };
  impl->listeners[k] = l;
  l->Run();
  return Status::Ok();
}

void RemoveUnixFiles(HttpServer::Impl* impl) {
  for (const auto& f : impl->unix_files) {
    struct stat st {};
    if (::lstat(f.path.c_str(), &st) == 0 && st.st_dev == f.dev && st.st_ino == f.ino) {
      ::unlink(f.path.c_str());
    }
  }
  impl->unix_files.clear();
}

void ScheduleIdleRelease(HttpServer::Impl* impl) {
  impl->idle_release->expires_after(Ms(BodyPool::kIdleReleaseMs));
  impl->idle_release->async_wait([impl](error_code ec) {
    if (ec || impl->stopping) return;
    impl->body_pool.ReleaseIfIdle();
    ScheduleIdleRelease(impl);
  });
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Create(const HttpConfig& config, Router router) {
  DOJAVA_RETURN_IF_ERROR(ValidateConfig(config));
  StaticFiles files;
  if (!config.static_dir.empty()) {
    Result<StaticFiles> loaded = StaticFiles::Load(config.static_dir);
    if (!loaded.ok()) return loaded.status();
    files = std::move(loaded).value();
  }
  EnsureSodium();
  auto impl = std::make_unique<Impl>(config, std::move(router), std::move(files));
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  Impl* impl = impl_.get();
  if (impl->running) return Status(Code::kInvalidArgument, "server already started");
  for (ListenerKind kind : {ListenerKind::kSource, ListenerKind::kReviewer}) {
    const Status s =
        impl->Listener(kind).address.is_unix ? BindUnix(impl, kind) : BindTcp(impl, kind);
    if (!s.ok()) {
      Log(LogLevel::kError, std::string(ListenerName(kind)) + " listener: " + s.message());
      for (auto& close : impl->close_listeners) {
        if (close) close();
      }
      impl->ioc.poll();
      impl->ioc.restart();
      for (auto& l : impl->listeners) l.reset();
      for (auto& close : impl->close_listeners) close = nullptr;
      RemoveUnixFiles(impl);
      return s;
    }
  }
  impl->work.emplace(asio::make_work_guard(impl->ioc));
  impl->handler_pool.emplace(static_cast<size_t>(impl->config.handler_threads));
  impl->idle_release.emplace(asio::make_strand(impl->ioc));
  ScheduleIdleRelease(impl);
  for (int i = 0; i < impl->config.threads; ++i) {
    impl->threads.emplace_back([impl] {
      for (;;) {
        try {
          impl->ioc.run();
          return;
        } catch (const std::exception&) {
          Log(LogLevel::kError, "internal error in a connection (exception); continuing");
        }
      }
    });
  }
  impl->running = true;
  auto bound = [impl](ListenerKind kind) {
    ListenAddress a = impl->Listener(kind).address;
    if (!a.is_unix) a.port = impl->ports[static_cast<int>(kind)];
    return FormatListenAddress(a);
  };
  Log(LogLevel::kInfo, "listening: source " + bound(ListenerKind::kSource) + ", reviewer " +
                           bound(ListenerKind::kReviewer));
  return Status::Ok();
}

uint16_t HttpServer::port(ListenerKind listener) const {
  return impl_->ports[static_cast<int>(listener)];
}

int HttpServer::ActiveConnections() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->active[0] + impl_->active[1];
}

uint64_t HttpServer::FormBytesInFlight() const { return impl_->form_budget.InFlight(); }

uint64_t HttpServer::PooledBodyBytes() const { return impl_->body_pool.HeldBytes(); }

void HttpServer::Stop() {
  Impl* impl = impl_.get();
  if (!impl->running) return;
  impl->stopping = true;
  for (auto& close : impl->close_listeners) {
    if (close) close();
  }
  for (auto& s : impl->LiveSessions()) s->RequestStop();
  bool clean = impl->WaitIdle(Ms(impl->config.shutdown_grace_ms));
  if (!clean) {
    Log(LogLevel::kWarning, "shutdown grace period over; closing the remaining connections");
    for (auto& s : impl->LiveSessions()) s->ForceClose();
    clean = impl->WaitIdle(Ms(1000));
  }
  // Handlers still running finish (their writes commit) and post their
  // responses to sessions that are closed by now.
  impl->handler_pool->join();
  impl->work.reset();
  impl->ioc.stop();
  for (auto& t : impl->threads) t.join();
  impl->threads.clear();
  impl->idle_release.reset();  // its wait ended with the io_context
  for (auto& l : impl->listeners) l.reset();
  for (auto& close : impl->close_listeners) close = nullptr;
  RemoveUnixFiles(impl);
  impl->running = false;
  Log(LogLevel::kInfo, clean ? "stopped" : "stopped (some connections were cut)");
}

}  // namespace dojava::http
