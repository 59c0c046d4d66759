#include "fuzz/raw_request.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "fuzz/api_harness.h"
#include "service/http/body_pool.h"
#include "service/http/form_budget.h"
#include "service/http/internal/request_reader.h"

namespace dojava::fuzz {
namespace {

using http::internal::ReadStep;
using http::internal::RequestReader;
using Clock = std::chrono::steady_clock;

// Requests read from one input at most (pipelining on one connection).
constexpr int kMaxRequestsPerInput = 4;

// The server-wide parts the sessions share: a pool of wiped body buffers
// (reused across inputs, as across connections) and the form budget.
struct Shared {
  http::BodyPool pool;
  http::FormBudget budget;
};

Shared& SharedParts(const http::HttpConfig& config) {
  static Shared* shared =
      new Shared{http::BodyPool(config.body_pool_bytes),
                 http::FormBudget(config.form_inflight_bytes, config.form_circuit_inflight_bytes)};
  return *shared;
}

// The bytes of one connection, handed out as reads would deliver them.
class Wire {
 public:
  explicit Wire(std::string_view bytes) : rest_(bytes) {}
  bool empty() const { return rest_.empty(); }
  // Copies as much as fits into `room`; returns how much.
  template <class T>
  size_t ReadInto(std::span<T> room) {
    const size_t n = std::min(room.size(), rest_.size());
    std::memcpy(room.data(), rest_.data(), n);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
};

// The session's answer path: the handler, the body back into the pool.
// Returns whether the connection stays open.
bool Answer(const ApiHarness& h, Shared& shared, RequestReader& reader) {
  http::internal::ReadyRequest ready = reader.TakeRequest();
  const http::HttpResponse response = h.handler().Finish(ready.plan, ready.request);
  ApiHarness::CheckResponse(ready.request, response);
  if (ready.request.body.capacity() > 0) shared.pool.Give(std::move(ready.request.body));
  reader.RequestDone();
  return !response.close && ready.keep_alive;
}

// An answer of the reader itself (an error, or the route's early 404/429).
// Every error it produces closes the connection.
bool AnswerEarly(RequestReader& reader) {
  const http::HttpResponse response = reader.TakeResponse();
  ApiHarness::CheckResponse(http::HttpRequest(), response);
  if (response.status != 404 && response.status != 429 && !response.close) std::abort();
  reader.RequestDone();
  return !response.close;
}

}  // namespace

void RunRawRequests(http::ListenerKind listener, const uint8_t* data, size_t size) {
  ApiHarness& h = ApiHarness::Get();
  h.BeginInput();
  const std::string bytes =
      h.Substitute(std::string_view(reinterpret_cast<const char*>(data), size));
  Shared& shared = SharedParts(h.config());
  static uint64_t connection_id = 0;
  {
    // A listener with proxy_protocol on reads one PROXY v1 line first (tor's
    // HiddenServiceExportCircuitID haproxy); an input that starts like one
    // is read by such a listener.
    RequestReader reader(
        RequestReader::Shared{&h.config(), &h.handler(), &shared.budget, &shared.pool}, listener,
        ++connection_id, bytes.starts_with("PROXY "));
    Wire wire(bytes);
    ReadStep step = reader.Begin(Clock::now());
    int requests = 0;
    bool open = true;
    while (open && requests < kMaxRequestsPerInput) {
      switch (step) {
        case ReadStep::kReadInput:
        case ReadStep::kReadBody:
          if (wire.empty()) {  // the client stopped sending: the deadline passes
            step = reader.ReadFailed(true);
          } else if (step == ReadStep::kReadInput) {
            step = reader.InputReceived(wire.ReadInto(reader.InputRoom()), Clock::now());
          } else {
            step = reader.BodyReceived(wire.ReadInto(reader.BodyRoom()));
          }
          continue;
        case ReadStep::kSendContinue:
          step = reader.ContinueSent(Clock::now());
          continue;
        case ReadStep::kRespond:
          open = AnswerEarly(reader);
          break;
        case ReadStep::kDispatch:
          open = Answer(h, shared, reader);
          break;
        case ReadStep::kClose:
          open = false;
          continue;
      }
      ++requests;
      if (open) step = reader.Begin(Clock::now());
    }
    reader.ConnectionClosing();
  }
  // However a request ended (answered, refused, cut off), it gave its form
  // budget back: a leak here would starve every later form.
  if (shared.budget.InFlight() != 0) std::abort();
}

}  // namespace dojava::fuzz
