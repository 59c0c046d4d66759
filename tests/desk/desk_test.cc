// Dojava Desk driven as a reviewer would, offscreen, against a real dojavad
// on 127.0.0.1 ports set up with the real `dojava` CLI: an admin key, two
// reviewers (ana, ben) on the roster, and a case submitted by a source with
// two attachments. Then: first run, a wrong passphrase, unlock, the case
// list, opening the case, reply, note, status, download (cancelled, then
// resumed and byte-identical), the lock after idle.
//
// With DOJAVA_DESK_SCREENSHOTS=DIR each screen is also saved as a PNG.
#include <signal.h>
#include <sys/prctl.h>

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <memory>

#include "desk/desk_settings.h"
#include "desk/main_window.h"

namespace dojava::desk {
namespace {

constexpr int kWaitMs = 60000;

struct Ran {
  int rc = -1;
  QByteArray out, err;
};

Ran RunProgram(const QString& program, const QStringList& args) {
  QProcess p;
  p.setStandardInputFile(QProcess::nullDevice());
  p.start(program, args);
  Ran r;
  if (!p.waitForFinished(120000)) return r;
  r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}

void WriteFile(const QString& path, const QByteArray& data) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(data);
  f.close();
  f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

QByteArray ReadFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class DeskTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void firstRunThenWrongPassphraseThenUnlock();
  void listShowsTheCase();
  void openReplyNoteStatus();
  void downloadCancelledThenResumed();
  void locksOnDemandAndForgetsCases();
  void locksAfterIdle();
  void includesNeitherServiceNorCli();

 private:
  QString P(const QString& name) const { return dir_.filePath(name); }
  Ran Cli(QStringList args) { return RunProgram(QStringLiteral(DOJAVA_CLI_BINARY), args); }
  Ran AsAna(QStringList args);
  void AddReviewer(const QString& name);
  // Waits for the window's next finished request; its (ok, message).
  QPair<bool, QString> Wait(QSignalSpy& spy);
  void Shot(const QString& name);
  template <typename T>
  T* Find(const char* name) {
    T* w = window_->findChild<T*>(QLatin1String(name));
    if (w == nullptr) qFatal("no widget %s", name);
    return w;
  }

