// The app's own tor, the way OnionShare does it: Debian's `tor` started as
// a child with its own data directory, SOCKS port and ClientOnionAuthDir
// (no system tor configuration needed), and stopped with the app (tor also
// exits by itself if the app dies: __OwningControllerProcess). Runs as a
// QProcess: nothing blocks the GUI thread.
//
// Extra tor settings (bridges where tor is blocked, a private test network)
// come from a torrc file the reviewer names (desk.ini `[tor] extra_torrc`,
// SetExtraTorrc): tor reads it as its torrc, and the app's own options on
// tor's command line (data folder, client-auth folder, SOCKS port, no
// control port, log) override the same options in it. The file holds
// settings, never a secret; it must be a regular file that only its owner
// can change, at most kMaxExtraTorrcBytes, with no %include (other files
// would go unchecked). Tor reads a private copy of the bytes that were
// checked (extra_torrc_copy()), read through the one descriptor the checks
// ran on, so a file swapped after the check never reaches tor.
#ifndef DOJAVA_DESK_OWN_TOR_H_
#define DOJAVA_DESK_OWN_TOR_H_

#include <QObject>
#include <QProcess>
#include <QString>

namespace dojava::desk {

// Seconds to wait for tor to connect to the network before giving up.
inline constexpr int kOwnTorBootstrapSeconds = 180;
// The largest extra torrc the app accepts (bridge lines are short).
inline constexpr qint64 kMaxExtraTorrcBytes = 64 * 1024;

class OwnTor : public QObject {
  Q_OBJECT
 public:
  // `dir`: where tor-data/ and tor-auth/ are kept (created 0700).
  explicit OwnTor(QString dir, QObject* parent = nullptr);
  ~OwnTor() override;

  static QString DefaultDir();
  // Debian's tor, from PATH or /usr/sbin; empty if not installed.
  static QString Executable();

  QString auth_dir() const { return dir_ + QStringLiteral("/tor-auth"); }
  QString data_dir() const { return dir_ + QStringLiteral("/tor-data"); }
  // 127.0.0.1:PORT once listening; empty before.
  const QString& socks() const { return socks_; }
  bool running() const { return process_.state() != QProcess::NotRunning; }
  int bootstrapped() const { return bootstrapped_; }

  // The extra torrc for the next Start(); empty: none.
  void SetExtraTorrc(const QString& path) { extra_torrc_ = path; }
  const QString& extra_torrc() const { return extra_torrc_; }
  // The private copy of the extra torrc that tor reads (written by Start()).
  QString extra_torrc_copy() const { return dir_ + QStringLiteral("/extra-torrc"); }

  // Starts tor (no-op if running). listening() when its SOCKS port is open,
  // bootstrap(percent) as it connects, failed() if it cannot start or exits.
  void Start();
  // Creates the folders (0700); false if they cannot be.
  bool PrepareDirs();
  void Stop();

 signals:
  void listening(QString socks);
  void bootstrap(int percent);
  void failed(QString why);

 private:
  void ReadOutput();
  // tor's command line for SOCKS port `port` (the extra torrc checked and
  // copied to extra_torrc_copy()).
  QStringList Arguments(quint16 port, QString* error) const;
  QString dir_;
  QString extra_torrc_;
  QProcess process_;
  QString socks_;
  QString socks_pending_;  // the port given to tor, until it listens
  int bootstrapped_ = 0;
  bool stopping_ = false;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_OWN_TOR_H_
