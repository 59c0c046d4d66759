// `dojava watch`: checks the server at a jittered interval and prints one
// content-free line when something new arrived ("new activity: N case(s)
// unread"), never a case id, title or text. The key stays unlocked in this
// process while it runs (to log in again when the token expires): see
// cli/README.md ("Unlock once").
#include <sodium.h>
#include <sys/prctl.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "client/activity_watch.h"

namespace dojava::cli {
namespace {

constexpr int kDefaultIntervalSeconds = 600;
constexpr int kMinIntervalSeconds = 10;
constexpr int kMaxIntervalSeconds = 24 * 3600;
// Each wait is the interval times 1 ± this, at random, so the polls of a
// reviewer do not form an exact rhythm an observer of the server could match.
constexpr double kJitter = 0.25;

std::chrono::milliseconds JitteredWait(int interval_seconds) {
  const double spread = (static_cast<double>(randombytes_uniform(2001)) / 1000.0 - 1.0) * kJitter;
  return std::chrono::milliseconds(
      static_cast<int64_t>(interval_seconds * 1000.0 * (1.0 + spread)));
}

// "14:05" local time, so a line in a terminal says when.
std::string Clock() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof(buf), "%H:%M", &tm);
  return buf;
}

}  // namespace

int RunWatch(const Args& args) {
  CommonOptions o;
  int interval = kDefaultIntervalSeconds;
  bool once = false;
  po::options_description d("watch");
  AddCommonOptions(&d, kServerOpts | kKeyOpts, &o);
  d.add_options()("interval", po::value(&interval)->value_name("SECONDS"),
                  "seconds between checks, each varied by up to 25% (default 600: 10 min)")(
      "once", po::bool_switch(&once), "check once, print the line if there is news, and exit");
  ParseArgs(args, d, {}, "dojava watch --server URL --key-file FILE [--interval SECONDS] [--once]");
  if (interval < kMinIntervalSeconds || interval > kMaxIntervalSeconds) {
    Fail(Exit::kUsage, "--interval must be " + std::to_string(kMinIntervalSeconds) + ".." +
                           std::to_string(kMaxIntervalSeconds) + " seconds");
  }
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);  // the key stays in memory while watching
  ReviewerSession s = StartReviewerSession(o);
  client::ActivityWatcher watcher;
  for (bool first = true;; first = false) {
    if (!first) std::this_thread::sleep_for(JitteredWait(interval));
    Status logged_in = first ? Status::Ok() : client::EnsureLoggedIn(s);
    auto activity = logged_in.ok() ? watcher.Poll(s) : Result<client::Activity>(logged_in);
    if (!activity.ok()) {
      if (once) Check(activity.status(), "watch");
      std::cerr << "dojava: " << Clock() << " could not check (" << activity.status().message()
                << "); trying again later\n";
      continue;
    }
    if (activity->news) {
      std::cout << "dojava: " << Clock() << " new activity: " << activity->unread_cases
                << " case(s) with unread messages (dojava cases)" << std::endl;
    } else if (once) {
      std::cout << "dojava: no new activity\n";
    }
    if (once) return 0;
  }
}

}  // namespace dojava::cli
