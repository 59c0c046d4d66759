// ServeCommand: `dojavad serve` once its arguments are parsed. Opens the
// store, wires the API routes, runs the HTTP server until SIGTERM/SIGINT,
// then shuts down gracefully (stop accepting, let requests in flight finish
// within shutdown_grace_ms, commit, close the database).
//
// Output: one stdout line per listener once it is listening
//   dojavad: source listening on 127.0.0.1:8080
//   dojavad: reviewer listening on unix:/run/dojava/reviewer.sock
// and log lines (service/http/log.h) on stderr: start, stop, purge counts,
// configuration problems, internal errors. Never request data.
#ifndef DOJAVA_SERVICE_DAEMON_SERVE_COMMAND_H_
#define DOJAVA_SERVICE_DAEMON_SERVE_COMMAND_H_

#include <string>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "service/daemon/instance_config.h"

namespace dojava::service {

class ServeCommand {
 public:
  // Must be called first in main (before any thread starts): blocks the
  // termination signals so that only Run() receives them.
  static Status PrepareProcess();

  // Serves `data_dir` until a termination signal. OK after a clean stop; an
  // error if the instance cannot be opened or a listener cannot bind.
  static Status Run(const std::string& data_dir, const InstanceConfig& config,
                    const SecretBytes& database_key);

  // Checks RLIMIT_MEMLOCK (raising the soft limit to the hard one if that
  // helps). Returns a warning text, or empty if guarded memory can be locked.
  static std::string MemlockWarning();
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_DAEMON_SERVE_COMMAND_H_
