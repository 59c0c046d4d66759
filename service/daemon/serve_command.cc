#include "service/daemon/serve_command.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include "service/daemon/instance_init.h"
#include "service/http/http_server.h"
#include "service/http/log.h"
#include "service/http/shutdown_signals.h"
#include "service/nojs/nojs_pages.h"
#include "service/notify/notifier.h"
#include "service/store/clock.h"
#include "service/store/sqlcipher_store.h"

namespace dojava::service {
namespace {

using http::Log;
using http::LogLevel;

// Guarded memory (SecretBytes) holds request bodies, tokens and lookup keys:
// a few MiB per request in flight. Below this, locking may fail and secrets
// could reach swap.
constexpr rlim_t kWantedMemlockBytes = 64ull * 1024 * 1024;

// Runs Store::Purge and Api::SweepExpired now and then every `interval`
// until stopped, and the no-JavaScript pages' session sweep every
// kSessionSweep (their idle expiry is minutes: an expired conversation's
// keys must not wait an hour for the purge to be wiped).
class Maintenance {
 public:
  static constexpr std::chrono::seconds kSessionSweep{30};

  Maintenance(Store* store, std::shared_ptr<api::Api> api, std::shared_ptr<nojs::NojsPages> plain,
              std::chrono::seconds interval)
      : store_(store), api_(std::move(api)), plain_(std::move(plain)), interval_(interval) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~Maintenance() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  static void PurgeOnce(Store* store) {
    auto report = store->Purge();
    if (!report.ok()) {
      Log(LogLevel::kError, "purge failed: " + report.status().message());
      return;
    }
    if (report->cases_deleted + report->uploads_deleted > 0) {
      Log(LogLevel::kInfo, "purged " + std::to_string(report->cases_deleted) +
                               " expired case(s) and " + std::to_string(report->uploads_deleted) +
                               " unfinished upload(s)");
    }
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    auto next_purge = std::chrono::steady_clock::now() + interval_;
    const auto step = plain_ ? std::min<std::chrono::seconds>(kSessionSweep, interval_) : interval_;
    while (!cv_.wait_for(lock, step, [this] { return stop_; })) {
      lock.unlock();
      if (plain_) plain_->SweepExpired();
      if (std::chrono::steady_clock::now() >= next_purge) {
        PurgeOnce(store_);
        if (api_) api_->SweepExpired();
        next_purge = std::chrono::steady_clock::now() + interval_;
      }
      lock.lock();
    }
  }

  Store* store_;
  std::shared_ptr<api::Api> api_;
  std::shared_ptr<nojs::NojsPages> plain_;  // null without static_dir
  const std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

// The retention rules of the config become the database's Settings (what
// Purge applies and /api/v1/instance advertises).
Status SyncSettings(Store* store, const InstanceConfig& config) {
  DOJAVA_ASSIGN_OR_RETURN(Settings settings, store->GetSettings());
  Settings wanted = settings;
  wanted.retention_days = config.retention.retention_days;
  wanted.retention_spread_days = config.retention.retention_spread_days;
  wanted.upload_ttl_days = config.retention.upload_ttl_days;
  wanted.max_chunks_per_file = config.retention.max_chunks_per_file;
  if (wanted == settings) return Status::Ok();
  return store->PutSettings(wanted);
}

void PrintListening(const http::HttpServer& server, const http::HttpConfig& config,
                    http::ListenerKind kind) {
  http::ListenAddress a =
      kind == http::ListenerKind::kSource ? config.source.address : config.reviewer.address;
  if (!a.is_unix) a.port = server.port(kind);
  std::printf("dojavad: %s listening on %s\n", std::string(http::ListenerName(kind)).c_str(),
              http::FormatListenAddress(a).c_str());
  std::fflush(stdout);
}

// `inner`, and after a 2xx answer (the source's case or message is stored)
// notifier->Signal(), which never blocks.
http::Handler SignalOnSuccess(std::shared_ptr<notify::Notifier> notifier, http::Handler inner) {
  return [notifier = std::move(notifier), inner = std::move(inner)](
             const http::HttpRequest& request, const http::RouteParams& params) {
    http::HttpResponse response = inner(request, params);
    if (response.status >= 200 && response.status < 300) notifier->Signal();
    return response;
  };
}

// Content-free notifications (service/notify) on a source's new case or
// follow-up. Null while notify.smtp_url is empty.
Result<std::shared_ptr<notify::Notifier>> StartNotifier(const InstanceConfig& config,
                                                        http::Router* router) {
  if (config.notify.smtp_url.empty()) return std::shared_ptr<notify::Notifier>();
  auto started = notify::Notifier::Start(config.notify, config.api.instance_name);
  if (!started.ok()) return started.status();
  std::shared_ptr<notify::Notifier> notifier = std::move(started).value();
  for (const char* path : {"/api/v1/cases", "/api/v1/source/messages"}) {
    DOJAVA_RETURN_IF_ERROR(router->Wrap(
        http::ListenerKind::kSource, http::Method::kPost, path,
        [&notifier](http::Handler inner) { return SignalOnSuccess(notifier, std::move(inner)); }));
  }
  Log(LogLevel::kInfo, "notifications on (content-free, at most one per " +
                           std::to_string(config.notify.min_period_seconds) + " s)");
  return notifier;
}

}  // namespace

Status ServeCommand::PrepareProcess() { return http::BlockTerminationSignals(); }

std::string ServeCommand::MemlockWarning() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_MEMLOCK, &lim) != 0) return "cannot read RLIMIT_MEMLOCK";
  if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= kWantedMemlockBytes) return "";
  if (lim.rlim_max == RLIM_INFINITY || lim.rlim_max > lim.rlim_cur) {
    rlimit raised = lim;
    raised.rlim_cur =
        lim.rlim_max == RLIM_INFINITY ? RLIM_INFINITY : std::min(lim.rlim_max, kWantedMemlockBytes);
    if (::setrlimit(RLIMIT_MEMLOCK, &raised) == 0) lim = raised;
  }
  if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= kWantedMemlockBytes) return "";
  return "RLIMIT_MEMLOCK is " + std::to_string(lim.rlim_cur / 1024) +
         " KiB: guarded memory for secrets may not be locked and could be swapped out; raise it "
         "(systemd: LimitMEMLOCK=64M) or use encrypted swap";
}

