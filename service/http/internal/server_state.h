// HttpServer::Impl: what the listeners and sessions of one HttpServer share
// (configuration, handler, connection counts, form budget, body pool, the
// io_context and the handler pool). Includes Asio: only session.cc and
// http_server.cc include it.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_SERVER_STATE_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_SERVER_STATE_H_

#include <sys/types.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "service/http/body_pool.h"
#include "service/http/form_budget.h"
#include "service/http/http_server.h"
#include "service/http/request_handler.h"
#include "service/http/static_files.h"

namespace dojava::http {

namespace internal {
class Session;
}

struct HttpServer::Impl {
  Impl(const HttpConfig& c, Router router, StaticFiles files)
      : config(c),
        handler(c, std::move(router), std::move(files)),
        form_budget(c.form_inflight_bytes, c.form_circuit_inflight_bytes),
        body_pool(c.body_pool_bytes),
        // One I/O thread: Asio's single-thread hint (still locking, since the
        // handler pool and Stop() post from other threads).
        ioc(c.threads == 1 ? 1 : BOOST_ASIO_CONCURRENCY_HINT_DEFAULT) {}

  HttpConfig config;
  RequestHandler handler;

  mutable std::mutex mu;
  std::condition_variable cv;
  int active[2] = {0, 0};                                                   // GUARDED_BY(mu)
  std::unordered_map<uint64_t, std::weak_ptr<internal::Session>> sessions;  // GUARDED_BY(mu)
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> next_connection_id{1};
  // Memory of form bodies (BodyClass::kForm) being read or handled now,
  // reserved as they grow (form_inflight_bytes, form_circuit_inflight_bytes).
  FormBudget form_budget;
  // Wiped request-body buffers for reuse (body_pool_bytes).
  BodyPool body_pool;
  bool running = false;  // only touched by the controlling thread

  // Declared after everything sessions touch in their destructors, so that
  // handlers (and the sessions they own) die first.
  boost::asio::io_context ioc;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  // Route handlers run here, off the io threads: they block on the store
  // (a durable commit is an fsync). Created by Start(), joined by Stop().
  // Declared after ioc: destroyed first, while the io_context that its
  // queued work posts back to still exists. Its queue holds at most one
  // request per open connection (a session reads nothing while its request
  // is in the pool), so it is bounded by the connection caps.
  std::optional<boost::asio::thread_pool> handler_pool;
  // Every BodyPool::kIdleReleaseMs, on a strand: an idle body pool's buffers
  // go back to the system (BodyPool::ReleaseIfIdle). Created by Start().
  std::optional<boost::asio::steady_timer> idle_release;
  std::shared_ptr<void> listeners[2];
  std::function<void()> close_listeners[2];
  uint16_t ports[2] = {0, 0};
  struct UnixFile {
    std::string path;
    dev_t dev = 0;
    ino_t ino = 0;
  };
  std::vector<UnixFile> unix_files;

  const ListenerConfig& Listener(ListenerKind k) const {
    return k == ListenerKind::kSource ? config.source : config.reviewer;
  }

  // Reserves a connection slot; false if the listener is at its cap.
  bool TryAdmit(ListenerKind k) {
    std::lock_guard<std::mutex> lock(mu);
    int& n = active[static_cast<int>(k)];
    if (n >= Listener(k).max_connections) return false;
    ++n;
    return true;
  }
  void Register(uint64_t id, std::weak_ptr<internal::Session> s) {
    std::lock_guard<std::mutex> lock(mu);
    sessions.emplace(id, std::move(s));
  }
  void Release(ListenerKind k, uint64_t id) {
    std::lock_guard<std::mutex> lock(mu);
    --active[static_cast<int>(k)];
    sessions.erase(id);
    cv.notify_all();
  }
  std::vector<std::shared_ptr<internal::Session>> LiveSessions() {
    std::vector<std::shared_ptr<internal::Session>> out;
    std::lock_guard<std::mutex> lock(mu);
    for (auto& [id, w] : sessions) {
      if (auto s = w.lock()) out.push_back(std::move(s));
    }
    return out;
  }
  bool WaitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, timeout, [this] { return active[0] + active[1] == 0; });
  }
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_SERVER_STATE_H_
