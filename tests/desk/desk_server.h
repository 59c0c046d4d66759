// The real dojavad and dojava CLI for the desk's Qt tests (the Catch2
// harness in tests/support cannot run inside Qt Test): an admin key made
// with `dojava admin init`, `dojavad init` and `dojavad serve` as children,
// reviewers with `keygen` + `roster add`, a source with `submit`. Every
// passphrase is in a 0600 file; Argon2id at 8 MiB. Each call returns what
// went wrong (empty: fine) for the test's QVERIFY2.
#ifndef DOJAVA_TESTS_DESK_DESK_SERVER_H_
#define DOJAVA_TESTS_DESK_DESK_SERVER_H_

#include <signal.h>
#include <sys/prctl.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTest>

namespace dojava::desk::testing {

struct Ran {
  int rc = -1;
  QByteArray out, err;
  QString Why() const { return QStringLiteral("exit %1: %2").arg(rc).arg(QString::fromUtf8(err)); }
};

// `program` with `args`, no stdin, at most two minutes.
inline Ran RunProgram(const QString& program, const QStringList& args,
                      const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.setStandardInputFile(QProcess::nullDevice());
  p.start(program, args);
  Ran r;
  if (!p.waitForFinished(120000)) {
    p.kill();
    p.waitForFinished();
    r.err = "did not finish within 120 s: " + p.readAllStandardError();
    return r;
  }
  r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}

inline bool WritePrivateFile(const QString& path, const QByteArray& data) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
  return f.write(data) == data.size();
}

inline QByteArray ReadWholeFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class DeskServer {
 public:
  // `dir`: the test's temporary directory (data/, keys, states in it).
  explicit DeskServer(QString dir) : dir_(std::move(dir)) {}
  ~DeskServer() { Stop(); }

  QString P(const QString& name) const { return dir_ + QLatin1Char('/') + name; }
  const QString& fingerprint() const { return fingerprint_; }
  // http://127.0.0.1:PORT while serving on TCP; empty on unix sockets.
  const QString& reviewer_url() const { return reviewer_url_; }
  const QString& source_url() const { return source_url_; }

  Ran Cli(const QStringList& args) const {
    return RunProgram(QStringLiteral(DOJAVA_CLI_BINARY), args);
  }

  // The admin key and `dojavad init`.
  QString Init() {
    if (!WritePrivateFile(P("pass"), "correct horse battery staple\n")) return "no pass file";
    Ran admin = Cli({"admin", "init", "--key-file", P("admin.key"), "--passphrase-file", P("pass"),
                     "--kdf-memory-mib", "8", "--json"});
    if (admin.rc != 0) return "admin init: " + admin.Why();
    const QJsonObject a = QJsonDocument::fromJson(admin.out).object();
    fingerprint_ = a[QStringLiteral("fingerprint")].toString();
    Ran init =
        RunProgram(QStringLiteral(DOJAVAD_BINARY),
                   {"init", "--data-dir", P("data"), "--admin-public-key",
                    a[QStringLiteral("admin_public_key")].toString(), "--name", "Test Newsroom"});
    return init.rc == 0 ? QString() : "dojavad init: " + init.Why();
  }

  // `dojavad serve` with `settings` (e.g. "reviewer.listen=127.0.0.1:0") and
  // every rate limit off; waits until both listeners are up.
  QString Serve(const QStringList& settings) {
    QStringList serve = {"serve", "--data-dir", P("data"), "store.disk_reserve_bytes=0"};
    serve << settings;
    for (const char* cls : {"static", "api", "upload", "costly"}) {
      serve << QStringLiteral("rate.%1.global_per_second=0").arg(QLatin1String(cls))
            << QStringLiteral("rate.%1.circuit_per_second=0").arg(QLatin1String(cls));
    }
    server_.setProcessChannelMode(QProcess::MergedChannels);
    server_.setStandardInputFile(QProcess::nullDevice());
    // If the test dies (a Qt fatal error aborts), the server goes with it.
    server_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    server_.start(QStringLiteral(DOJAVAD_BINARY), serve);
    if (!server_.waitForStarted()) return QStringLiteral("dojavad serve did not start");
    reviewer_url_.clear();
    source_url_.clear();
    QByteArray log;
    int listening = 0;
    QElapsedTimer t;
    t.start();
    while (listening < 2 && t.elapsed() < 30000) {
      if (!server_.canReadLine() && !server_.waitForReadyRead(1000)) {
        if (server_.state() == QProcess::NotRunning) break;
        continue;
      }
      while (server_.canReadLine()) {
        const QByteArray raw = server_.readLine();
        log += raw;
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype at = line.indexOf(QLatin1String(" listening on "));
        if (at < 0) continue;
        ++listening;
        const QString where = line.mid(at + 14);
        if (where.startsWith(QLatin1String("unix:"))) continue;
        (line.contains(QLatin1String("reviewer")) ? reviewer_url_ : source_url_) =
            QStringLiteral("http://") + where;
      }
    }
    return listening == 2 ? QString() : "dojavad serve did not listen: " + QString::fromUtf8(log);
  }

  // Stops dojavad (SIGTERM), as an operator's restart does: every token
  // it held in memory is gone.
  void Stop() {
    if (server_.state() == QProcess::NotRunning) return;
    server_.terminate();
    if (!server_.waitForFinished(30000)) server_.kill();
    server_.waitForFinished();
  }

  // A reviewer key (`keygen`) added to the roster through `admin_url`.
  QString AddReviewer(const QString& name, const QString& admin_url) {
    const QString key = P(name + QStringLiteral(".key"));
    Ran kg =
        Cli({"keygen", "--key-file", key, "--passphrase-file", P("pass"), "--kdf-memory-mib", "8"});
    if (kg.rc != 0) return "keygen: " + kg.Why();
    Ran add = Cli({"roster", "add", "--server", admin_url, "--state-dir", P("state-admin"),
                   "--admin-key", P("admin.key"), "--passphrase-file", P("pass"), "--name", name,
                   "--reviewer-public", key + ".pub", "--admin-fingerprint", fingerprint_});
    return add.rc == 0 ? QString() : "roster add: " + add.Why();
  }

  // A source's report with a title, through `source_url`.
  QString Submit(const QString& title, const QString& source_url) {
    if (!WritePrivateFile(P("report.txt"), "Prisluškivanje telefona urednice, 2026-11\n")) {
      return "no report file";
    }
    Ran r = Cli({"submit", "--form", "country=RS", "--form", "incident=spyware", "--form",
                 "title=" + title, "--text-file", P("report.txt"), "--json", "--admin-fingerprint",
                 fingerprint_, "--server", source_url, "--state-dir", P("state-source")});
    return r.rc == 0 ? QString() : "submit: " + r.Why();
  }

  // The desk's settings file for reviewer `name` at `server` (the first-run
  // page's result), so a test can start at the unlock page.
  void WriteDeskSettings(const QString& name, const QString& server) const {
    QSettings q(P("desk.ini"), QSettings::IniFormat);
    q.setValue(QStringLiteral("server/key_file"), P(name + QStringLiteral(".key")));
    q.setValue(QStringLiteral("server/address"), server);
    q.setValue(QStringLiteral("server/admin_fingerprint"), fingerprint_);
  }

 private:
  QString dir_;
  QProcess server_;
  QString fingerprint_, reviewer_url_, source_url_;
};

}  // namespace dojava::desk::testing

#endif  // DOJAVA_TESTS_DESK_DESK_SERVER_H_