Status ServeCommand::Run(const std::string& data_dir, const InstanceConfig& config,
                         const SecretBytes& database_key) {
  DOJAVA_RETURN_IF_ERROR(ValidateInstanceConfig(config));
  DOJAVA_RETURN_IF_ERROR(InstanceInit::CheckInstanceDir(data_dir));
  if (std::string w = MemlockWarning(); !w.empty()) Log(LogLevel::kWarning, w);

  const std::string db_path = data_dir + "/" + kDatabaseFileName;
  auto opened =
      SqlcipherStore::Open(db_path, database_key, std::make_shared<SystemClock>(), config.store);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<SqlcipherStore> store = std::move(opened).value();
  DOJAVA_RETURN_IF_ERROR(SyncSettings(store.get(), config));
  Maintenance::PurgeOnce(store.get());

  http::Router router;
  auto api = api::AddApiRoutes(&router, store.get(), config.api);
  if (!api.ok()) return api.status();
  // Before the no-JavaScript pages copy these two handlers: both paths notify.
  auto notifier = StartNotifier(config, &router);
  if (!notifier.ok()) return notifier.status();
  // The no-JavaScript pages need the page's catalogues (static_dir).
  std::shared_ptr<nojs::NojsPages> plain;
  if (!config.http.static_dir.empty()) {
    auto added = nojs::AddNojsRoutes(&router, store.get(), (*api)->Intake(), config.nojs,
                                     config.api, config.http);
    if (!added.ok()) return added.status();
    plain = std::move(added).value();
  }
  auto created = http::HttpServer::Create(config.http, std::move(router));
  if (!created.ok()) return created.status();
  std::unique_ptr<http::HttpServer> server = std::move(created).value();
  DOJAVA_RETURN_IF_ERROR(server->Start());
  PrintListening(*server, config.http, http::ListenerKind::kSource);
  PrintListening(*server, config.http, http::ListenerKind::kReviewer);

  int sig = -1;
  {
    Maintenance maintenance(store.get(), *api, plain,
                            std::chrono::seconds(config.purge_interval_seconds));
    sig = http::WaitForTerminationSignal();
    Log(LogLevel::kInfo, sig == SIGINT ? "SIGINT: stopping" : "SIGTERM: stopping");
    server->Stop();  // in-flight requests finish; their writes are committed
  }
  server.reset();
  api->reset();
  plain.reset();      // wipes the open conversations
  notifier->reset();  // a send in progress is aborted
  store.reset();      // the writer drains its queue, then the database is closed
  Log(LogLevel::kInfo, "database closed");
  return sig < 0 ? Status(Code::kInternal, "waiting for a signal failed") : Status::Ok();
}

}  // namespace dojava::service
