// The one translation unit of the reader that includes Beast (its parser).
#include "service/http/internal/request_reader.h"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <cctype>
#include <limits>
#include <string>
#include <utility>

#include "service/http/internal/beast_body_buffer.h"
#include "service/http/proxy_protocol.h"
#include "service/http/request_head_check.h"

namespace dojava::http::internal {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Ms = std::chrono::milliseconds;

struct RequestReader::Parse {
  bhttp::request_parser<BeastBodyBuffer> parser;
  RequestHandler::Plan plan;
  std::string path, query;
  Method method = Method::kOther;
  bool form = false;       // BodyClass::kForm: budget and minimum rate
  bool direct = false;     // a Content-Length body, read without Beast
  size_t head_fields = 0;  // header fields before a chunked body (a trailer adds more)
  Clock::time_point body_start;
};

RequestReader::RequestReader(const Shared& shared, ListenerKind listener, uint64_t connection_id,
                             bool proxy_protocol)
    : shared_(shared),
      listener_(listener),
      connection_id_(connection_id),
      proxy_protocol_(proxy_protocol),
      phase_(proxy_protocol ? ReadPhase::kProxyLine : ReadPhase::kHead),
      input_(shared.config->header_limit_bytes) {}

RequestReader::~RequestReader() { body_.Reset(shared_.body_pool); }

ReadStep RequestReader::Begin(Clock::time_point now) {
  phase_ = proxy_protocol_ && !circuit_id_ ? ReadPhase::kProxyLine : ReadPhase::kHead;
  head_scanned_ = 0;
  return Scan(now);
}

std::span<char> RequestReader::InputRoom() { return input_.Prepare(kReadBytes); }

ReadStep RequestReader::InputReceived(size_t n, Clock::time_point now) {
  input_.Commit(n);
  return Scan(now);
}

ReadStep RequestReader::Scan(Clock::time_point now) {
  switch (phase_) {
    case ReadPhase::kProxyLine:
      return ScanProxyLine(now);
    case ReadPhase::kHead:
      return ScanHead(now);
    case ReadPhase::kBody:
      return FeedChunked();
    case ReadPhase::kDone:
      break;
  }
  return ReadStep::kClose;
}

// tor's PROXY v1 line (HiddenServiceExportCircuitID haproxy) comes first;
// anything else closes the connection without an answer, as tor would see.
ReadStep RequestReader::ScanProxyLine(Clock::time_point now) {
  const std::string_view data = input_.data().substr(0, kProxyV1MaxLineBytes);
  const size_t eol = data.find("\r\n");
  if (eol == std::string_view::npos) {
    return data.size() == kProxyV1MaxLineBytes ? ReadStep::kClose : ReadStep::kReadInput;
  }
  Result<uint32_t> id = ParseTorProxyV1(data.substr(0, eol + 2));
  if (!id.ok()) return ReadStep::kClose;
  circuit_id_ = id.value();
  input_.ConsumeWiping(eol + 2);  // the bytes after it belong to the first request
  phase_ = ReadPhase::kHead;
  head_scanned_ = 0;
  return ScanHead(now);
}

ReadStep RequestReader::ScanHead(Clock::time_point now) {
  const std::string_view data = input_.data();
  const size_t from = head_scanned_ > 3 ? head_scanned_ - 3 : 0;
  head_scanned_ = data.size();
  const size_t pos = data.find("\r\n\r\n", from);
  if (pos != std::string_view::npos) return OnHead(pos + 4, now);
  if (data.size() == input_.max_size()) {
    return Fail(431, "header_too_large", "The request head is too large.");
  }
  return ReadStep::kReadInput;
}

ReadStep RequestReader::OnHead(size_t head_bytes, Clock::time_point now) {
  if (!CheckRequestHead(input_.data().substr(0, head_bytes)).ok()) {
    return Fail(400, "bad_request", "The request is malformed.");
  }
  if (std::optional<ReadStep> failed = ParseHead(head_bytes)) return *failed;
  return Route(now);
}

// Beast's parser over the checked head; nullopt when it parsed.
std::optional<ReadStep> RequestReader::ParseHead(size_t head_bytes) {
  parse_ = std::make_unique<Parse>();
  auto& parser = parse_->parser;
  parser.header_limit(shared_.config->header_limit_bytes);
  // Beast's default body cap (1 MiB) would turn a larger Content-Length into
  // a parse error (400) before the route is known; the route's own cap is
  // checked in SetUpBody() (413) and set before the body is read.
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  parser.eager(false);
  beast::error_code ec;
  const size_t used = parser.put(boost::asio::buffer(input_.data().data(), head_bytes), ec);
  if (ec == bhttp::error::header_limit) {
    return Fail(431, "header_too_large", "The request head is too large.");
  }
  if (ec == bhttp::error::body_limit) {
    return Fail(413, "body_too_large", "The request body is too large.");
  }
  if (ec || !parser.is_header_done() || used != head_bytes) {
    return Fail(400, "bad_request", "The request is malformed.");
  }
  input_.Consume(used);
  if (parser.get().version() != 11) {
    return Fail(505, "http_version", "Only HTTP/1.1 is supported.");
  }
  std::string_view path, query;
  if (!SplitTarget(parser.get().target(), &path, &query)) {
    return Fail(400, "bad_request", "The request target is malformed.");
  }
  parse_->path = std::string(path);
  parse_->query = std::string(query);
  parse_->method = ParseMethod(parser.get().method_string());
  return std::nullopt;
}

ReadStep RequestReader::Route(Clock::time_point now) {
  Parse& p = *parse_;
  p.plan = shared_.handler->Begin(listener_, p.method, p.path,
                                  ClientKey{listener_, circuit_id_, connection_id_}, now,
                                  p.query);
  if (p.plan.early) {
    response_ = std::move(*p.plan.early);
    // A body we will not read makes the connection unusable; a client that
    // asked to close gets its close, as after a routed answer (RFC 9112
    // section 9.6).
    if (!p.parser.is_done() || !p.parser.get().keep_alive()) response_.close = true;
    phase_ = ReadPhase::kDone;
    return ReadStep::kRespond;
  }
  if (p.parser.is_done()) return Complete();
  return SetUpBody(now);
}

ReadStep RequestReader::SetUpBody(Clock::time_point now) {
  Parse& p = *parse_;
  const auto len = p.parser.content_length();
  if (len && *len > p.plan.body_limit) return BodyTooLarge();
  // The body goes into guarded memory that grows only as bytes arrive
  // (BodyBuffer), never sized from the declared length alone.
  p.form = p.plan.route != nullptr && p.plan.route->options.body == BodyClass::kForm;
  p.direct = len.has_value() && !p.parser.chunked();
  const uint64_t max_length = len ? *len : p.plan.body_limit;
  if (p.form) {
    if (!len) return RouteFail(411, "length_required", "A form needs a Content-Length.");
    // Many large forms at once must not exhaust memory: a form's buffer is
    // reserved from the form budget (server-wide and per circuit) as it
    // grows. Its first step (at most BodyBuffer::kMinGrowthBytes) now, so
    // that a server at its budget answers before the body is sent.
    body_.Start(SecretBytes(), max_length, shared_.form_budget,
                FormBudget::Holder{listener_, circuit_id_});
    if (!body_.Prepare(1).ok()) return Busy();
  } else {
    // A chunk upload reuses a wiped buffer of the right size: no
    // allocation, no page faults. A chunked (Beast-framed) body of unknown
    // length starts empty.
    body_.Start(p.direct ? shared_.body_pool->Take(max_length) : SecretBytes(), max_length, nullptr,
                {});
  }
  p.parser.body_limit(p.plan.body_limit);
  phase_ = ReadPhase::kBody;
  // The route admits the request: a client waiting for "100 Continue" gets
  // it now (unless it has already started sending the body).
  if (beast::iequals(p.parser.get()[bhttp::field::expect], "100-continue") && input_.size() == 0) {
    return ReadStep::kSendContinue;
  }
  return StartBody(now);
}

ReadStep RequestReader::ContinueSent(Clock::time_point now) { return StartBody(now); }

// A body with a Content-Length is read straight into body_ (the bytes that
// came with the head first, then reads as large as the rest of the body);
// only a chunked body goes through Beast's parser (BeastBodyBuffer appends
// to body_). Either way the bytes are copied at most once, into guarded
// memory.
ReadStep RequestReader::StartBody(Clock::time_point now) {
  Parse& p = *parse_;
  p.body_start = now;
  if (!p.direct) {
    p.parser.get().body() = &body_;
    p.head_fields = FieldCount(p.parser.get());
    return FeedChunked();
  }
  const size_t have = static_cast<size_t>(std::min<uint64_t>(input_.size(), body_.max_length()));
  if (have > 0) {
    const bool appended =
        body_.Append(reinterpret_cast<const uint8_t*>(input_.data().data()), have).ok();
    // The bytes are in guarded memory now (or refused): the plain input
    // buffer, which lives as long as the connection, keeps none of them.
    input_.ConsumeWiping(have);
    if (!appended) return BodyTooLarge();
  }
  return NextDirectRead();
}

ReadStep RequestReader::NextDirectRead() {
  if (body_.size() == body_.max_length()) return Complete();
  Result<std::span<uint8_t>> room = body_.Prepare(body_.max_length() - body_.size());
  if (!room.ok()) return BodyTooLarge();
  body_room_ = *room;
  return ReadStep::kReadBody;
}

ReadStep RequestReader::BodyReceived(size_t n) {
  body_.Commit(n);
  body_room_ = {};
  return NextDirectRead();
}

// The chunked body's bytes in input_ through Beast's parser into body_.
ReadStep RequestReader::FeedChunked() {
  auto& parser = parse_->parser;
  while (input_.size() > 0 && !parser.is_done()) {
    beast::error_code ec;
    const size_t used = parser.put(boost::asio::buffer(input_.data().data(), input_.size()), ec);
    input_.ConsumeWiping(used);
    if (ec == bhttp::error::need_more) break;
    if (ec == bhttp::error::body_limit || ec == boost::system::errc::value_too_large) {
      return BodyTooLarge();
    }
    if (ec) return RouteFail(400, "bad_request", "The request body is malformed.");
    if (used == 0) break;
  }
  if (parser.is_done()) {
    // A trailer's fields would join the head's unchecked.
    if (FieldCount(parser.get()) != parse_->head_fields) {
      return RouteFail(400, "bad_request", "The request body is malformed.");
    }
    return Complete();
  }
  if (input_.size() == input_.max_size()) {  // a chunk line longer than the buffer
    return RouteFail(400, "bad_request", "The request body is malformed.");
  }
  return ReadStep::kReadInput;
}

ReadStep RequestReader::Complete() {
  phase_ = ReadPhase::kDone;
  return ReadStep::kDispatch;
}

ReadStep RequestReader::ReadFailed(bool timed_out) {
  const ReadPhase phase = phase_;
  phase_ = ReadPhase::kDone;
  // 408 only if the client started a request; an idle keep-alive connection
  // (or one that sent nothing) is closed silently.
  if (phase == ReadPhase::kHead && timed_out && input_.size() > 0) {
    return Fail(408, "timeout", "The request took too long.");
  }
  if (phase == ReadPhase::kBody && timed_out) {
    return RouteFail(408, "timeout", "The request took too long.");
  }
  return ReadStep::kClose;
}

HttpResponse RequestReader::TakeResponse() {
  HttpResponse out = std::move(response_);
  response_ = HttpResponse();
  return out;
}

ReadyRequest RequestReader::TakeRequest() {
  Parse& p = *parse_;
  const auto& req = p.parser.get();
  ReadyRequest out;
  out.request.listener = listener_;
  out.request.method = p.method;
  out.request.path = std::move(p.path);
  out.request.query = std::move(p.query);
  out.request.circuit_id = circuit_id_;
  for (const auto& field : req) {
    if (IsForwardedHeader(field.name_string())) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.request.headers.emplace_back(std::move(name), SecretBytes::Copy(field.value()));
    }
  }
  // Handed over without a copy; BodyPool::Give() wipes it after the handler.
  if (!body_.idle()) out.request.body = body_.Take();
  out.keep_alive = req.keep_alive();
  out.plan = std::move(p.plan);
  parse_.reset();
  return out;
}

