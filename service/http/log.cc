#include "service/http/log.h"

#include <cstdio>
#include <mutex>
#include <string>

namespace dojava::http {
namespace {

std::mutex& LogMutex() {
  static std::mutex m;
  return m;
}

std::function<void(LogLevel, std::string_view)>& Sink() {
  static std::function<void(LogLevel, std::string_view)> sink;
  return sink;
}

}  // namespace

void Log(LogLevel level, std::string_view message) {
  std::lock_guard<std::mutex> lock(LogMutex());
  if (Sink()) {
    Sink()(level, message);
    return;
  }
  const char* name = level == LogLevel::kInfo ? "info" : level == LogLevel::kWarning ? "warning" : "error";
  std::string line = "dojavad: " + std::string(name) + ": " + std::string(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void SetLogSinkForTesting(std::function<void(LogLevel, std::string_view)> sink) {
  std::lock_guard<std::mutex> lock(LogMutex());
  Sink() = std::move(sink);
}

}  // namespace dojava::http
