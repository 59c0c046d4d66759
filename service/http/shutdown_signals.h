// SIGTERM/SIGINT handling for `dojavad serve`, without async signal handlers:
//
//   BlockTerminationSignals();      // first thing in main, before any thread
//   HttpServer server(...); server.Start();
//   int sig = WaitForTerminationSignal();   // blocks the main thread
//   server.Stop();                  // graceful: in-flight requests finish
//
// Threads created after BlockTerminationSignals() inherit the mask, so the
// signal is delivered only to the sigwait() in WaitForTerminationSignal().
#ifndef DOJAVA_SERVICE_HTTP_SHUTDOWN_SIGNALS_H_
#define DOJAVA_SERVICE_HTTP_SHUTDOWN_SIGNALS_H_

#include "base/status.h"

namespace dojava::http {

// Blocks SIGTERM and SIGINT in the calling thread (and threads it creates
// later). Also ignores SIGPIPE: a client closing early must not kill us.
Status BlockTerminationSignals();

// Waits for SIGTERM or SIGINT; returns the signal number (or -1 on error).
int WaitForTerminationSignal();

// Restores the mask saved by BlockTerminationSignals (tests).
void UnblockTerminationSignals();

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_SHUTDOWN_SIGNALS_H_
