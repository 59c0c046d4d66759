// The only translation unit of the HTTP core that includes Beast and Asio.
#include "service/http/http_server.h"

#include <sodium.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "service/http/beast_body_buffer.h"
#include "service/http/body_buffer.h"
#include "service/http/body_pool.h"
#include "service/http/form_budget.h"
#include "service/http/log.h"
#include "service/http/proxy_protocol.h"
#include "service/http/request_handler.h"
#include "service/http/request_head_check.h"
#include "service/http/static_files.h"

namespace dojava::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using error_code = boost::system::error_code;
using Ms = std::chrono::milliseconds;

class SessionBase {
 public:
  virtual ~SessionBase() = default;
  // Posted by Stop(): close now if idle, else finish the request and close.
  virtual void RequestStop() = 0;
  // Posted by Stop() after the grace period: close now.
  virtual void ForceClose() = 0;
};

// Wipes the readable and writable regions of a flat_buffer (request bytes,
// possibly a plaintext report, pass through it).
void WipeBuffer(beast::flat_buffer& b) {
  b.consume(b.size());
  const size_t n = std::min(b.capacity(), b.max_size());
  if (n == 0) return;
  auto mb = b.prepare(n);
  sodium_memzero(mb.data(), mb.size());
}

}  // namespace

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
  int active[2] = {0, 0};                                             // GUARDED_BY(mu)
  std::unordered_map<uint64_t, std::weak_ptr<SessionBase>> sessions;  // GUARDED_BY(mu)
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
  asio::io_context ioc;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  // Route handlers run here, off the io threads: they block on the store
  // (a durable commit is an fsync). Created by Start(), joined by Stop().
  // Declared after ioc: destroyed first, while the io_context that its
  // queued work posts back to still exists. Its queue holds at most one
  // request per open connection (a session reads nothing while its request
  // is in the pool), so it is bounded by the connection caps.
  std::optional<asio::thread_pool> handler_pool;
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
  void Register(uint64_t id, std::weak_ptr<SessionBase> s) {
    std::lock_guard<std::mutex> lock(mu);
    sessions.emplace(id, std::move(s));
  }
  void Release(ListenerKind k, uint64_t id) {
    std::lock_guard<std::mutex> lock(mu);
    --active[static_cast<int>(k)];
    sessions.erase(id);
    cv.notify_all();
  }
  std::vector<std::shared_ptr<SessionBase>> LiveSessions() {
    std::vector<std::shared_ptr<SessionBase>> out;
    std::lock_guard<std::mutex> lock(mu);
    for (auto& [id, w] : sessions) {
      if (auto s = w.lock()) out.push_back(std::move(s));
    }
    return out;
  }
  bool WaitIdle(Ms timeout) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, timeout, [this] { return active[0] + active[1] == 0; });
  }
};

