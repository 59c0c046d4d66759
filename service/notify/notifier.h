// Notifier: content-free e-mail "There is new activity in <label>" through the
// organisation's own SMTP relay (libcurl's SMTP), so that a newsroom learns
// that a source wrote without the message saying anything more.
//
// What the mail carries: the label (the instance name unless notify.label
// says otherwise), fixed text, the From and To addresses. Never a case id, a
// count, a time of activity, or anything a source sent. At most one message per
// notify.min_period_seconds, sent after a random delay of up to
// notify.max_delay_seconds, so the mail provider learns little about when
// sources write (it learns that there was activity in the period before a
// message, and the organisation's mail addresses). TLS is required: smtps://
// (TLS from the start) or smtp:// with STARTTLS that must succeed.
//
// Signal() never blocks on the network: it sets a flag. One thread sends; a
// relay that is down costs a warning in the log and a retry one period later,
// nothing else (cases are stored before Signal() is called). The password
// comes from a file or a systemd credential, never from a command line; it is
// held in SecretBytes (libcurl keeps its own copy during a send).
//
// Thread safety: Signal() from any thread; Start/destruction from one.
#ifndef DOJAVA_SERVICE_NOTIFY_NOTIFIER_H_
#define DOJAVA_SERVICE_NOTIFY_NOTIFIER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/config_keys.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::notify {

// Each field's initializer is its default; its key and meaning are in
// Keys() below (service/CONFIG.md `notify.*`). ValidateNotifyOptions judges
// the text fields.
struct NotifyOptions {
  std::string smtp_url;  // empty: notifications are off (the default)
  std::string from;
  std::string to;
  std::string label;
  std::string smtp_user;
  std::string smtp_password_file;
  std::string socks5;
  std::string ca_file;
  int min_period_seconds = 3600;
  int max_delay_seconds = 900;
  int timeout_seconds = 60;

  // The `notify.*` keys (the instance config adds the prefix).
  static const config::KeyTable<NotifyOptions>& Keys();
};

inline const config::KeyTable<NotifyOptions>& NotifyOptions::Keys() {
  constexpr uint64_t kDay = 24 * 3600;
  using config::kAnyText;
  static const config::KeyTable<NotifyOptions> keys = std::move(
      config::KeyTable<NotifyOptions>()
          .Text("smtp_url", &NotifyOptions::smtp_url, kAnyText,
                "content-free notifications (\"Notifications\" below): `smtps://HOST[:PORT]` or "
                "`smtp://HOST[:PORT]` with STARTTLS, which must succeed; empty: off")
          .Text("from", &NotifyOptions::from, kAnyText, "the sender address")
          .Text("to", &NotifyOptions::to, kAnyText, "recipients, separated by commas")
          .Text("label", &NotifyOptions::label, kAnyText,
                "the message says \"There is new activity in LABEL\"; empty: `instance_name`")
          .Text("smtp_user", &NotifyOptions::smtp_user, kAnyText,
                "the relay login; empty: no authentication")
          .Text("smtp_password_file", &NotifyOptions::smtp_password_file, kAnyText,
                "the relay password: a file of the service user, mode 0600, or `credential:NAME` "
                "for a systemd credential (`$CREDENTIALS_DIRECTORY/NAME`); never a command-line "
                "argument")
          .Text("socks5", &NotifyOptions::socks5, kAnyText,
                "through tor: `HOST:PORT` or `unix:/PATH` of tor's SOCKS port (names resolved by "
                "tor); empty: a direct connection")
          .Text("ca_file", &NotifyOptions::ca_file, kAnyText,
                "an extra CA certificate (PEM) for a relay with a private CA; empty: the system's "
                "CAs")
          .Int("min_period_seconds", &NotifyOptions::min_period_seconds, 60, 30 * kDay,
               "at most one message per period")
          .Int("max_delay_seconds", &NotifyOptions::max_delay_seconds, 0, 30 * kDay,
               "each message waits a random 0..this many seconds (at most "
               "`notify.min_period_seconds`)")
          .Int("timeout_seconds", &NotifyOptions::timeout_seconds, 5, 600,
               "one attempt's deadline; a failed attempt is retried one period later"));
  return keys;
}

// kInvalidArgument naming the key when the options cannot work (scheme, a
// path in the URL, header-breaking characters in an address, ...).
Status ValidateNotifyOptions(const NotifyOptions& options);

// "There is new activity in LABEL."
std::string ActivityLine(std::string_view label);

// The whole message, headers and body, CRLF line ends: `line` as the subject
// and the first line of the body, then fixed text (`activity`: the activity
// notice's, else the alert's).
std::string ComposeMessage(const NotifyOptions& options, std::string_view line, bool activity);

// One message now, synchronously, with `line` (the monitoring alerts of
// `dojavad alert`: ops/monitor). `to`, when not empty, replaces options.to.
// Reads the password as Start() does. kIoError when the relay fails.
Status SendNow(const NotifyOptions& options, std::string_view line, std::string_view to);

class Notifier {
 public:
  // Reads the password and starts the sending thread. `label` is used when
  // options.label is empty. kInvalidArgument / kNotFound on bad options or an
  // unreadable password.
  static Result<std::unique_ptr<Notifier>> Start(const NotifyOptions& options,
                                                 std::string_view instance_name);
  // Stops the thread; a send in progress is aborted within about a second.
  ~Notifier();
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  // There was new activity. Returns at once.
  void Signal();

 private:
  Notifier(NotifyOptions options, std::string label, SecretBytes password);
  void Loop();
  // Waits until `until` or Stop; false when stopping. Holds `lock`.
  bool WaitUntil(std::unique_lock<std::mutex>& lock, std::chrono::steady_clock::time_point until);

  const NotifyOptions options_;
  const std::string label_;
  const SecretBytes password_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool pending_ = false;  // GUARDED_BY(mu_)
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace dojava::notify

#endif  // DOJAVA_SERVICE_NOTIFY_NOTIFIER_H_