void RequestReader::RequestDone() {
  if (!body_.idle()) body_.Reset(shared_.body_pool);
  body_room_ = {};
  parse_.reset();
}

bool RequestReader::form_body() const {
  return phase_ == ReadPhase::kBody && parse_ != nullptr && parse_->form;
}

RequestReader::Clock::time_point RequestReader::BodyDeadline() const {
  const HttpConfig& c = *shared_.config;
  Clock::time_point end = parse_->body_start + Ms(c.body_timeout_ms);
  if (parse_->form && c.form_min_bytes_per_second > 0) {
    const uint64_t behind_ms = body_.size() * 1000 / c.form_min_bytes_per_second;
    const Clock::time_point pace =
        parse_->body_start + Ms(c.form_rate_grace_ms) +
        Ms(static_cast<int64_t>(std::min<uint64_t>(behind_ms, uint64_t{1} << 40)));
    end = std::min(end, pace);
  }
  return end;
}

namespace {

// The path and query of the request line at the start of `input` when it
// is complete and well formed; both empty otherwise. Only to choose the
// error page of a head refused before it was parsed (431, 400).
void RequestLineTarget(std::string_view input, std::string_view* path, std::string_view* query) {
  *path = {};
  *query = {};
  const std::string_view line = input.substr(0, input.find("\r\n"));
  if (line.size() == input.size()) return;  // no whole request line
  const size_t sp1 = line.find(' ');
  const size_t sp2 = line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 <= sp1 + 1) return;
  std::string_view p, q;
  if (SplitTarget(line.substr(sp1 + 1, sp2 - sp1 - 1), &p, &q)) {
    *path = p;
    *query = q;
  }
}

}  // namespace

