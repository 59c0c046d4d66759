#include "desk/own_tor.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

namespace dojava::desk {
namespace {

bool PrivateDir(const QString& path) {
  return QDir().mkpath(path) &&
         QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
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
    // would let them reroute the reviewer's traffic.
    const QFileInfo extra(extra_torrc_);
    if (!extra.isFile() || !extra.isReadable() || extra.ownerId() != ::getuid() ||
        (extra.permissions() & (QFile::WriteGroup | QFile::WriteOther)) != 0) {
      *error = tr("The extra tor settings file %1 cannot be used: it must be a file you can "
                  "read and only you can change.")
                   .arg(extra_torrc_);
      return {};
    }
    args << QStringLiteral("-f") << extra.absoluteFilePath();
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
