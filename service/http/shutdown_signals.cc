#include "service/http/shutdown_signals.h"

#include <pthread.h>
#include <signal.h>

namespace dojava::http {
namespace {

sigset_t TerminationSet() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

Status BlockTerminationSignals() {
  const sigset_t set = TerminationSet();
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) {
    return Status(Code::kInternal, "cannot block termination signals");
  }
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  if (sigaction(SIGPIPE, &ignore, nullptr) != 0) {
    return Status(Code::kInternal, "cannot ignore SIGPIPE");
  }
  return Status::Ok();
}

int WaitForTerminationSignal() {
  const sigset_t set = TerminationSet();
  int sig = 0;
  if (sigwait(&set, &sig) != 0) return -1;
  return sig;
}

void UnblockTerminationSignals() {
  const sigset_t set = TerminationSet();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace dojava::http
