// desk_bench [CASES] [DOWNLOAD_MIB]: Dojava Desk listing CASES cases (default
// 1000) against `dojava cases --json` on the same server and data, offscreen.
// Prints the three numbers of the desk's targets as ratios: list time / CLI
// time (target <= 2), the longest GUI-thread stall while listing / 50 ms
// (target < 1), RSS / 150 MiB (target < 1). Then the download leg: one case
// with a DOWNLOAD_MIB MiB attachment (default 1024; 0 skips it) downloaded by
// the desk (its Download button: client::DownloadFile on the worker) and by
// `dojava get` in the same run: time ratio, how much the desk's RSS grew
// while downloading (target: flat, < 32 MiB) and the CLI's peak RSS. Exit
// code 0 when every target holds.
#include <signal.h>
#include <sys/prctl.h>

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "desk/case_list.h"
#include "desk/desk_settings.h"
#include "desk/main_window.h"

namespace {

constexpr int kParallelSubmits = 4;
constexpr double kMaxListRatio = 2.0;
constexpr double kMaxStallMs = 50.0;
constexpr double kMaxRssMiB = 150.0;
constexpr double kMaxDownloadRssGrowthMiB = 32.0;  // "a 1 GiB download keeps RSS flat"

QByteArray Run(const QString& program, const QStringList& args, int* rc) {
  QProcess p;
  p.setStandardInputFile(QProcess::nullDevice());
  p.start(program, args);
  p.waitForFinished(600000);
  *rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  if (*rc != 0) std::fprintf(stderr, "%s\n", p.readAllStandardError().constData());
  return p.readAllStandardOutput();
}

// A field of /proc/self/status in MiB: VmHWM (peak) or VmRSS (now).
double StatusMiB(const char* field = "VmHWM:") {
  QFile f(QStringLiteral("/proc/self/status"));
  if (!f.open(QIODevice::ReadOnly)) return -1;
  for (const QByteArray& line : f.readAll().split('\n')) {
    if (line.startsWith(field)) {
      return line.mid(static_cast<qsizetype>(std::strlen(field)))
                 .trimmed()
                 .split(' ')[0]
                 .toDouble() /
             1024;
    }
  }
  return -1;
}
double RssMiB() { return StatusMiB(); }

struct Server {
  QProcess process;
  QString source, reviewer;
};

bool StartServer(const QTemporaryDir& dir, Server* s, QString* fingerprint) {
  auto p = [&](const char* n) { return dir.filePath(QLatin1String(n)); };
  int rc = 0;
  const QJsonObject a = QJsonDocument::fromJson(
                            Run(DOJAVA_CLI_BINARY,
                                {"admin", "init", "--key-file", p("admin.key"), "--passphrase-file",
                                 p("pass"), "--kdf-memory-mib", "8", "--json"},
                                &rc))
                            .object();
  if (rc != 0) return false;
  *fingerprint = a[QStringLiteral("fingerprint")].toString();
  Run(DOJAVAD_BINARY,
      {"init", "--data-dir", p("data"), "--admin-public-key",
       a[QStringLiteral("admin_public_key")].toString(), "--name", "Bench"},
      &rc);
  if (rc != 0) return false;
  QStringList serve = {"serve", "--data-dir", p("data"), "source.listen=127.0.0.1:0",
                       "reviewer.listen=127.0.0.1:0"};
  for (const char* cls : {"static", "api", "upload", "costly", "download"}) {
    serve << QStringLiteral("rate.%1.global_per_second=0").arg(QLatin1String(cls))
          << QStringLiteral("rate.%1.circuit_per_second=0").arg(QLatin1String(cls));
  }
  serve << QStringLiteral("api.token_requests_per_second=1000000")
        << QStringLiteral("api.token_burst=1000000");
  s->process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
  s->process.start(DOJAVAD_BINARY, serve);
  QElapsedTimer t;
  t.start();
  while ((s->source.isEmpty() || s->reviewer.isEmpty()) && t.elapsed() < 30000) {
    s->process.waitForReadyRead(1000);
    while (s->process.canReadLine()) {
      const QString line = QString::fromUtf8(s->process.readLine()).trimmed();
      const qsizetype at = line.indexOf(QLatin1String(" listening on "));
      if (at < 0) continue;
      const QString url = QStringLiteral("http://") + line.mid(at + 14);
      (line.contains(QLatin1String("reviewer")) ? s->reviewer : s->source) = url;
    }
  }
  return !s->source.isEmpty() && !s->reviewer.isEmpty();
}

// CASES submissions, kParallelSubmits at a time.
bool Submit(const QTemporaryDir& dir, const Server& s, const QString& fingerprint, int cases) {
  const QString text = dir.filePath(QStringLiteral("report.txt"));
  QFile f(text);
  if (!f.open(QIODevice::WriteOnly)) return false;
  f.write("A report of a few words, as sources write them.\n");
  f.close();
  const char* kinds[] = {"spyware", "threat", "surveillance", "leak"};
  const char* countries[] = {"RS", "BA", "MK", "AL", "ME", "HR"};
  int next = 0, running = 0, failures = 0;
  QList<QProcess*> procs;
  while (next < cases || running > 0) {
    while (running < kParallelSubmits && next < cases) {
      auto* p = new QProcess;
      p->setStandardInputFile(QProcess::nullDevice());
      p->setStandardOutputFile(QProcess::nullDevice());
      p->start(DOJAVA_CLI_BINARY,
               {"submit", "--form", QStringLiteral("country=%1").arg(countries[next % 6]), "--form",
                QStringLiteral("incident=%1").arg(kinds[next % 4]), "--form",
                QStringLiteral("title=Case %1").arg(next), "--text-file", text,
                "--admin-fingerprint", fingerprint, "--server", s.source, "--state-dir",
                dir.filePath(QStringLiteral("src-%1").arg(next))});
      procs << p;
      ++running;
      ++next;
    }
    for (int i = 0; i < procs.size(); ++i) {
      if (!procs[i]->waitForFinished(10)) continue;
      failures += procs[i]->exitCode() != 0 ? 1 : 0;
      delete procs.takeAt(i--);
      --running;
    }
  }
  return failures == 0;
}

// A file of `mib` MiB of random bytes (compressing would not help anyone).
bool WriteRandomFile(const QString& path, int mib) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  QByteArray block(1024 * 1024, '\0');
  for (int i = 0; i < mib; ++i) {
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()),
                                          block.size() / 4);
    if (f.write(block) != block.size()) return false;
  }
  return true;
}

