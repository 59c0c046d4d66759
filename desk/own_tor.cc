#include "desk/own_tor.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <cerrno>

namespace dojava::desk {
namespace {

bool PrivateDir(const QString& path) {
  return QDir().mkpath(path) &&
         QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// The extra torrc's bytes, read through the one descriptor that was checked
// (fstat: a regular file of this user that group and others cannot write,
// at most kMaxExtraTorrcBytes), so a file swapped after the check is never
// what tor reads. False if it cannot be opened or fails a check.
bool ReadCheckedTorrc(const QString& path, QByteArray* content) {
  const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::getuid() &&
            (st.st_mode & (S_IWGRP | S_IWOTH)) == 0 && st.st_size <= kMaxExtraTorrcBytes;
  content->clear();
  char buffer[4096];
  while (ok) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    content->append(buffer, static_cast<qsizetype>(n));
    ok = content->size() <= kMaxExtraTorrcBytes;
  }
  ::close(fd);
  return ok;
}

// True if `torrc` makes tor read other files (%include), which were not
// checked.
bool IncludesFiles(const QByteArray& torrc) {
  for (const QByteArray& line : torrc.split('\n')) {
    if (line.trimmed().startsWith("%include")) return true;
  }
  return false;
}

// A port free now on 127.0.0.1 (tor is given it at once).
quint16 FreePort() {
  QTcpServer s;
  return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

}  // namespace

OwnTor::OwnTor(QString dir, QObject* parent) : QObject(parent), dir_(std::move(dir)) {
  process_.setProcessChannelMode(QProcess::MergedChannels);
  connect(&process_, &QProcess::readyRead, this, &OwnTor::ReadOutput);
  connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart)
      emit failed(tr("tor could not be started: %1").arg(process_.errorString()));
  });
  connect(&process_, &QProcess::finished, this, [this](int code) {
    socks_.clear();
    if (!stopping_) emit failed(tr("tor stopped (exit code %1).").arg(code));
  });
}

OwnTor::~OwnTor() { Stop(); }

QString OwnTor::DefaultDir() {
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/dojava/desk-tor");
}

QString OwnTor::Executable() {
  QString tor = QStandardPaths::findExecutable(QStringLiteral("tor"));
  if (tor.isEmpty()) {
    tor = QStandardPaths::findExecutable(QStringLiteral("tor"),
                                         {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
  }
  return tor;
}

void OwnTor::Start() {
  if (running()) return;
  const QString tor = Executable();
  if (tor.isEmpty()) {
    return emit failed(tr("tor is not installed (apt install tor), so the app cannot start it."));
  }
  if (!PrepareDirs()) {
    return emit failed(tr("%1 cannot be created as a private folder.").arg(dir_));
  }
  const quint16 port = FreePort();
  if (port == 0) return emit failed(tr("No free port on 127.0.0.1 for tor."));
  QString error;
  const QStringList args = Arguments(port, &error);
  if (!error.isEmpty()) return emit failed(error);
  stopping_ = false;
  bootstrapped_ = 0;
  socks_.clear();
  process_.start(tor, args);
  socks_pending_ = QStringLiteral("127.0.0.1:%1").arg(port);
}

QStringList OwnTor::Arguments(quint16 port, QString* error) const {
  QStringList args = {QStringLiteral("--defaults-torrc"), QStringLiteral("/dev/null")};
  if (extra_torrc_.isEmpty()) {
    args << QStringLiteral("-f") << QStringLiteral("/dev/null")
         << QStringLiteral("--ignore-missing-torrc");
  } else {
    // Settings that change where tor connects: a file others could change
    // would let them reroute the reviewer's traffic. Tor gets a private copy
    // of what was checked.
    QByteArray torrc;
    if (!ReadCheckedTorrc(extra_torrc_, &torrc)) {
      *error = tr("The extra tor settings file %1 cannot be used: it must be a file you can "
                  "read and only you can change.")
                   .arg(extra_torrc_);
      return {};
    }
    if (IncludesFiles(torrc)) {
      *error = tr("The extra tor settings file %1 cannot be used: it includes other files "
                  "(%include), which the app cannot check. Put their lines in it instead.")
                   .arg(extra_torrc_);
      return {};
    }
    QFile copy(extra_torrc_copy());
    if (!copy.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !copy.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        copy.write(torrc) != torrc.size() || !copy.flush()) {
      *error = tr("%1 cannot be created as a private folder.").arg(dir_);
      return {};
    }
    args << QStringLiteral("-f") << copy.fileName();
  }
  // On tor's command line, so they override the same options in the file.
  // ExtendedErrors: the SOCKS reply tells a missing client-auth key (0xF4)
  // from an unpublished onion (0xF0), and the reviewer is told which.
  args << QStringLiteral("--DataDirectory") << data_dir() << QStringLiteral("--ClientOnionAuthDir")
       << auth_dir() << QStringLiteral("--SocksPort")
       << QStringLiteral("127.0.0.1:%1 ExtendedErrors").arg(port) << QStringLiteral("--ControlPort")
       << QStringLiteral("0") << QStringLiteral("--__OwningControllerProcess")
       << QString::number(QCoreApplication::applicationPid()) << QStringLiteral("--Log")
       << QStringLiteral("notice stdout");
  return args;
}

bool OwnTor::PrepareDirs() {
  return PrivateDir(dir_) && PrivateDir(data_dir()) && PrivateDir(auth_dir());
}

void OwnTor::Stop() {
  if (!running()) return;
  stopping_ = true;
  process_.terminate();
  if (!process_.waitForFinished(5000)) process_.kill();
  socks_.clear();
}

void OwnTor::ReadOutput() {
  static const QRegularExpression kBootstrapped(QStringLiteral("Bootstrapped (\\d+)%"));
  while (process_.canReadLine()) {
    const QString line = QString::fromUtf8(process_.readLine());
    if (line.contains(QLatin1String("Opened Socks listener")) && socks_.isEmpty()) {
      socks_ = socks_pending_;
      emit listening(socks_);
    }
    const QRegularExpressionMatch m = kBootstrapped.match(line);
    if (m.hasMatch()) {
      bootstrapped_ = m.captured(1).toInt();
      emit bootstrap(bootstrapped_);
    }
  }
}

}  // namespace dojava::desk
