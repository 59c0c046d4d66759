#include "desk/desk_settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace dojava::desk {
namespace {

QString DefaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
         QStringLiteral("/dojava/desk.ini");
}

}  // namespace

DeskSettings::DeskSettings(QString path) : path_(path.isEmpty() ? DefaultPath() : path) {}

bool DeskSettings::configured() const {
  const ServerSettings s = server();
  return !s.server.isEmpty() && !s.key_file.isEmpty() && !s.admin_fingerprint.isEmpty();
}

ServerSettings DeskSettings::server() const {
  QSettings q(path_, QSettings::IniFormat);
  ServerSettings s;
  s.key_file = q.value(QStringLiteral("server/key_file")).toString();
  s.server = q.value(QStringLiteral("server/address")).toString();
  s.socks5 = q.value(QStringLiteral("server/socks5")).toString();
  s.admin_fingerprint = q.value(QStringLiteral("server/admin_fingerprint")).toString();
  s.state_dir = q.value(QStringLiteral("server/state_dir")).toString();
  s.own_tor = q.value(QStringLiteral("server/own_tor"), false).toBool();
  return s;
}

void DeskSettings::SetServer(const ServerSettings& s) {
  QDir().mkpath(QFileInfo(path_).absolutePath());
  {
    QSettings q(path_, QSettings::IniFormat);
    q.setValue(QStringLiteral("server/key_file"), s.key_file);
    q.setValue(QStringLiteral("server/address"), s.server);
    q.setValue(QStringLiteral("server/socks5"), s.socks5);
    q.setValue(QStringLiteral("server/admin_fingerprint"), s.admin_fingerprint);
    q.setValue(QStringLiteral("server/state_dir"), s.state_dir);
    q.setValue(QStringLiteral("server/own_tor"), s.own_tor);
  }
  QFile::setPermissions(path_, QFile::ReadOwner | QFile::WriteOwner);
}

QString DeskSettings::extra_torrc() const {
  QSettings q(path_, QSettings::IniFormat);
  return q.value(QStringLiteral("tor/extra_torrc")).toString();
}

int DeskSettings::idle_lock_seconds() const {
  QSettings q(path_, QSettings::IniFormat);
  const int v = q.value(QStringLiteral("lock/idle_seconds"), kDefaultIdleLockSeconds).toInt();
  return v < kMinIdleLockSeconds ? kDefaultIdleLockSeconds : v;
}

void DeskSettings::SetIdleLockSeconds(int seconds) {
  QSettings q(path_, QSettings::IniFormat);
  q.setValue(QStringLiteral("lock/idle_seconds"), seconds);
}

int DeskSettings::watch_seconds() const {
  QSettings q(path_, QSettings::IniFormat);
  const int v = q.value(QStringLiteral("watch/interval_seconds"), kDefaultWatchSeconds).toInt();
  return v < kMinWatchSeconds ? kDefaultWatchSeconds : v;
}

void DeskSettings::SetWatchSeconds(int seconds) {
  QSettings q(path_, QSettings::IniFormat);
  q.setValue(QStringLiteral("watch/interval_seconds"), seconds);
}

QString DeskSettings::language() const {
  QSettings q(path_, QSettings::IniFormat);
  return q.value(QStringLiteral("ui/language")).toString();
}

void DeskSettings::SetLanguage(const QString& code) {
  QDir().mkpath(QFileInfo(path_).absolutePath());
  {
    QSettings q(path_, QSettings::IniFormat);
    q.setValue(QStringLiteral("ui/language"), code);
  }
  QFile::setPermissions(path_, QFile::ReadOwner | QFile::WriteOwner);
}

void DeskSettings::ForgetCaseIds() {
  QSettings q(path_, QSettings::IniFormat);
  if (q.childGroups().contains(QStringLiteral("seen"))) q.remove(QStringLiteral("seen"));
}

}  // namespace dojava::desk