QByteArray Sha256Of(const QString& path) {
  QFile f(path);
  QCryptographicHash h(QCryptographicHash::Sha256);
  return f.open(QIODevice::ReadOnly) && h.addData(&f) ? h.result() : QByteArray();
}

struct DownloadLegResult {
  bool ok = false;
  double desk_s = 0, cli_s = 0, rss_growth_mib = 0, cli_peak_mib = 0;
};

// Opens the case titled "Download bench" in `window` and downloads its file
// with the desk, polling VmRSS meanwhile; then `dojava get` of the same file.
DownloadLegResult DownloadLeg(const QTemporaryDir& dir, dojava::desk::MainWindow& window,
                              const QStringList& cli_common) {
  DownloadLegResult r;
  QSignalSpy done(&window, &dojava::desk::MainWindow::requestFinished);
  auto* table = window.findChild<QTableView*>(QStringLiteral("cases"));
  QString id;
  for (int i = 0; i < table->model()->rowCount(); ++i) {
    const QModelIndex at = table->model()->index(i, dojava::desk::CaseList::kTitle);
    if (at.data().toString() != QLatin1String("Download bench")) continue;
    id = at.siblingAtColumn(0).data(dojava::desk::CaseList::kIdRole).toString();
    emit table->activated(at);
  }
  if (id.isEmpty() || !done.wait(600000) || !done[0][0].toBool()) return r;
  done.clear();
  const QString folder = dir.filePath(QStringLiteral("desk-dl"));
  QDir().mkpath(folder);
  window.SetDownloadFolder(folder);
  window.findChild<QListWidget*>(QStringLiteral("files"))->setCurrentRow(0);
  const double before = StatusMiB("VmRSS:");
  double highest = before;
  QTimer probe;
  QObject::connect(&probe, &QTimer::timeout,
                   [&] { highest = std::max(highest, StatusMiB("VmRSS:")); });
  probe.start(20);
  QElapsedTimer t;
  t.start();
  window.findChild<QPushButton*>(QStringLiteral("download"))->click();
  const bool finished = done.wait(3600000) && done[0][0].toBool();
  r.desk_s = static_cast<double>(t.elapsed()) / 1000.0;
  probe.stop();
  r.rss_growth_mib = highest - before;
  if (!finished) return r;

  const QString cli_out = dir.filePath(QStringLiteral("cli-dl.bin"));
  QProcess get;
  get.setStandardInputFile(QProcess::nullDevice());
  get.setStandardOutputFile(QProcess::nullDevice());
  t.restart();
  get.start(QStringLiteral("/usr/bin/time"),
            QStringList{"-f", "peak_kib=%M", DOJAVA_CLI_BINARY, "get", id, "1", "-o", cli_out} +
                cli_common);
  get.waitForFinished(3600000);
  r.cli_s = static_cast<double>(t.elapsed()) / 1000.0;
  const QByteArray err = get.readAllStandardError();
  const qsizetype at = err.lastIndexOf("peak_kib=");
  if (at >= 0) r.cli_peak_mib = err.mid(at + 9).trimmed().toDouble() / 1024;
  const QByteArray want = Sha256Of(dir.filePath(QStringLiteral("big.bin")));
  r.ok = get.exitCode() == 0 && want == Sha256Of(folder + QStringLiteral("/big.bin")) &&
         want == Sha256Of(cli_out);
  if (!r.ok) std::fprintf(stderr, "download leg: %s\n", err.constData());
  return r;
}