ReadStep RequestReader::Fail(int status, std::string_view code, std::string_view message) {
  // A browser that reached a page gets that page's kind of answer (the
  // server's translated HTML page), an API client JSON (ErrorOn).
  std::string_view path, query;
  if (parse_ && !parse_->path.empty()) {
    path = parse_->path;
    query = parse_->query;
  } else {
    RequestLineTarget(input_.data(), &path, &query);
  }
  response_ = shared_.handler->ErrorOn(nullptr, path, query, status, code, message);
  response_.close = true;
  phase_ = ReadPhase::kDone;
  return ReadStep::kRespond;
}

// The route's own error page if it has one (the no-JavaScript pages answer
// in the source's language), else the generic one.
ReadStep RequestReader::RouteFail(int status, std::string_view code, std::string_view message) {
  const http::Route* route = parse_ ? parse_->plan.route : nullptr;
  if (route == nullptr || !route->options.error_page) {
    response_ = parse_ ? shared_.handler->ErrorOn(nullptr, parse_->path, parse_->query, status,
                                                  code, message)
                       : ErrorFor("", status, code, message);
  } else {
    response_ = route->options.error_page(status, parse_->query);
  }
  response_.close = true;
  phase_ = ReadPhase::kDone;
  return ReadStep::kRespond;
}

// Over the route's cap, unless the form budget refused the growth.
ReadStep RequestReader::BodyTooLarge() {
  if (body_.refused()) return Busy();
  return RouteFail(413, "body_too_large", "The request body is too large.");
}

// The form budget (server-wide or this circuit's share) is used up.
ReadStep RequestReader::Busy() {
  return RouteFail(503, "busy",
                   "The server is receiving too many forms right now. Wait a minute and try "
                   "again.");
}

}  // namespace dojava::http::internal
