// What Dojava Desk remembers between runs, in an INI file (default
// ~/.config/dojava/desk.ini, 0600): the server address, the SOCKS port, the
// admin fingerprint, the key file's path, the idle time before locking, the
// interval between activity checks, the language chosen in the app and the
// path of an extra torrc for the app's own tor. No
// case id, nothing decrypted and no secret is ever stored here.
#ifndef DOJAVA_DESK_DESK_SETTINGS_H_
#define DOJAVA_DESK_DESK_SETTINGS_H_

#include <QString>

#include "desk/backend.h"

namespace dojava::desk {

// Locks after this long without a key press or mouse click.
inline constexpr int kDefaultIdleLockSeconds = 15 * 60;
inline constexpr int kMinIdleLockSeconds = 1;
// Checks the server for new activity this often, ± kWatchJitterPercent.
inline constexpr int kDefaultWatchSeconds = 10 * 60;
inline constexpr int kMinWatchSeconds = 1;
inline constexpr int kWatchJitterPercent = 20;

class DeskSettings {
 public:
  // `path` empty: the default file.
  explicit DeskSettings(QString path = {});

  // True once the first-run page was completed.
  bool configured() const;
  ServerSettings server() const;
  void SetServer(const ServerSettings& s);

  // `[tor] extra_torrc`: a torrc file with settings the app's own tor
  // reads too (bridges; own_tor.h); empty: none. Set by hand, not in the app.
  QString extra_torrc() const;

  int idle_lock_seconds() const;
  void SetIdleLockSeconds(int seconds);

  // Seconds between checks for new activity (before jitter).
  int watch_seconds() const;
  void SetWatchSeconds(int seconds);

  // The language the reviewer chose in the Language menu ("sq", "sr_Cyrl",
  // … as in desk/language_switch.h); empty: follow the system locale.
  QString language() const;
  void SetLanguage(const QString& code);

  // Removes the per-case read counts that the first version kept here (case
  // ids on disk in plain text); what was read is now in the client's
  // private state (seen-…, client/state_store.h).
  void ForgetCaseIds();

  const QString& path() const { return path_; }

 private:
  QString path_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_DESK_SETTINGS_H_
