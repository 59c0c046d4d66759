#include "service/http/shutdown_signals.h"

#include <signal.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

namespace dojava::http {
namespace {

TEST_CASE("SIGTERM is received by WaitForTerminationSignal, not by a handler", "[signals]") {
  REQUIRE(BlockTerminationSignals().ok());
  REQUIRE(::kill(::getpid(), SIGTERM) == 0);  // pending while blocked
  CHECK(WaitForTerminationSignal() == SIGTERM);
  REQUIRE(::kill(::getpid(), SIGINT) == 0);
  CHECK(WaitForTerminationSignal() == SIGINT);
  UnblockTerminationSignals();
}

}  // namespace
}  // namespace dojava::http
