// What Dojava Desk remembers between runs, in an INI file (default
// ~/.config/dojava/desk.ini, 0600): the server address, the SOCKS port, the
// admin fingerprint, the key file's path, the idle time before locking, and
// how many messages of each case this reviewer has seen (for the unread
// mark). Nothing decrypted and no secret is ever stored here.
#ifndef DOJAVA_DESK_DESK_SETTINGS_H_
#define DOJAVA_DESK_DESK_SETTINGS_H_

#include <QString>

#include "desk/backend.h"

namespace dojava::desk {

// Locks after this long without a key press or mouse click.
inline constexpr int kDefaultIdleLockSeconds = 15 * 60;
inline constexpr int kMinIdleLockSeconds = 1;

class DeskSettings {
 public:
  // `path` empty: the default file.
  explicit DeskSettings(QString path = {});

  // True once the first-run page was completed.
  bool configured() const;
  ServerSettings server() const;
  void SetServer(const ServerSettings& s);

  int idle_lock_seconds() const;
  void SetIdleLockSeconds(int seconds);

  // Messages of case `id` seen when it was last opened (0: never opened).
  int SeenMessages(const QString& id) const;
  void SetSeenMessages(const QString& id, int count);

  const QString& path() const { return path_; }

 private:
  QString path_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_DESK_SETTINGS_H_