// Submits the "Download bench" case with a `mib` MiB file, lists again and
// runs the leg; prints its lines. True when it ran and the RSS stayed flat.
bool RunDownloadLeg(const QTemporaryDir& dir, const Server& s, const QString& fp,
                    dojava::desk::MainWindow& window, const QStringList& cli_common, int mib) {
  const QString big = dir.filePath(QStringLiteral("big.bin"));
  const QString text = dir.filePath(QStringLiteral("report.txt"));
  if (!WriteRandomFile(big, mib)) return false;
  int rc = 0;
  QElapsedTimer t;
  t.start();
  Run(DOJAVA_CLI_BINARY,
      {"submit", "--form", "title=Download bench", "--text-file", text, "--attach", big,
       "--admin-fingerprint", fp, "--server", s.source, "--state-dir",
       dir.filePath(QStringLiteral("src-big"))},
      &rc);
  if (rc != 0) return false;
  std::printf("submitted a case with a %d MiB file in %.1f s\n", mib,
              static_cast<double>(t.elapsed()) / 1000.0);
  QSignalSpy done(&window, &dojava::desk::MainWindow::requestFinished);
  window.Refresh();
  if (!done.wait(600000) || !done[0][0].toBool()) return false;
  const DownloadLegResult r = DownloadLeg(dir, window, cli_common);
  std::printf("download %d MiB: desk %.2f s (%.1f MiB/s), dojava get %.2f s (%.1f MiB/s)%s\n", mib,
              r.desk_s, mib / r.desk_s, r.cli_s, mib / r.cli_s,
              r.ok ? "" : " - FAILED or not byte-identical");
  std::printf("download time ratio desk/cli: %.2f\n", r.desk_s / r.cli_s);
  std::printf("desk RSS growth while downloading / %.0f MiB: %.2f (%.1f MiB); peak RSS %.1f MiB\n",
              kMaxDownloadRssGrowthMiB, r.rss_growth_mib / kMaxDownloadRssGrowthMiB,
              r.rss_growth_mib, RssMiB());
  std::printf("dojava get peak RSS: %.1f MiB\n", r.cli_peak_mib);
  return r.ok && r.rss_growth_mib < kMaxDownloadRssGrowthMiB;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const int cases = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int download_mib = argc > 2 ? std::atoi(argv[2]) : 1024;
  QTemporaryDir dir;
  qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("xdg")).toUtf8());
  auto p = [&](const char* n) { return dir.filePath(QLatin1String(n)); };
  QFile pass(p("pass"));
  if (!pass.open(QIODevice::WriteOnly)) return 2;
  pass.write("correct horse battery staple\n");
  pass.close();
  pass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
  Server server;
  QString fp;
  int rc = 0;
  if (!StartServer(dir, &server, &fp)) return 2;
  Run(DOJAVA_CLI_BINARY,
      {"keygen", "--key-file", p("ana.key"), "--passphrase-file", p("pass"), "--kdf-memory-mib",
       "8"},
      &rc);
  Run(DOJAVA_CLI_BINARY,
      {"roster", "add", "--server", server.reviewer, "--state-dir", p("st-admin"), "--admin-key",
       p("admin.key"), "--passphrase-file", p("pass"), "--name", "ana", "--reviewer-public",
       p("ana.key.pub")},
      &rc);
  if (rc != 0) return 2;
  QElapsedTimer t;
  t.start();
  if (!Submit(dir, server, fp, cases)) return 2;
  std::printf("submitted %d cases in %.1f s\n", cases, static_cast<double>(t.elapsed()) / 1000.0);

  const QStringList cli = {"cases",
                           "--json",
                           "--server",
                           server.reviewer,
                           "--key-file",
                           p("ana.key"),
                           "--passphrase-file",
                           p("pass"),
                           "--state-dir",
                           p("st-cli"),
                           "--admin-fingerprint",
                           fp};
  Run(DOJAVA_CLI_BINARY, cli, &rc);  // logs in, pins the case keys
  t.restart();
  Run(DOJAVA_CLI_BINARY, cli, &rc);
  const double cli_s = static_cast<double>(t.elapsed()) / 1000.0;

  dojava::desk::DeskSettings settings(p("desk.ini"));
  settings.SetServer({p("ana.key"), server.reviewer, {}, fp, p("st-desk")});
  dojava::desk::MainWindow window(p("desk.ini"));
  window.SetShowDialogs(false);
  window.show();
  QSignalSpy done(&window, &dojava::desk::MainWindow::requestFinished);
  auto* field = window.findChild<QLineEdit*>(QStringLiteral("passphrase"));
  field->setText(QStringLiteral("correct horse battery staple"));
  emit field->returnPressed();
  // Unlocked, then the first listing (opens and pins every case, as the CLI's first run).
  while (done.size() < 2 && done.wait(600000)) {
  }
  qint64 longest_stall = 0;
  QElapsedTimer tick;
  QTimer probe;
  QObject::connect(&probe, &QTimer::timeout,
                   [&] { longest_stall = std::max(longest_stall, tick.restart()); });
  done.clear();
  probe.start(1);
  tick.start();
  t.restart();
  window.Refresh();
  done.wait(600000);
  const double desk_s = static_cast<double>(t.elapsed()) / 1000.0;
  probe.stop();
  const bool listed = !done.isEmpty() && done[0][0].toBool();
  const double rss = RssMiB();
  std::printf("dojava cases --json: %.2f s; desk list: %.2f s (%s)\n", cli_s, desk_s,
              listed ? qPrintable(done[0][1].toString()) : "failed");
  std::printf("list time ratio desk/cli: %.2f (target <= %.1f)\n", desk_s / cli_s, kMaxListRatio);
  std::printf("longest GUI stall / %.0f ms: %.2f (%lld ms)\n", kMaxStallMs,
              static_cast<double>(longest_stall) / kMaxStallMs,
              static_cast<long long>(longest_stall));
  std::printf("peak RSS / %.0f MiB: %.2f (%.1f MiB)\n", kMaxRssMiB, rss / kMaxRssMiB, rss);
  QStringList cli_common = cli;
  cli_common.removeAll(QStringLiteral("cases"));
  cli_common.removeAll(QStringLiteral("--json"));
  const bool download_ok =
      download_mib <= 0 || RunDownloadLeg(dir, server, fp, window, cli_common, download_mib);
  server.process.terminate();
  server.process.waitForFinished(10000);
  const bool ok = listed && desk_s / cli_s <= kMaxListRatio &&
                  static_cast<double>(longest_stall) < kMaxStallMs && rss < kMaxRssMiB &&
                  download_ok;
  return ok ? 0 : 1;
}