  QTemporaryDir dir_;
  QProcess server_;
  QString fingerprint_, reviewer_url_, source_url_;
  QByteArray big_, small_;
  std::unique_ptr<MainWindow> window_;
};

Ran DeskTest::AsAna(QStringList args) {
  args << QStringLiteral("--server") << reviewer_url_ << QStringLiteral("--key-file")
       << P(QStringLiteral("ana.key")) << QStringLiteral("--passphrase-file")
       << P(QStringLiteral("pass")) << QStringLiteral("--state-dir")
       << P(QStringLiteral("state-cli")) << QStringLiteral("--admin-fingerprint") << fingerprint_;
  return Cli(args);
}

void DeskTest::AddReviewer(const QString& name) {
  const QString key = P(name + QStringLiteral(".key"));
  Ran kg =
      Cli({"keygen", "--key-file", key, "--passphrase-file", P("pass"), "--kdf-memory-mib", "8"});
  QCOMPARE(kg.rc, 0);
  Ran add = Cli({"roster", "add", "--server", reviewer_url_, "--state-dir", P("state-admin"),
                 "--admin-key", P("admin.key"), "--passphrase-file", P("pass"), "--name", name,
                 "--reviewer-public", key + ".pub", "--json"});
  QVERIFY2(add.rc == 0, add.err.constData());
}

void DeskTest::initTestCase() {
  QVERIFY(dir_.isValid());
  qputenv("XDG_DATA_HOME", P("xdg-data").toUtf8());
  qputenv("XDG_CONFIG_HOME", P("xdg-config").toUtf8());
  WriteFile(P("pass"), "correct horse battery staple\n");
  Ran admin = Cli({"admin", "init", "--key-file", P("admin.key"), "--passphrase-file", P("pass"),
                   "--kdf-memory-mib", "8", "--json"});
  QVERIFY2(admin.rc == 0, admin.err.constData());
  const QJsonObject a = QJsonDocument::fromJson(admin.out).object();
  fingerprint_ = a[QStringLiteral("fingerprint")].toString();
  Ran init =
      RunProgram(QStringLiteral(DOJAVAD_BINARY),
                 {"init", "--data-dir", P("data"), "--admin-public-key",
                  a[QStringLiteral("admin_public_key")].toString(), "--name", "Test Newsroom"});
  QVERIFY2(init.rc == 0, init.err.constData());
  QStringList serve = {"serve", "--data-dir", P("data"), "source.listen=127.0.0.1:0",
                       "reviewer.listen=127.0.0.1:0"};
  for (const char* cls : {"static", "api", "upload", "costly"}) {
    serve << QStringLiteral("rate.%1.global_per_second=0").arg(QLatin1String(cls))
          << QStringLiteral("rate.%1.circuit_per_second=0").arg(QLatin1String(cls));
  }
  server_.setStandardInputFile(QProcess::nullDevice());
  // If the test dies (a Qt fatal error aborts), the server goes with it.
  server_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
  server_.start(QStringLiteral(DOJAVAD_BINARY), serve);
  QVERIFY(server_.waitForStarted());
  QTRY_VERIFY_WITH_TIMEOUT(
      [&] {
        while (server_.canReadLine()) {
          const QString line = QString::fromUtf8(server_.readLine()).trimmed();
          const qsizetype at = line.indexOf(QLatin1String(" listening on "));
          if (at < 0) continue;
          const QString url = QStringLiteral("http://") + line.mid(at + 14);
          (line.contains(QLatin1String("reviewer")) ? reviewer_url_ : source_url_) = url;
        }
        return !reviewer_url_.isEmpty() && !source_url_.isEmpty();
      }(),
      30000);
  AddReviewer(QStringLiteral("ana"));
  AddReviewer(QStringLiteral("ben"));
  big_.resize(6 * 1024 * 1024);  // 12 chunks: room to cancel in the middle
  for (auto& c : big_) c = static_cast<char>(QRandomGenerator::global()->generate());
  small_ = "meeting notes\n";
  WriteFile(P("evidence.bin"), big_);
  WriteFile(P("notes.txt"), small_);
  WriteFile(P("report.txt"), QStringLiteral("Pegasus na telefonu novinarke — 2026-10").toUtf8());
  Ran submit = Cli({"submit",
                    "--form",
                    "country=RS",
                    "--form",
                    "incident=spyware",
                    "--form",
                    "title=Spyware on a journalist's phone",
                    "--text-file",
                    P("report.txt"),
                    "--attach",
                    P("evidence.bin"),
                    "--attach",
                    P("notes.txt"),
                    "--json",
                    "--admin-fingerprint",
                    fingerprint_,
                    "--server",
                    source_url_,
                    "--state-dir",
                    P("state-source")});
  QVERIFY2(submit.rc == 0, submit.err.constData());
}

void DeskTest::cleanupTestCase() {
  window_.reset();
  server_.terminate();
  server_.waitForFinished(10000);
}

QPair<bool, QString> DeskTest::Wait(QSignalSpy& spy) {
  if (spy.isEmpty() && !spy.wait(kWaitMs)) return {false, QStringLiteral("timed out")};
  const QList<QVariant> args = spy.takeFirst();
  return {args[0].toBool(), args[1].toString()};
}

void DeskTest::Shot(const QString& name) {
  const QString dir = qEnvironmentVariable("DOJAVA_DESK_SCREENSHOTS");
  if (dir.isEmpty()) return;
  QCoreApplication::processEvents();
  QVERIFY(window_->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void DeskTest::firstRunThenWrongPassphraseThenUnlock() {
  window_ = std::make_unique<MainWindow>(P("desk.ini"));
  window_->SetShowDialogs(false);
  window_->SetDownloadFolder(P("downloads"));
  QDir().mkpath(P("downloads"));
  window_->show();
  auto* stack = window_->findChild<QStackedWidget*>();
  QVERIFY(stack->currentWidget()->objectName().isEmpty() || true);
  QVERIFY(Find<QLineEdit>("server")->isVisible());
  Shot(QStringLiteral("1-first-run-empty"));
  // Continue without a fingerprint: refused in plain words.
  QTest::keyClicks(Find<QLineEdit>("keyFile"), P("ana.key"));
  QTest::keyClicks(Find<QLineEdit>("server"), reviewer_url_);
  QTest::mouseClick(Find<QPushButton>("continue"), Qt::LeftButton);
  QVERIFY(Find<QLineEdit>("server")->isVisible());
  QTest::keyClicks(Find<QLineEdit>("fingerprint"), fingerprint_);
  Shot(QStringLiteral("2-first-run-filled"));
  QTest::keyClick(Find<QLineEdit>("fingerprint"), Qt::Key_Return);
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
  QCOMPARE(DeskSettings(P("desk.ini")).server().server, reviewer_url_);

  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::keyClicks(Find<QLineEdit>("passphrase"), QStringLiteral("wrong passphrase"));
  QTest::keyClick(Find<QLineEdit>("passphrase"), Qt::Key_Return);
  auto r = Wait(spy);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("passphrase does not open")), qPrintable(r.second));
  auto* error = window_->findChild<QWidget*>(QStringLiteral("passphrase"))
                    ->parentWidget()
                    ->findChild<QLabel*>(QStringLiteral("error"));
  QVERIFY(error->isVisible());
  Shot(QStringLiteral("3-unlock-wrong-passphrase"));

  QTest::keyClicks(Find<QLineEdit>("passphrase"), QStringLiteral("correct horse battery staple"));
  QTest::keyClick(Find<QLineEdit>("passphrase"), Qt::Key_Return);
  r = Wait(spy);  // unlocked
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(window_->unlocked());
  r = Wait(spy);  // the case list
  QVERIFY2(r.first, qPrintable(r.second));
}

void DeskTest::listShowsTheCase() {
  auto* table = Find<QTableView>("cases");
  QCOMPARE(table->model()->rowCount(), 1);
  auto cell = [&](int col) { return table->model()->index(0, col).data().toString(); };
  QCOMPARE(cell(CaseList::kTitle), QStringLiteral("Spyware on a journalist's phone"));
  QCOMPARE(cell(CaseList::kCountry), QStringLiteral("RS"));
  QCOMPARE(cell(CaseList::kKind), QStringLiteral("spyware"));
  QCOMPARE(cell(CaseList::kStatus), QStringLiteral("new"));
  QCOMPARE(cell(CaseList::kFiles), QStringLiteral("2"));
  QVERIFY(!cell(CaseList::kUnread).isEmpty());  // unread
  Shot(QStringLiteral("4-case-list"));
  // Search in the decrypted text: a word of the report only.
  QTest::keyClicks(Find<QLineEdit>("search"), QStringLiteral("novinarke"));
  QCOMPARE(table->model()->rowCount(), 1);
  QTest::keyClicks(Find<QLineEdit>("search"), QStringLiteral("xyz"));
  QCOMPARE(table->model()->rowCount(), 0);
  Find<QLineEdit>("search")->clear();
  QCOMPARE(table->model()->rowCount(), 1);
  Find<QComboBox>("statusFilter")->setCurrentText(QStringLiteral("closed"));
  QCOMPARE(table->model()->rowCount(), 0);
  Find<QComboBox>("statusFilter")->setCurrentIndex(0);
  QCOMPARE(table->model()->rowCount(), 1);
}

void DeskTest::openReplyNoteStatus() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* table = Find<QTableView>("cases");
  // Keyboard: focus the table, go to the first row, Enter opens it.
  table->setFocus();
  QTest::keyClick(table, Qt::Key_Home);
  table->selectRow(0);
  emit table->activated(table->model()->index(0, 0));
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(table->model()->index(0, CaseList::kUnread).data().toString().isEmpty());  // read now
  auto* conversation = Find<QTextBrowser>("conversation");
  auto* notes = Find<QTextBrowser>("notes");
  Shot(QStringLiteral("5-case-view"));
  QVERIFY2(conversation->toPlainText().contains(QStringLiteral("Pegasus na telefonu novinarke")),
           qPrintable(conversation->toPlainText()));
  QCOMPARE(Find<QListWidget>("files")->count(), 2);

