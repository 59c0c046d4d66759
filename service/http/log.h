// The HTTP core's only log: start, stop, configuration problems and internal
// errors. Never request data: no address, path, header, body or circuit id.
// Callers pass fixed messages; Status messages are written by this codebase
// and hold no request data either.
#ifndef DOJAVA_SERVICE_HTTP_LOG_H_
#define DOJAVA_SERVICE_HTTP_LOG_H_

#include <functional>
#include <string_view>

namespace dojava::http {

enum class LogLevel { kInfo, kWarning, kError };

// Writes "dojavad: <level>: <message>\n" to stderr (no timestamp: journald
// adds its own). Thread-safe.
void Log(LogLevel level, std::string_view message);

// Replaces the sink (tests capture lines to check that no request data is
// logged). nullptr restores stderr. Not to be called while servers run.
void SetLogSinkForTesting(std::function<void(LogLevel, std::string_view)> sink);

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_LOG_H_
