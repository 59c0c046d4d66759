#include "fuzz/raw_request.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "fuzz/api_harness.h"
#include "fuzz/fuzz_input.h"
#include "service/http/internal/beast_body_buffer.h"
#include "service/http/body_buffer.h"
#include "service/http/body_pool.h"
#include "service/http/form_budget.h"
#include "service/http/proxy_protocol.h"
#include "service/http/request_handler.h"
#include "service/http/request_head_check.h"

namespace dojava::fuzz {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using beast::error_code;

// Requests read from one input at most (pipelining on one connection).
constexpr int kMaxRequestsPerInput = 4;

// The server-wide parts of the session's body handling: a pool of wiped body
// buffers (reused across inputs, as across connections) and the form budget.
struct BodyState {
  http::BodyPool pool;
  http::FormBudget budget;
};

BodyState& Bodies(const http::HttpConfig& config) {
  static BodyState* state = new BodyState{
      http::BodyPool(config.body_pool_bytes),
      http::FormBudget(config.form_inflight_bytes, config.form_circuit_inflight_bytes)};
  return *state;
}

// As the session: one request from the front of `wire`. Returns the bytes
// consumed, or 0 when the connection would be closed (error answered, or
// the input ends inside the request).
size_t OneRequest(http::ListenerKind listener, std::string_view wire,
                  std::optional<uint32_t> circuit_id, uint64_t connection_id) {
  const ApiHarness& h = ApiHarness::Get();
  const http::HttpConfig& config = h.config();
  const size_t end = wire.find("\r\n\r\n");
  if (end == std::string_view::npos) return 0;  // 431 or timeout: no route reached
  const size_t n = end + 4;
  if (n > config.header_limit_bytes) return 0;  // 431
  const std::string_view head = wire.substr(0, n);
  if (!http::CheckRequestHead(head).ok()) return 0;  // 400

  bhttp::request_parser<http::internal::BeastBodyBuffer> parser;
  parser.header_limit(config.header_limit_bytes);
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  parser.eager(false);
  error_code ec;
  const size_t used = parser.put(boost::asio::buffer(head.data(), head.size()), ec);
  if (ec || !parser.is_header_done() || used != n) return 0;  // 400 / 413 / 431
  auto& req = parser.get();
  if (req.version() != 11) return 0;  // 505
  std::string_view path, query;
  if (!http::SplitTarget(req.target(), &path, &query)) return 0;  // 400
  const http::Method method = http::ParseMethod(req.method_string());
  const http::ClientKey client{listener, circuit_id, connection_id};
  http::RequestHandler::Plan plan = h.handler().Begin(listener, method, path, client,
                                                      std::chrono::steady_clock::now());
  size_t consumed = n;
  // The body, as the session reads it: into a BodyBuffer (pooled for a
  // body with a Content-Length, budgeted for a form), directly for a
  // Content-Length, through Beast's parser for a chunked body.
  BodyState& bodies = Bodies(config);
  http::BodyBuffer body;
  if (!plan.early && !parser.is_done()) {
    const auto len = parser.content_length();
    if (len && *len > plan.body_limit) return 0;  // 413
    const bool form = plan.route != nullptr && plan.route->options.body == http::BodyClass::kForm;
    const bool direct = len.has_value() && !parser.chunked();
    const uint64_t max_length = len ? *len : plan.body_limit;
    if (form) {
      if (!len) return 0;  // 411
      body.Start(SecretBytes(), max_length, &bodies.budget,
                 http::FormBudget::Holder{listener, circuit_id});
      if (!body.Prepare(1).ok()) return 0;  // 503
    } else {
      SecretBytes pooled = direct ? bodies.pool.Take(max_length) : SecretBytes();
      // A reused buffer shows nothing of an earlier request (BodyPool::Give wiped it).
      for (uint8_t b : pooled.reveal()) {
        if (b != 0) std::abort();
      }
      body.Start(std::move(pooled), max_length, nullptr, {});
    }
    std::string_view rest = wire.substr(n);
    if (direct) {
      if (rest.size() < max_length) return 0;  // the client stopped sending: timeout
      if (!body.Append(reinterpret_cast<const uint8_t*>(rest.data()), max_length).ok()) {
        return 0;  // 503
      }
      consumed += max_length;
    } else {
      parser.get().body() = &body;
      const size_t head_fields = http::internal::FieldCount(parser.get());
      parser.body_limit(plan.body_limit);
      parser.eager(true);
      while (!parser.is_done()) {
        if (rest.empty()) return 0;  // the client stopped sending: timeout
        const size_t got = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        if (ec == bhttp::error::need_more) {
          // Beast wants more than what is left (a chunk header cut short).
          return 0;
        }
        if (ec) return 0;  // 400 / 413 / 503
        rest.remove_prefix(got);
        consumed += got;
        if (got == 0) return 0;
      }
      if (http::internal::FieldCount(parser.get()) != head_fields) return 0;  // a trailer: 400
    }
  }

  http::HttpRequest request;
  request.listener = listener;
  request.method = method;
  request.path = std::string(path);
  request.query = std::string(query);
  request.circuit_id = circuit_id;
  if (plan.early) {
    ApiHarness::CheckResponse(request, *plan.early);
    return parser.is_done() ? consumed : 0;
  }
  for (const auto& field : req) {
    if (http::IsForwardedHeader(field.name_string())) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), SecretBytes::Copy(field.value()));
    }
  }
  request.body = body.Take();
  const bool keep_alive = req.keep_alive();
  const http::HttpResponse response = h.handler().Finish(plan, request);
  ApiHarness::CheckResponse(request, response);
  bodies.pool.Give(std::move(request.body));
  body.Reset(&bodies.pool);
  return response.close || !keep_alive ? 0 : consumed;
}

}  // namespace

void RunRawRequests(http::ListenerKind listener, const uint8_t* data, size_t size) {
  ApiHarness& h = ApiHarness::Get();
  h.BeginInput();
  const std::string wire = h.Substitute(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string_view rest = wire;
  std::optional<uint32_t> circuit_id;
  // A listener with proxy_protocol on reads one PROXY v1 line first (tor's
  // HiddenServiceExportCircuitID haproxy); an input that starts like one is
  // read that way.
  if (rest.starts_with("PROXY ")) {
    const size_t eol = rest.find("\r\n");
    if (eol == std::string_view::npos || eol + 2 > http::kProxyV1MaxLineBytes) return;
    Result<uint32_t> id = http::ParseTorProxyV1(rest.substr(0, eol + 2));
    if (!id.ok()) return;  // the session closes without an answer
    circuit_id = id.value();
    rest.remove_prefix(eol + 2);
  }
  static uint64_t connection_id = 0;
  ++connection_id;
  for (int i = 0; i < kMaxRequestsPerInput && !rest.empty(); ++i) {
    const size_t used = OneRequest(listener, rest, circuit_id, connection_id);
    if (used == 0) break;
    rest.remove_prefix(used);
  }
  // However a request ended (answered, refused, cut off), it gave its form
  // budget back: a leak here would starve every later form.
  if (Bodies(h.config()).budget.InFlight() != 0) std::abort();
}

}  // namespace dojava::fuzz