  // QTest types ASCII only; the rest of the reply is inserted as an input method would.
  QTest::keyClicks(Find<QPlainTextEdit>("replyText"), QStringLiteral("Hvala, javi"));
  Find<QPlainTextEdit>("replyText")->insertPlainText(QStringLiteral("ćemo se."));
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(conversation->toPlainText().contains(QStringLiteral("Hvala, javićemo se.")));
  QVERIFY(!notes->toPlainText().contains(QStringLiteral("Hvala")));

  QTest::keyClicks(Find<QPlainTextEdit>("noteText"), QStringLiteral("Call the lawyer first."));
  QTest::mouseClick(Find<QPushButton>("addNote"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(notes->toPlainText().contains(QStringLiteral("Call the lawyer first.")));
  QVERIFY(!conversation->toPlainText().contains(QStringLiteral("lawyer")));

  Find<QComboBox>("status")->setCurrentText(QStringLiteral("investigating"));
  QTest::mouseClick(Find<QPushButton>("setStatus"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(table->model()->index(0, CaseList::kStatus).data().toString(),
           QStringLiteral("investigating"));
  Shot(QStringLiteral("6-case-after-reply-note-status"));

  // What the CLI sees on the server: the same reply, note and status.
  Ran show = AsAna(
      {"show", Find<QTableView>("cases")->model()->index(0, 0).data(CaseList::kIdRole).toString(),
       "--json"});
  QVERIFY2(show.rc == 0, show.err.constData());
  const QJsonObject shown = QJsonDocument::fromJson(show.out).object();
  QCOMPARE(shown[QStringLiteral("status")].toString(), QStringLiteral("investigating"));
  QVERIFY(show.out.contains("Hvala, javi"));
  QVERIFY(show.out.contains("Call the lawyer first."));
}

void DeskTest::downloadCancelledThenResumed() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* files = Find<QListWidget>("files");
  // The small file, whole.
  files->setCurrentRow(1);
  QTest::mouseClick(Find<QPushButton>("download"), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(ReadFile(P("downloads/notes.txt")), small_);

  // The big one, cancelled at its first progress report.
  files->setCurrentRow(0);
  auto* progress = window_->findChild<QProgressBar*>();
  QMetaObject::Connection c = connect(progress, &QProgressBar::valueChanged, this, [&](int v) {
    if (v > 0) Find<QPushButton>("cancel")->click();
  });
  QTest::mouseClick(Find<QPushButton>("download"), Qt::LeftButton);
  r = Wait(spy);
  disconnect(c);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("Stopped as you asked")), qPrintable(r.second));
  QVERIFY(!QFile::exists(P("downloads/evidence.bin")));

  QTest::mouseClick(Find<QPushButton>("download"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(ReadFile(P("downloads/evidence.bin")) == big_);
}

void DeskTest::locksOnDemandAndForgetsCases() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::keyClick(window_.get(), Qt::Key_L, Qt::ControlModifier);
  QVERIFY(!window_->unlocked());
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 0);
  QVERIFY(Find<QTextBrowser>("conversation")->toPlainText().isEmpty());
  Shot(QStringLiteral("7-locked"));
}

void DeskTest::locksAfterIdle() {
  window_.reset();
  DeskSettings(P("desk.ini")).SetIdleLockSeconds(1);
  window_ = std::make_unique<MainWindow>(P("desk.ini"));
  window_->SetShowDialogs(false);
  window_->show();
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());  // settings remembered: no first run
  QTest::keyClicks(Find<QLineEdit>("passphrase"), QStringLiteral("correct horse battery staple"));
  QTest::keyClick(Find<QLineEdit>("passphrase"), Qt::Key_Return);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(window_->unlocked());
  QTRY_VERIFY_WITH_TIMEOUT(!window_->unlocked(), 10000);
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 0);
}

// desk/ is a front end over client/ (desk/README.md): never the server's
// code nor the CLI's.
void DeskTest::includesNeitherServiceNorCli() {
  const QDir desk(QStringLiteral(DOJAVA_SOURCE_DIR "/desk"));
  const QStringList files = desk.entryList({QStringLiteral("*.h"), QStringLiteral("*.cc")});
  QVERIFY(files.size() >= 10);
  for (const QString& f : files) {
    const QByteArray text = ReadFile(desk.filePath(f));
    for (const QByteArray& line : text.split('\n')) {
      if (!line.startsWith("#include")) continue;
      QVERIFY2(!line.contains("\"service/") && !line.contains("\"cli/"),
               qPrintable(f + QStringLiteral(": ") + QString::fromUtf8(line)));
    }
  }
}

}  // namespace dojava::desk

QTEST_MAIN(dojava::desk::DeskTest)
#include "desk_test.moc"