namespace {

template <class Protocol>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Protocol>> {
 public:
  using Socket = typename Protocol::socket;
  using Clock = std::chrono::steady_clock;

  Session(Socket&& socket, HttpServer::Impl* server, ListenerKind listener)
      : stream_(std::move(socket)),
        timer_(stream_.get_executor()),
        wait_expiry_(Clock::time_point::max()),
        server_(server),
        listener_(listener),
        config_(server->config),
        id_(server->next_connection_id.fetch_add(1)),
        buffer_(server->config.header_limit_bytes) {}

  ~Session() override {
    body_.Reset(&server_->body_pool);  // wipes a body cut short; releases its budget
    try {
      WipeBuffer(buffer_);
      ReleaseResponseBody();
    } catch (...) {
    }
    server_->Release(listener_, id_);
  }

  void Start() {
    server_->Register(id_, this->weak_from_this());
    asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->server_->Listener(self->listener_).proxy_protocol) {
        self->ReadProxyLine();
      } else {
        self->ReadHead();
      }
    });
  }

  void RequestStop() override {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->idle_) self->Close();
    });
  }

  void ForceClose() override {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] { self->Close(); });
  }

 private:
  // ---- PROXY v1 --------------------------------------------------------
  void ReadProxyLine() {
    SetDeadline(Ms(config_.proxy_header_timeout_ms), Expiry::kClose);
    asio::async_read_until(
        stream_, asio::dynamic_buffer(proxy_line_, kProxyV1MaxLineBytes), "\r\n",
        [self = this->shared_from_this()](error_code ec, size_t n) { self->OnProxyLine(ec, n); });
  }

  void OnProxyLine(error_code ec, size_t n) {
    if (ec) return Close();  // timeout, too long, eof: no answer, like tor would get
    Result<uint32_t> id = ParseTorProxyV1(std::string_view(proxy_line_).substr(0, n));
    if (!id.ok()) return Close();
    circuit_id_ = id.value();
    // Bytes after the line belong to the first request.
    const size_t rest = proxy_line_.size() - n;
    if (rest > 0) {
      auto mb = buffer_.prepare(rest);
      buffer_.commit(asio::buffer_copy(mb, asio::buffer(proxy_line_.data() + n, rest)));
    }
    sodium_memzero(proxy_line_.data(), proxy_line_.size());
    proxy_line_.clear();
    proxy_line_.shrink_to_fit();
    ReadHead();
  }

  // ---- deadlines -------------------------------------------------------
  // One deadline at a time per session, enforced by one timer that is
  // re-armed lazily: SetDeadline() only records the time unless it is
  // earlier than the wait already pending, and a wait that fires before the
  // recorded deadline re-arms itself for it. So a keep-alive request costs no
  // timer operation (re-arming per phase, plus Beast's basic_stream timer per
  // read and write, meant three timer cancellations and their completions per
  // request). Deadlines are as exact as before.
  enum class Expiry {
    kAnswer408,  // reading a request: cancel the read, whose handler sees timed_out_ and
                 // answers 408; the socket is closed if still open write_timeout_ms later
    kClose,      // anything else: close the socket (pending and later operations fail)
  };

  void SetDeadline(Ms timeout, Expiry what) { SetDeadlineAt(Clock::now() + timeout, what); }

  void SetDeadlineAt(Clock::time_point when, Expiry what) {
    deadline_ = when;
    expiry_ = what;
    deadline_set_ = true;
    if (what == Expiry::kAnswer408) timed_out_ = false;
    if (!wait_pending_ || wait_expiry_ > deadline_) ArmTimer();
  }

  void ArmTimer() {
    wait_pending_ = true;
    wait_expiry_ = deadline_;
    const uint64_t epoch = ++timer_epoch_;
    timer_.expires_at(deadline_);  // cancels a later wait, whose epoch is now stale
    timer_.async_wait([self = this->shared_from_this(), epoch](error_code ec) {
      self->OnTimer(ec, epoch);
    });
  }

  void OnTimer(error_code ec, uint64_t epoch) {
    if (epoch != timer_epoch_) return;  // superseded by a newer wait
    wait_pending_ = false;
    if (ec || !deadline_set_ || closed_) return;
    if (Clock::now() < deadline_) return ArmTimer();
    if (expiry_ == Expiry::kAnswer408) {
      timed_out_ = true;
      error_code ignored;
      stream_.cancel(ignored);
      // The backstop: if the answer is not under way by then, close.
      return SetDeadline(Ms(config_.write_timeout_ms), Expiry::kClose);
    }
    deadline_set_ = false;
    CloseSocket();
  }

  // ---- request head ----------------------------------------------------
  void ReadHead() {
    idle_ = buffer_.size() == 0;
    if (server_->stopping && idle_) return Close();
    SetDeadline(Ms(requests_ == 0 ? config_.header_timeout_ms : config_.idle_timeout_ms),
                Expiry::kAnswer408);
    head_scanned_ = 0;
    if (size_t n = FindHeadEnd(); n > 0) return OnHead({}, n);  // pipelined request
    ReadMoreHead();
  }

  // Length of the head (through "\r\n\r\n") already in buffer_, or 0.
  size_t FindHeadEnd() {
    const std::string_view data(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    const size_t from = head_scanned_ > 3 ? head_scanned_ - 3 : 0;
    head_scanned_ = data.size();
    const size_t pos = data.find("\r\n\r\n", from);
    return pos == std::string_view::npos ? 0 : pos + 4;
  }

  void ReadMoreHead() {
    const size_t room = buffer_.max_size() - buffer_.size();
    if (room == 0) return OnHead(asio::error::not_found, 0);
    // The deadline fired while a read completion was queued (nothing to cancel).
    if (timed_out_) return OnHead(asio::error::operation_aborted, 0);
    stream_.async_read_some(buffer_.prepare(std::min<size_t>(room, 4096)),
                            [self = this->shared_from_this()](error_code ec, size_t got) {
                              self->buffer_.commit(got);
                              if (got > 0) self->idle_ = false;  // a request has begun
                              if (ec) return self->OnHead(ec, 0);
                              if (size_t n = self->FindHeadEnd(); n > 0) return self->OnHead({}, n);
                              self->ReadMoreHead();
                            });
  }

  void OnHead(error_code ec, size_t n) {
    deadline_set_ = false;  // the head is in; the next phase sets its own
    idle_ = false;
    if (ec == asio::error::not_found) {
      return SendError("", 431, "header_too_large", "The request head is too large.");
    }
    if (ec) {
      // 408 only if the client started a request; an idle keep-alive
      // connection (or one that sent nothing) is closed silently.
      if (timed_out_ && buffer_.size() > 0) {
        return SendError("", 408, "timeout", "The request took too long.");
      }
      return Close();
    }
    const std::string_view head(static_cast<const char*>(buffer_.data().data()), n);
    if (!CheckRequestHead(head).ok()) {
      return SendError("", 400, "bad_request", "The request is malformed.");
    }
    parser_.emplace();
    parser_->header_limit(config_.header_limit_bytes);
    // Beast's default body cap (1 MiB) would turn a larger Content-Length
    // into a parse error (400) before the route is known; the route's own
    // cap is checked below (413) and set before the body is read.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    parser_->eager(false);
    error_code pec;
    const size_t used = parser_->put(asio::buffer(buffer_.data().data(), n), pec);
    if (pec == bhttp::error::header_limit) {
      return SendError("", 431, "header_too_large", "The request head is too large.");
    }
    if (pec == bhttp::error::body_limit) {
      return SendError("", 413, "body_too_large", "The request body is too large.");
    }
    if (pec || !parser_->is_header_done() || used != n) {
      return SendError("", 400, "bad_request", "The request is malformed.");
    }
    buffer_.consume(used);

    auto& req = parser_->get();
    if (req.version() != 11) {
      return SendError("", 505, "http_version", "Only HTTP/1.1 is supported.");
    }
    std::string_view path, query;
    if (!SplitTarget(req.target(), &path, &query)) {
      return SendError("", 400, "bad_request", "The request target is malformed.");
    }
    path_ = std::string(path);
    query_ = std::string(query);
    method_ = ParseMethod(req.method_string());
    plan_ =
        server_->handler.Begin(listener_, method_, path_, ClientKey{listener_, circuit_id_, id_},
                               std::chrono::steady_clock::now(), query_);
    if (plan_->early) {
      HttpResponse early = *plan_->early;
      // A body we will not read makes the connection unusable.
      if (!parser_->is_done()) early.close = true;
      return Write(std::move(early));
    }
    if (parser_->is_done()) return Dispatch();
    const auto len = parser_->content_length();
    if (len && *len > plan_->body_limit) {
      return SendRouteError(413, "body_too_large", "The request body is too large.");
    }
    // The body goes into guarded memory that grows only as bytes arrive
    // (BodyBuffer), never sized from the declared length alone.
    form_ = plan_->route != nullptr && plan_->route->options.body == BodyClass::kForm;
    body_direct_ = len.has_value() && !parser_->chunked();
    const uint64_t max_length = len ? *len : plan_->body_limit;
    if (form_) {
      if (!len) {
        return SendRouteError(411, "length_required", "A form needs a Content-Length.");
      }
      // Many large forms at once must not exhaust memory: a form's buffer
      // is reserved from the form budget (server-wide and per circuit) as it
      // grows. Its first step (at most BodyBuffer::kMinGrowthBytes) now, so
      // that a server at its budget answers before the body is sent.
      body_.Start(SecretBytes(), max_length, &server_->form_budget,
                  FormBudget::Holder{listener_, circuit_id_});
      if (!body_.Prepare(1).ok()) return SendBusy();
    } else {
      // A chunk upload reuses a wiped buffer of the right size: no
      // allocation, no page faults. A chunked (Beast-framed) body of
      // unknown length starts empty.
      body_.Start(body_direct_ ? server_->body_pool.Take(max_length) : SecretBytes(), max_length,
                  nullptr, {});
    }
    parser_->body_limit(plan_->body_limit);
    // The route admits the request: a client waiting for "100 Continue" gets
    // it now (unless it has already started sending the body).
    if (beast::iequals(req[bhttp::field::expect], "100-continue") && buffer_.size() == 0) {
      continue_.emplace(bhttp::status::continue_, 11);
      SetDeadline(Ms(config_.write_timeout_ms), Expiry::kClose);
      return bhttp::async_write(stream_, *continue_,
                                [self = this->shared_from_this()](error_code wec, size_t) {
                                  self->continue_.reset();
                                  if (wec) return self->Close();
                                  self->ReadBody();
                                });
    }
    ReadBody();
  }

  // ---- request body ----------------------------------------------------
  // A body with a Content-Length is read by the session itself, straight
  // into body_ (the bytes that came with the head first, then reads as large
  // as the rest of the body); only a chunked body goes through Beast's
  // parser (BeastBodyBuffer appends to body_). Either way the bytes are
  // copied at most once, into guarded memory.
  void ReadBody() {
    body_start_ = Clock::now();
    SetBodyDeadline();
    if (!body_direct_) {
      parser_->get().body() = &body_;
      head_fields_ = FieldCount(parser_->get());
      return ReadChunkedBody();
    }
    const size_t have =
        static_cast<size_t>(std::min<uint64_t>(buffer_.size(), body_.max_length()));
    if (have > 0) {
      const bool appended =
          body_.Append(static_cast<const uint8_t*>(buffer_.data().data()), have).ok();
      // The bytes are in guarded memory now (or refused): the plain read
      // buffer, which lives as long as the connection, keeps none of them.
      sodium_memzero(buffer_.data().data(), have);
      buffer_.consume(have);
      if (!appended) return OnBody(make_error_code(boost::system::errc::value_too_large));
    }
    ReadDirectBody();
  }

  void ReadDirectBody() {
    if (closed_) return;  // a completion queued before Close(): nothing more to read
    if (body_.size() == body_.max_length()) return OnBody({});
    // The deadline fired while a read completion was queued (nothing to cancel).
    if (timed_out_) return OnBody(asio::error::operation_aborted);
    Result<std::span<uint8_t>> room = body_.Prepare(body_.max_length() - body_.size());
    if (!room.ok()) return OnBody(make_error_code(boost::system::errc::value_too_large));
    stream_.async_read_some(asio::buffer(room->data(), room->size()),
                            [self = this->shared_from_this()](error_code ec, size_t got) {
                              self->body_.Commit(got);
                              if (ec) return self->OnBody(ec);
                              if (self->timed_out_) {
                                return self->OnBody(asio::error::operation_aborted);
                              }
                              if (self->form_) self->SetBodyDeadline();
                              self->ReadDirectBody();
                            });
  }

  void ReadChunkedBody() {
    if (closed_) return;
    if (timed_out_) return OnBody(asio::error::operation_aborted);
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = this->shared_from_this()](error_code ec, size_t) {
                             if (ec) return self->OnBody(ec);
                             if (self->timed_out_) {
                               return self->OnBody(asio::error::operation_aborted);
                             }
                             if (self->parser_->is_done()) {
                               // A trailer's fields would join the head's unchecked.
                               if (FieldCount(self->parser_->get()) != self->head_fields_) {
                                 return self->OnBody(bhttp::error::bad_field);
                               }
                               return self->OnBody({});
                             }
                             if (self->form_) self->SetBodyDeadline();
                             self->ReadChunkedBody();
                           });
  }

  // body_timeout_ms for the whole body; a form body must also keep pace with
  // form_min_bytes_per_second, falling at most form_rate_grace_ms behind
  // (a client trickling a form cannot hold its connection and its budget
  // for the whole body_timeout_ms). Re-armed lazily, so a later deadline
  // per read costs no timer operation.
  void SetBodyDeadline() {
    Clock::time_point end = body_start_ + Ms(config_.body_timeout_ms);
    if (form_ && config_.form_min_bytes_per_second > 0) {
      const uint64_t behind_ms = body_.size() * 1000 / config_.form_min_bytes_per_second;
      const Clock::time_point pace =
          body_start_ + Ms(config_.form_rate_grace_ms) +
          Ms(static_cast<int64_t>(std::min<uint64_t>(behind_ms, uint64_t{1} << 40)));
      end = std::min(end, pace);
    }
    SetDeadlineAt(end, Expiry::kAnswer408);
  }

  void OnBody(error_code ec) {
    deadline_set_ = false;  // a handler on the pool has no deadline, as before
    if (body_.refused()) return SendBusy();
    if (ec == bhttp::error::body_limit || ec == boost::system::errc::value_too_large) {
      return SendRouteError(413, "body_too_large", "The request body is too large.");
    }
    if (ec && timed_out_) return SendRouteError(408, "timeout", "The request took too long.");
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == bhttp::error::partial_message || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec) return SendRouteError(400, "bad_request", "The request body is malformed.");
    Dispatch();
  }

  // ---- handler and response ----------------------------------------------
  void Dispatch() {
    auto& req = parser_->get();
    HttpRequest request;
    request.listener = listener_;
    request.method = method_;
    request.path = path_;
    request.query = query_;
    request.circuit_id = circuit_id_;
    for (const auto& field : req) {
      if (IsForwardedHeader(field.name_string())) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), SecretBytes::Copy(field.value()));
      }
    }
    // Handed over without a copy; BodyPool::Give() wipes it after the handler.
    if (!body_.idle()) request.body = body_.Take();
    keep_alive_ = req.keep_alive();
    parser_.reset();
    RequestHandler::Plan plan = std::move(*plan_);
    plan_.reset();
    // Static files and routes that never block: from memory, answered inline.
    if (plan.route == nullptr || plan.route->options.runs_inline) {
      HttpResponse response = server_->handler.Finish(plan, request);
      if (request.body.capacity() > 0) server_->body_pool.Give(std::move(request.body));
      return Write(std::move(response));
    }
    // The handler runs on the pool; its response comes back to this
    // session's executor (its strand, or the one I/O thread). Nothing else
    // of the session runs meanwhile (no read is pending; its deadline was
    // cleared in OnHead/OnBody), and Stop() waits for the pool before
    // stopping the io threads.
    asio::post(*server_->handler_pool, [self = this->shared_from_this(), plan = std::move(plan),
                                        request = std::move(request)]() mutable {
      HttpResponse response = self->server_->handler.Finish(plan, request);
      if (request.body.capacity() > 0) {
        self->server_->body_pool.Give(std::move(request.body));  // wiped, reused
      }
      asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->Write(std::move(response));
      });
    });
  }

  // SendError for a request whose route is known: the route's own error
  // page if it has one (the no-JavaScript pages answer in the source's
  // language), else the generic one.
  void SendRouteError(int status, std::string_view code, std::string_view message) {
    const Route* route = plan_ ? plan_->route : nullptr;
    if (route == nullptr || !route->options.error_page) return SendError(path_, status, code, message);
    HttpResponse r = route->options.error_page(status, query_);
    r.close = true;
    Write(std::move(r));
  }

  void SendError(std::string_view path, int status, std::string_view code,
                 std::string_view message) {
    HttpResponse r = ErrorFor(path, status, code, message);
    r.close = true;
    Write(std::move(r));
  }

  // The form budget (server-wide or this circuit's share) is used up.
  void SendBusy() {
    SendRouteError(503, "busy",
                   "The server is receiving too many forms right now. Wait a minute and try "
                   "again.");
  }

  // The head is built by hand into head_ (reused, so no allocation once it
  // has grown): the security headers are one block prepared once, instead of
  // ~10 Beast field allocations and Beast's serializer per response, which
  // were about half of the server's instructions per request.
  void Write(HttpResponse response) {
    // The handler is done with the body: its budget is released and a body
    // cut short (413, 408, 503) is wiped and its buffer pooled.
    if (!body_.idle()) body_.Reset(&server_->body_pool);
    ++requests_;
    parser_.reset();
    plan_.reset();
    const bool keep = !response.close && keep_alive_ && !server_->stopping &&
                      requests_ < config_.max_requests_per_connection;
    res_body_ = std::move(response.body);
    public_body_ = std::move(response.public_body);
    std::string_view body = public_body_ ? std::string_view(*public_body_) : res_body_;
    if (StatusHasNoBody(response.status)) body = {};
    head_.clear();
    AppendResponseHead(response, body.size(), keep, &head_);
    close_after_write_ = !keep;
    SetDeadline(Ms(config_.write_timeout_ms), Expiry::kClose);
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                    asio::buffer(body.data(), body.size())};
    asio::async_write(stream_, buffers, [self = this->shared_from_this()](error_code ec, size_t) {
      self->OnWrite(ec);
    });
  }

  // Response bodies carry bearer tokens (login) and ciphertext a source
  // asked for: wiped before the allocator reuses the memory. A public body
  // is shared and immutable: only released.
  void ReleaseResponseBody() {
    if (!res_body_.empty()) sodium_memzero(res_body_.data(), res_body_.size());
    std::string().swap(res_body_);
    public_body_.reset();
  }

  void OnWrite(error_code ec) {
    ReleaseResponseBody();
    if (ec) return Close();
    if (close_after_write_) return Linger();
    keep_alive_ = true;
    ReadHead();
  }

  // Half-close, then read and discard for close_linger_ms so that the
  // client's unread bytes do not turn our close into a reset that destroys
  // the response in flight.
  void Linger() {
    error_code ignored;
    stream_.shutdown(asio::socket_base::shutdown_send, ignored);
    if (config_.close_linger_ms <= 0) return Close();
    SetDeadline(Ms(config_.close_linger_ms), Expiry::kClose);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(asio::buffer(drain_),
                            [self = this->shared_from_this()](error_code ec, size_t) {
                              if (ec) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    // A form cut short gives its budget back now, not when the last
    // completion lets the session go: a client that sees the close can
    // count on it.
    body_.ReleaseBudget();
    closed_ = true;
    deadline_set_ = false;
    ++timer_epoch_;
    timer_.cancel();  // the pending wait holds the session: let it go now
    CloseSocket();
  }

  void CloseSocket() {
    error_code ignored;
    stream_.shutdown(asio::socket_base::shutdown_both, ignored);
    stream_.close(ignored);
  }

  Socket stream_;
  asio::steady_timer timer_;
  Clock::time_point wait_expiry_;  // of the pending wait, if wait_pending_
  Clock::time_point deadline_;     // if deadline_set_
  Expiry expiry_ = Expiry::kClose;
  bool deadline_set_ = false;
  bool wait_pending_ = false;
  bool closed_ = false;
  HttpServer::Impl* server_;
  const ListenerKind listener_;
  const HttpConfig& config_;
  const uint64_t id_;

  beast::flat_buffer buffer_;  // max size: header_limit_bytes
  std::string proxy_line_;
  std::optional<uint32_t> circuit_id_;
  std::optional<bhttp::request_parser<BeastBodyBuffer>> parser_;
  BodyBuffer body_;  // the request body; holds memory only while a request has one
  bool body_direct_ = false;  // Content-Length body, read without Beast
  bool form_ = false;         // BodyClass::kForm: budget and minimum rate
  size_t head_fields_ = 0;    // header fields before a chunked body (a trailer adds more)
  Clock::time_point body_start_;
  std::optional<RequestHandler::Plan> plan_;
  std::string head_;                                // the response head being written
  std::string res_body_;                            // wiped after the write
  std::shared_ptr<const std::string> public_body_;  // shared, immutable, public
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::array<char, 4096> drain_{};

  std::string path_, query_;
  Method method_ = Method::kOther;
  int requests_ = 0;
  bool keep_alive_ = true;
  bool close_after_write_ = false;
  bool idle_ = true;
  bool timed_out_ = false;
  uint64_t timer_epoch_ = 0;
  size_t head_scanned_ = 0;
};

template <class Protocol>
class Listener : public std::enable_shared_from_this<Listener<Protocol>> {
 public:
  Listener(HttpServer::Impl* server, ListenerKind kind, typename Protocol::acceptor&& acceptor)
      : server_(server),
        kind_(kind),
        acceptor_(std::move(acceptor)),
        retry_(acceptor_.get_executor()) {}

  void Run() { Accept(); }

  void Close() {
    asio::post(acceptor_.get_executor(), [self = this->shared_from_this()] {
      error_code ignored;
      self->acceptor_.close(ignored);
      self->retry_.cancel();
    });
  }

 private:
  void Accept() {
    // With several I/O threads each session runs on its own strand; with one,
    // the io_context is an implicit strand and the strand's locking and
    // queueing (a few thousand instructions per request) are saved.
    acceptor_.async_accept(
        server_->config.threads == 1 ? asio::any_io_executor(server_->ioc.get_executor())
                                     : asio::any_io_executor(asio::make_strand(server_->ioc)),
        [self = this->shared_from_this()](error_code ec, typename Protocol::socket socket) {
          self->OnAccept(ec, std::move(socket));
        });
  }

  void OnAccept(error_code ec, typename Protocol::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // e.g. EMFILE: wait a little instead of spinning.
      Log(LogLevel::kWarning, "accept failed: " + ec.message());
      retry_.expires_after(Ms(100));
      retry_.async_wait([self = this->shared_from_this()](error_code wec) {
        if (!wec) self->Accept();
      });
      return;
    }
    if (server_->stopping || !server_->TryAdmit(kind_)) {
      error_code ignored;
      socket.close(ignored);  // over the connection cap: closed at once
    } else {
      std::make_shared<Session<Protocol>>(std::move(socket), server_, kind_)->Start();
    }
    Accept();
  }

  HttpServer::Impl* server_;
  ListenerKind kind_;
  typename Protocol::acceptor acceptor_;
  asio::steady_timer retry_;
};

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
  for (auto& l : impl->listeners) l.reset();
  for (auto& close : impl->close_listeners) close = nullptr;
  RemoveUnixFiles(impl);
  impl->running = false;
  Log(LogLevel::kInfo, clean ? "stopped" : "stopped (some connections were cut)");
}

}  // namespace dojava::http
