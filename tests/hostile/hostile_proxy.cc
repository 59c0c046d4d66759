#include "tests/hostile/hostile_proxy.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace dojava::hostile {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Whole answers pass through: a chunk record is 524305 bytes, a message
// listing at most about 8 MiB (service/API.md).
constexpr uint64_t kBodyLimit = 64ull << 20;
constexpr std::chrono::milliseconds kPoll{100};

bool IsJson(const http::fields& f) {
  const auto it = f.find(http::field::content_type);
  return it != f.end() && it->value().find("json") != beast::string_view::npos;
}

}  // namespace

struct HostileProxy::Io {
  asio::io_context ioc;  // never run: every operation here is synchronous
  tcp::acceptor acceptor{ioc};
};

HostileProxy::HostileProxy(uint16_t upstream_port)
    : io_(std::make_unique<Io>()), upstream_port_(upstream_port) {
  const tcp::endpoint loopback(asio::ip::make_address("127.0.0.1"), 0);
  io_->acceptor.open(loopback.protocol());
  io_->acceptor.bind(loopback);
  io_->acceptor.listen();
  port_ = io_->acceptor.local_endpoint().port();
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

HostileProxy::~HostileProxy() {
  stop_ = true;
  acceptor_.join();
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    threads.swap(connections_);
  }
  for (auto& t : threads) t.join();
}

void HostileProxy::Rewrite(const std::string& method, const std::string& target,
                           RewriteFn rewrite) {
  auto rule = std::make_shared<Rule>(Rule{method, std::regex(target), std::move(rewrite), true});
  std::lock_guard<std::mutex> lock(mu_);
  rules_.push_back(std::move(rule));
}

void HostileProxy::Answer(const std::string& method, const std::string& target, int status,
                          std::string body) {
  auto rule = std::make_shared<Rule>(Rule{method, std::regex(target),
                                          [status, body = std::move(body)](int& s, std::string& b) {
                                            s = status;
                                            b = body;
                                          },
                                          false});
  std::lock_guard<std::mutex> lock(mu_);
  rules_.push_back(std::move(rule));
}

void HostileProxy::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  rules_.clear();
}

std::vector<Seen> HostileProxy::seen() const {
  std::lock_guard<std::mutex> lock(mu_);
  return seen_;
}

std::vector<Seen> HostileProxy::Requests(const std::string& method,
                                         const std::string& target) const {
  const std::regex re(target);
  std::vector<Seen> out;
  for (const Seen& s : seen()) {
    if (s.method == method && std::regex_match(s.target, re)) out.push_back(s);
  }
  return out;
}

void HostileProxy::ForgetSeen() {
  std::lock_guard<std::mutex> lock(mu_);
  seen_.clear();
}

std::shared_ptr<const HostileProxy::Rule> HostileProxy::Match(const std::string& method,
                                                              const std::string& target) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if ((*it)->method == method && std::regex_match(target, (*it)->target)) return *it;
  }
  return nullptr;
}

void HostileProxy::Track(int fd, bool add) {
  std::lock_guard<std::mutex> lock(mu_);
  if (add) {
    open_fds_.push_back(fd);
  } else {
    open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
  }
}

void HostileProxy::AcceptLoop() {
  const int listen_fd = io_->acceptor.native_handle();
  while (!stop_) {
    pollfd p{listen_fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(kPoll.count())) <= 0) continue;
    const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    open_fds_.push_back(fd);
    connections_.emplace_back([this, fd] { Serve(fd); });
  }
}

void HostileProxy::Serve(int client_fd) {
  beast::error_code ec;
  tcp::socket client(io_->ioc);
  client.assign(tcp::v4(), client_fd, ec);
  tcp::socket upstream(io_->ioc);
  bool connected = false;
  beast::flat_buffer from_client, from_upstream;
  while (!stop_ && !ec) {
    http::request_parser<http::string_body> req_parser;
    req_parser.body_limit(kBodyLimit);
    http::read(client, from_client, req_parser, ec);
    if (ec) break;
    http::request<http::string_body> req = req_parser.release();
    const std::string method(req.method_string());
    const std::string target(req.target());
    const std::shared_ptr<const Rule> rule = Match(method, target);
    http::response<http::string_body> res{http::status::ok, req.version()};
    if (!rule || rule->forward) {
      if (!connected) {
        upstream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), upstream_port_), ec);
        if (ec) break;
        Track(upstream.native_handle(), true);
        connected = true;
      }
      http::write(upstream, req, ec);
      http::response_parser<http::string_body> res_parser;
      res_parser.body_limit(kBodyLimit);
      if (!ec) http::read(upstream, from_upstream, res_parser, ec);
      if (ec) break;
      res = res_parser.release();
      if (!res.keep_alive()) {
        Track(upstream.native_handle(), false);
        upstream.close(ec);
        connected = false;
        ec = {};
      }
    } else {
      res.set(http::field::content_type, "application/json");
      res.set(http::field::cache_control, "no-store");
    }
    if (rule) {
      int status = static_cast<int>(res.result_int());
      rule->rewrite(status, res.body());
      res.result(static_cast<unsigned>(status));
      res.prepare_payload();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back(Seen{method, target, IsJson(req) ? req.body() : std::string(),
                           static_cast<int>(res.result_int())});
    }
    res.keep_alive(req.keep_alive());
    http::write(client, res, ec);
    if (!req.keep_alive()) break;
  }
  if (connected) Track(upstream.native_handle(), false);
  Track(client_fd, false);
  upstream.close(ec);
  client.close(ec);
}

}  // namespace dojava::hostile
