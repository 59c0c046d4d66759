#include "client/http_client.h"

#include <algorithm>
#include <boost/beast/http/parser.hpp>
#include <cstring>

#include "client/socks5.h"

namespace dojava::client {
namespace http = boost::beast::http;

namespace {

void Append(SecretBytes* buf, size_t* used, std::string_view s) {
  std::memcpy(buf->reveal_mut().data() + *used, s.data(), s.size());
  *used += s.size();
}

bool HeaderValueOk(std::string_view v) {
  return std::none_of(v.begin(), v.end(), [](char c) { return c == '\r' || c == '\n'; });
}

// A response body read into a dojava::Bytes (the caller's buffer, reused).
struct BytesBody {
  using value_type = Bytes;

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<uint64_t>&, boost::beast::error_code& ec) { ec = {}; }

    template <class ConstBufferSequence>
    size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      const size_t n = boost::asio::buffer_size(buffers);
      const size_t old = body_.size();
      body_.resize(old + n);
      boost::asio::buffer_copy(boost::asio::buffer(body_.data() + old, n), buffers);
      ec = {};
      return n;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace

Status HttpClient::Connect(Deadline deadline) {
  fd_.reset();
  const ServerUrl& s = options_.server;
  Result<UniqueFd> fd = Status(Code::kInternal, "unset");
  if (s.kind == ServerUrl::Kind::kUnix) {
    fd = ConnectUnix(s.path, deadline);
  } else if (options_.socks5) {
    fd = ConnectTcp(options_.socks5->host, options_.socks5->port, deadline);
    if (!fd.ok()) {
      return Status(Code::kIoError, "cannot reach the SOCKS5 proxy " + options_.socks5->host + ":" +
                                        std::to_string(options_.socks5->port) + " (" +
                                        fd.status().message() + "); is tor running?");
    }
    Status hs = Socks5Connect(fd->get(), s.host, s.port, deadline);
    if (!hs.ok())
      return Status(Code::kIoError, "cannot reach " + s.canonical + ": " + hs.message());
  } else {
    if (s.is_onion()) {
      return Status(Code::kInvalidArgument,
                    "an .onion address needs tor: add --socks5 127.0.0.1:9050");
    }
    if (!s.is_loopback()) {
      return Status(Code::kInvalidArgument,
                    "refusing a direct (clearnet) connection to " + s.canonical +
                        ": it would reveal your address; use its .onion address with --socks5 "
                        "127.0.0.1:9050 (only loopback servers are reached directly)");
    }
    fd = ConnectTcp(s.host, s.port, deadline);
  }
  if (!fd.ok()) {
    return Status(Code::kIoError, "cannot reach " + s.canonical + ": " + fd.status().message());
  }
  fd_ = std::move(fd).value();
  return Status::Ok();
}

Result<HttpResponse> HttpClient::Send(std::string_view method, std::string_view target,
                                      const std::vector<HttpHeader>& headers, ByteView body,
                                      std::string_view content_type, size_t max_body,
                                      Bytes body_buffer) {
  // The head, in wiped memory: it may carry a token or a lookup key.
  size_t size = 256 + method.size() + target.size() + options_.server.HostHeader().size() +
                content_type.size();
  for (const auto& h : headers) {
    size += h.name.size() + 4 + h.value.size() + (h.secret_value ? h.secret_value->size() : 0);
  }
  if (head_.capacity() < size) head_ = SecretBytes(std::max<size_t>(size, 1024));
  head_.Resize(size);
  SecretBytes* head = &head_;
  size_t used = 0;
  Append(head, &used, method);
  Append(head, &used, " ");
  Append(head, &used, target);
  Append(head, &used, " HTTP/1.1\r\nHost: ");
  Append(head, &used, options_.server.HostHeader());
  Append(head, &used, "\r\nAccept: application/json, application/octet-stream\r\n");
  for (const auto& h : headers) {
    const std::string_view v = h.secret_value ? h.secret_value->reveal_chars() : std::string_view();
    if (!HeaderValueOk(v) || !HeaderValueOk(h.value) || !HeaderValueOk(h.name)) {
      head_.Resize(0);
      return Status(Code::kInvalidArgument, "header value with a line break");
    }
    Append(head, &used, h.name);
    Append(head, &used, ": ");
    Append(head, &used, h.value);
    Append(head, &used, v);
    Append(head, &used, "\r\n");
  }
  if (!content_type.empty()) {
    Append(head, &used, "Content-Type: ");
    Append(head, &used, content_type);
    Append(head, &used, "\r\n");
  }
  if (!body.empty() || method == "POST" || method == "PUT") {
    Append(head, &used, "Content-Length: ");
    Append(head, &used, std::to_string(body.size()));
    Append(head, &used, "\r\n");
  }
  Append(head, &used, "\r\n");
  head_.Resize(used);
  Result<HttpResponse> r = SendHead(body, max_body, std::move(body_buffer));
  head_.Resize(0);  // wipes it
  return r;         // moved, not copied: the body may be a chunk record
}

Result<HttpResponse> HttpClient::SendHead(ByteView body, size_t max_body, Bytes body_buffer) {
  const Deadline deadline = Clock::now() + options_.io_timeout;
  // A kept-alive connection may have been closed by the server meanwhile:
  // if nothing at all came back on a reused connection, reconnect once.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = fd_.valid();
    if (!reused) {
      DOJAVA_RETURN_IF_ERROR(Connect(std::min(deadline, Clock::now() + options_.connect_timeout)));
    }
    bool nothing = false;
    auto r = Exchange(body, max_body, deadline, &nothing, &body_buffer);
    if (r.ok()) return r;
    fd_.reset();
    if (!(reused && nothing)) {
      if (r.code() == Code::kIoError) {
        return Status(Code::kIoError, "lost the connection to " + options_.server.canonical + ": " +
                                          r.status().message());
      }
      return r.status();
    }
  }
  return Status(Code::kIoError, "cannot reach " + options_.server.canonical);
}

// Reads a body of `length` bytes (checked against the limit by the caller)
// straight into *out: `start` (read with the head) first, the rest received
// into *out itself, one copy from the socket.
Status HttpClient::ReadBody(size_t length, ByteView start, Deadline deadline, Bytes* out) {
  // Bytes past the body would be an answer to no request of ours.
  if (start.size() > length) {
    return Status(Code::kIoError, "bad HTTP response: bytes after the body");
  }
  out->resize(length);  // no fill when a reused buffer already has this size
  size_t got = start.size();
  if (got > 0) std::memcpy(out->data(), start.data(), got);
  while (got < length) {
    DOJAVA_ASSIGN_OR_RETURN(size_t n, ReadSome(fd_.get(), std::span(*out).subspan(got), deadline));
    if (n == 0) return Status(Code::kIoError, "connection closed by the server");
    got += n;
  }
  return Status::Ok();
}

Result<HttpResponse> HttpClient::Exchange(ByteView body, size_t max_body, Deadline deadline,
                                          bool* nothing_received, Bytes* body_buffer) {
  *nothing_received = true;
  DOJAVA_RETURN_IF_ERROR(WriteAll(fd_.get(), head_.reveal(), deadline));
  if (!body.empty()) DOJAVA_RETURN_IF_ERROR(WriteAll(fd_.get(), body, deadline));

  http::response_parser<BytesBody> parser;
  // Not eager: put() stops after the head, so that a body of known length
  // is read straight into its buffer (ReadBody) instead of through the
  // parser; chunked bodies and bodies up to the close go through it.
  parser.eager(false);
  parser.header_limit(static_cast<uint32_t>(options_.max_header_bytes));
  parser.body_limit(max_body);
  // The head (at most max_header_bytes) and whatever came with it; grows
  // for a chunked body.
  std::vector<uint8_t> buf(16 * 1024);
  size_t have = 0;  // unconsumed bytes at the front of buf
  boost::beast::error_code ec;
  bool direct = false;  // the body was read by ReadBody
  while (!parser.is_done()) {
    if (have == buf.size()) buf.resize(buf.size() * 2);
    DOJAVA_ASSIGN_OR_RETURN(size_t n, ReadSome(fd_.get(), std::span(buf).subspan(have), deadline));
    if (n == 0) {
      if (!*nothing_received && parser.is_header_done() && parser.need_eof() && have == 0) {
        parser.put_eof(ec);
        if (ec) return Status(Code::kIoError, "bad HTTP response: " + ec.message());
        break;
      }
      return Status(Code::kIoError, "connection closed by the server");
    }
    *nothing_received = false;
    have += n;
    for (;;) {
      const size_t used = parser.put(boost::asio::buffer(buf.data(), have), ec);
      if (!ec && parser.is_header_done() && !parser.is_done() && !parser.chunked() &&
          parser.content_length()) {
        if (*parser.content_length() > max_body) {
          return Status(Code::kResourceExhausted, "the server's response is too large");
        }
        DOJAVA_RETURN_IF_ERROR(ReadBody(static_cast<size_t>(*parser.content_length()),
                                        ByteView(buf).subspan(used, have - used), deadline,
                                        body_buffer));
        parser.get().body() = std::move(*body_buffer);
        direct = true;
        break;
      }
      std::memmove(buf.data(), buf.data() + used, have - used);
      have -= used;
      if (ec == http::error::need_more) {
        ec = {};
        break;
      }
      if (ec == http::error::body_limit) {
        return Status(Code::kResourceExhausted, "the server's response is too large");
      }
      if (ec == http::error::header_limit) {
        return Status(Code::kResourceExhausted, "the server's response head is too large");
      }
      if (ec) return Status(Code::kIoError, "bad HTTP response: " + ec.message());
      parser.eager(true);
      if (parser.is_done() || used == 0) break;
    }
    if (direct) break;
  }
  auto& msg = parser.get();
  HttpResponse r;
  r.status = static_cast<int>(msg.result_int());
  r.content_type = std::string(msg[http::field::content_type]);
  r.retry_after = std::string(msg[http::field::retry_after]);
  r.body = std::move(msg.body());
  if (!parser.keep_alive()) fd_.reset();
  return r;
}

}  // namespace dojava::client
