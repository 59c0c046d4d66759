// Dojava Desk driven as a reviewer would, offscreen, against a real dojavad
// on 127.0.0.1 ports set up with the real `dojava` CLI: an admin key, two
// reviewers (ana, ben) on the roster, and a case submitted by a source with
// two attachments. Then: first run from the admin's onboarding file, a wrong
// passphrase, unlock, the case list, opening the case, reply, note, status,
// download (cancelled, then resumed and byte-identical), replies with files
// (mat2 cleaning, location warnings), grant and grant-all (checked with the
// colleagues' own CLI), a notification when a case arrives, delete with
// confirmation, tamper warnings (in every language after a switch), a
// swapped source key named, the lock after idle.
//
// With DOJAVA_DESK_SCREENSHOTS=DIR each screen is also saved as a PNG (and
// in each of DOJAVA_DESK_SCREENSHOT_LANGUAGES, comma-separated). The window
// follows the system's language: ctest runs this test under the C locale.
#include <signal.h>
#include <sys/prctl.h>

#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <functional>
#include <memory>
#include <numeric>

#include "client/file_metadata.h"
#include "client/onion_auth.h"
#include "crypto/key_file.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/reviewer_key.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"
#include "desk/dashboard_counts.h"
#include "desk/dashboard_page.h"
#include "desk/desk_settings.h"
#include "desk/dialogs.h"
#include "desk/language_switch.h"
#include "desk/main_window.h"
#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"

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

// A case id (base64url, as listed) as the bytes the store keys it by.
Bytes IdBytes(const QString& id) {
  const QByteArray raw = QByteArray::fromBase64(
      id.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
  return Bytes(raw.begin(), raw.end());
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

// A small JPEG whose EXIF names a GPS block (as a phone's photo does).
QByteArray JpegWithGps() {
  QImage image(32, 32, QImage::Format_RGB32);
  image.fill(Qt::darkGreen);
  QByteArray jpeg;
  QBuffer buffer(&jpeg);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "JPEG");
  QByteArray tiff("II*\0\x08\0\0\0", 8);
  auto u16 = [&](int v) {
    tiff.append(static_cast<char>(v & 255)).append(static_cast<char>(v >> 8));
  };
  auto u32 = [&](int v) { u16(v & 0xFFFF), u16(v >> 16); };
  u16(1), u16(0x8825), u16(4), u32(1), u32(26), u32(0);  // IFD0: GPS block at 26
  u16(1), u16(0), u16(1), u32(4);                        // GPS: GPSVersionID 2.2.0.0
  tiff.append("\x02\x02\0\0", 4);
  u32(0);
  const QByteArray app1 = QByteArray("Exif\0\0", 6) + tiff;
  QByteArray segment("\xFF\xE1", 2);
  segment.append(static_cast<char>((app1.size() + 2) >> 8))
      .append(static_cast<char>((app1.size() + 2) & 255))
      .append(app1);
  return jpeg.insert(2, segment);
}

bool HasGps(const QString& path) {
  auto gps = client::HasLocationMetadata(path.toStdString());
  return gps.ok() && *gps;
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
  void readMarksStayOutOfDeskIni();
  void fileDialogKeepsNoFolders();
  void replyWithFilesCleanedOrWarned();
  void grantOneCaseThenAllCases();
  void notifiesWhenACaseArrives();
  void dashboardCountsTheCasesAndExports();
  void dashboardCsvDefusesFormulas();
  void deleteAsksFirst();
  void tamperedRecordsAreNamed();
  void swappedSourceKeyIsNamed();
  void rekeysAreNamed();
  void locksOnDemandAndForgetsCases();
  void checkMySetup();
  void locksAfterIdle();
  void torClientKeyAndOwnTor();
  void createKeyInTheApp();
  void rotatedKeyUnlocksListsOpensReplies();
  void includesNeitherServiceNorCli();

 private:
  QString P(const QString& name) const { return dir_.filePath(name); }
  Ran Cli(QStringList args) { return RunProgram(QStringLiteral(DOJAVA_CLI_BINARY), args); }
  Ran AsAna(QStringList args) { return As(QStringLiteral("ana"), args); }
  Ran As(const QString& who, QStringList args);
  QString FirstCaseId();
  Ran SubmitCase(const QString& title);
  // What a compromised server can do to case `id`: append a record that
  // opens under no key (posted with ana's valid token), or flip one byte of
  // stored message #`seq` (in the database dojavad is serving).
  void PostJunkRecord(const QString& id);
  // `original` (if given) receives the record as it was.
  void FlipStoredMessageByte(const QString& id, int seq, Bytes* original = nullptr);
  void SetStoredMessage(const QString& id, int seq, const Bytes& record, Bytes* was = nullptr);
  // Writes `key` as case `id`'s stored source key (in ChangeStoredData: a
  // running dojavad's readers did not see a second write from another
  // process until dojavad itself wrote); `was` receives the key as it was.
  void SetStoredSourceKey(const QString& id, const Bytes& key, Bytes* was = nullptr);
  // Runs `sql` on the database dojavad serves (in ChangeStoredData) with
  // `binds` as ?1, ?2...; `blob` (if given) receives column 0 of its first row.
  void RunOnStore(const std::string& sql, const std::vector<Bytes>& binds, Bytes* blob = nullptr);
  // Ana's generation-0 case key of case `id` and her recipient id, opened
  // from the stored sealed keys with her key file.
  void AnaCaseKey(const QString& id, SecretBytes* key, Bytes* recipient);
  // The open case's banner in every language, switched while it is shown:
  // no English sentence of it is left; "Details:" translated too.
  void BannerFollowsEveryLanguage(const char* banner);
  // Opens case `id` in the window and waits for it.
  void OpenInWindow(const QString& id);
  // dojavad on these listen addresses (HOST:PORT; port 0: any); sets the URLs.
  void StartServer(const QString& source, const QString& reviewer);
  void ChangeStoredData(const std::function<void()>& change);
  void AddReviewer(const QString& name);
  // `dojava key rotate` of `who`'s key (epoch `epoch`), then, if `sign`, the
  // admin's `roster add` of its new public line.
  void RotateWithCli(const QString& who, int epoch, bool sign = true);
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

Ran DeskTest::As(const QString& who, QStringList args) {
  args << QStringLiteral("--server") << reviewer_url_ << QStringLiteral("--key-file")
       << P(who + QStringLiteral(".key")) << QStringLiteral("--passphrase-file")
       << P(QStringLiteral("pass")) << QStringLiteral("--state-dir")
       << P(QStringLiteral("state-cli-") + who) << QStringLiteral("--admin-fingerprint")
       << fingerprint_;
  return Cli(args);
}

QString DeskTest::FirstCaseId() {
  auto* table = Find<QTableView>("cases");
  for (int r = 0; r < table->model()->rowCount(); ++r) {
    const QModelIndex i = table->model()->index(r, CaseList::kTitle);
    if (i.data().toString().startsWith(QLatin1String("Spyware"))) {
      return i.siblingAtColumn(0).data(CaseList::kIdRole).toString();
    }
  }
  return {};
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
  StartServer(QStringLiteral("127.0.0.1:0"), QStringLiteral("127.0.0.1:0"));
  QVERIFY(!reviewer_url_.isEmpty() && !source_url_.isEmpty());
  AddReviewer(QStringLiteral("ana"));
  AddReviewer(QStringLiteral("ben"));
  Ran onboarding = Cli({"admin", "onboarding", "--admin-key", P("admin.key"), "--passphrase-file",
                        P("pass"), "--server", reviewer_url_, "--name", "Test Newsroom", "-o",
                        P("newsroom.dojava-onboarding")});
  QVERIFY2(onboarding.rc == 0, onboarding.err.constData());
  // What the first version kept: read counts by case id. Removed on start.
  WriteFile(P("desk.ini"), "[seen]\nAAAAAAAAAAAAAAAAAAAAAA=3\n");
  big_.resize(6 * 1024 * 1024);  // 12 chunks: room to cancel in the middle
  for (auto& c : big_) c = static_cast<char>(QRandomGenerator::global()->generate());
  small_ = "meeting notes\n";
  WriteFile(P("evidence.bin"), big_);
  WriteFile(P("notes.txt"), small_);
  WriteFile(P("report.txt"), QStringLiteral("Pegasus na telefonu novinarke — 2026-10").toUtf8());
  Ran submit = SubmitCase({});
  QVERIFY2(submit.rc == 0, submit.err.constData());
  // Joined after the case arrived: they see it only once it is shared.
  AddReviewer(QStringLiteral("cleo"));
  AddReviewer(QStringLiteral("dana"));
}

void DeskTest::StartServer(const QString& source, const QString& reviewer) {
  QStringList serve = {"serve", "--data-dir", P("data"), "source.listen=" + source,
                       "reviewer.listen=" + reviewer};
  for (const char* cls : {"static", "api", "upload", "costly"}) {
    serve << QStringLiteral("rate.%1.global_per_second=0").arg(QLatin1String(cls))
          << QStringLiteral("rate.%1.circuit_per_second=0").arg(QLatin1String(cls));
  }
  server_.setStandardInputFile(QProcess::nullDevice());
  // If the test dies (a Qt fatal error aborts), the server goes with it.
  server_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
  server_.start(QStringLiteral(DOJAVAD_BINARY), serve);
  QVERIFY(server_.waitForStarted());
  reviewer_url_.clear();
  source_url_.clear();
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
}

// Stops dojavad, runs `change` on its data (as someone with the database key
// could) and starts it again on the same ports.
void DeskTest::ChangeStoredData(const std::function<void()>& change) {
  const QString source = source_url_.mid(7), reviewer = reviewer_url_.mid(7);
  server_.terminate();
  QVERIFY(server_.waitForFinished(30000));
  change();
  StartServer(source, reviewer);
  QCOMPARE(reviewer_url_, QStringLiteral("http://") + reviewer);
  // A restarted dojavad has forgotten every token (API.md): the desk logs
  // in again by itself at its next request (desk_relogin_test.cc).
}

Ran DeskTest::SubmitCase(const QString& title) {
  if (!title.isEmpty()) {
    return Cli({"submit", "--form", "country=MK", "--form", "incident=threat", "--form",
                "title=" + title, "--text-file", P("report.txt"), "--json", "--admin-fingerprint",
                fingerprint_, "--server", source_url_, "--state-dir", P("state-source-2")});
  }
  return Cli({"submit",
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
  // DOJAVA_DESK_SCREENSHOT_LANGUAGES=sr_Cyrl,mk: the same screen again in each
  // language, switched while the app runs as the Language menu does, then
  // back to English for the checks that follow.
  const QStringList codes = qEnvironmentVariable("DOJAVA_DESK_SCREENSHOT_LANGUAGES")
                                .split(QLatin1Char(','), Qt::SkipEmptyParts);
  for (const QString& code : codes) {
    QVERIFY(LanguageSwitch::Instance()->Use(code));
    // Pages redraw on the posted LanguageChange, and the rows they add are
    // shown by queued calls: a few rounds of the event loop.
    for (int i = 0; i < 5; ++i) QTest::qWait(20);
    QVERIFY(window_->grab().save(dir + QLatin1Char('/') + name + QLatin1Char('-') + code +
                                 QStringLiteral(".png")));
    QVERIFY(LanguageSwitch::Instance()->Use(QStringLiteral("en")));
    for (int i = 0; i < 5; ++i) QTest::qWait(20);
  }
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
  QVERIFY(!QFile(P("desk.ini")).open(QIODevice::ReadOnly) ||
          !ReadFile(P("desk.ini")).contains("AAAAAAAAAAAAAAAAAAAAAA"));
  // Continue without a server and fingerprint: refused in plain words.
  QTest::keyClicks(Find<QLineEdit>("keyFile"), P("ana.key"));
  QTest::mouseClick(Find<QPushButton>("continue"), Qt::LeftButton);
  QVERIFY(Find<QLineEdit>("server")->isVisible());
  auto* setup_error = Find<QPushButton>("continue")->parentWidget()->findChild<QLabel*>("error");
  QVERIFY(setup_error->isVisible());
  // Not an onboarding file: said so, nothing filled in.
  QVERIFY(!window_->findChild<SetupPage*>()->LoadOnboarding(P("report.txt")));
  QVERIFY2(setup_error->text().contains(QLatin1String("not an onboarding file")),
           qPrintable(setup_error->text()));
  QVERIFY(Find<QLineEdit>("server")->text().isEmpty());
  // The admin's onboarding file: the address and fingerprint from it.
  QVERIFY(window_->findChild<SetupPage*>()->LoadOnboarding(P("newsroom.dojava-onboarding")));
  QCOMPARE(Find<QLineEdit>("server")->text(), reviewer_url_);
  QCOMPARE(Find<QLineEdit>("fingerprint")->text(), fingerprint_);
  QVERIFY(Find<QLabel>("onboardingName")->text().contains(QLatin1String("Test Newsroom")));
  QVERIFY(!setup_error->isVisible());
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
  // First contact pinned the admin key the onboarding file names.
  QDirIterator pins(P("xdg-data"), {QStringLiteral("admin_public_key")}, QDir::Files,
                    QDirIterator::Subdirectories);
  QVERIFY(pins.hasNext());
}

void DeskTest::listShowsTheCase() {
  auto* table = Find<QTableView>("cases");
  QCOMPARE(table->model()->rowCount(), 1);
  auto cell = [&](int col) { return table->model()->index(0, col).data().toString(); };
  QCOMPARE(cell(CaseList::kTitle), QStringLiteral("Spyware on a journalist's phone"));
  QCOMPARE(cell(CaseList::kCountry), QStringLiteral("Serbia"));  // the page's words for RS
  QCOMPARE(cell(CaseList::kKind), QStringLiteral("Spyware on a phone or computer"));
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

void DeskTest::readMarksStayOutOfDeskIni() {
  const QString id = FirstCaseId();
  QVERIFY(!id.isEmpty());
  const QByteArray ini = ReadFile(P("desk.ini"));
  QVERIFY(ini.contains("address="));
  QVERIFY2(!ini.contains(id.toUtf8()) && !ini.contains("[seen]"), ini.constData());
  // What ana read is in the client's private state, 0600.
  QDirIterator seen(P("xdg-data"), {QStringLiteral("seen-*")}, QDir::Files,
                    QDirIterator::Subdirectories);
  QVERIFY(seen.hasNext());
  QCOMPARE(QFile(seen.next()).permissions() & (QFile::ReadGroup | QFile::ReadOther),
           QFile::Permissions());
}

// A file chosen in the desk's file dialog leaves its folder's name nowhere
// on disk (Qt's dialog writes its history to QtProject.conf).
void DeskTest::fileDialogKeepsNoFolders() {
  const QString folder = P("pegasus-journalist-folder");
  QVERIFY(QDir().mkpath(folder));
  const QString file = folder + QStringLiteral("/evidence.txt");
  QFile f(file);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write("x");
  f.close();
  QTimer picker;
  picker.setInterval(10);
  QObject::connect(&picker, &QTimer::timeout, [&] {
    auto* d = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
    if (d == nullptr || !d->isVisible()) return;
    picker.stop();
    d->setDirectory(folder);
    d->selectFile(file);
    static_cast<QDialog*>(d)->accept();  // QFileDialog's is protected
  });
  picker.start();
  const QString got = AskForPath(window_.get(), QStringLiteral("pick"), QFileDialog::ExistingFile);
  QCOMPARE(got, file);
  const QString conf = QSettings(QSettings::UserScope, QStringLiteral("QtProject")).fileName();
  QVERIFY2(conf.startsWith(P("xdg-config")), qPrintable(conf));
  const QByteArray written = QFile::exists(conf) ? ReadFile(conf) : QByteArray();
  QVERIFY2(!written.contains("pegasus-journalist"), written.constData());
}

void DeskTest::replyWithFilesCleanedOrWarned() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* panel = window_->findChild<CasePanel*>();
  auto* warning = Find<QLabel>("fileWarning");
  auto* attached = Find<QListWidget>("replyFiles");
  WriteFile(P("photo.jpg"), JpegWithGps());
  QVERIFY(HasGps(P("photo.jpg")));
  QByteArray odd(1000, '\x01');
  WriteFile(P("unknown.bin"), odd);

  // mat2 not on PATH: cleaning cannot be chosen, and the warning says so.
  const QByteArray path = qgetenv("PATH");
  qputenv("PATH", P("no-programs-here").toUtf8());
  panel->AttachToReply(P("photo.jpg"));
  QVERIFY(warning->isVisible());
  QVERIFY2(warning->text().contains(QLatin1String("mat2 is not installed")),
           qPrintable(warning->text()));
  QVERIFY(warning->text().contains(QLatin1String("photo.jpg holds location data")));
  QVERIFY(!Find<QCheckBox>("cleanFiles")->isEnabled());
  Shot(QStringLiteral("8-reply-file-without-mat2"));
  qputenv("PATH", path);
  attached->setCurrentRow(0);
  QTest::mouseClick(Find<QPushButton>("removeFile"), Qt::LeftButton);
  QCOMPARE(attached->count(), 0);
  QVERIFY(!warning->isVisible());

  // mat2 installed (ops/setup): cleaning on; a file it cannot clean stops the reply.
  QVERIFY2(client::Mat2Available(), "mat2 is not installed (ops/setup installs it)");
  panel->AttachToReply(P("photo.jpg"));
  panel->AttachToReply(P("unknown.bin"));
  QVERIFY(Find<QCheckBox>("cleanFiles")->isChecked());
  QVERIFY(warning->text().contains(QLatin1String("location data")));
  QVERIFY(!warning->text().contains(QLatin1String("not installed")));
  QTest::keyClicks(Find<QPlainTextEdit>("replyText"), QStringLiteral("Here is the photo."));
  Shot(QStringLiteral("9-reply-with-files"));
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("mat2 could not remove the metadata of unknown.bin")),
           qPrintable(r.second));
  QCOMPARE(Find<QListWidget>("files")->count(), 2);  // nothing was sent
  QCOMPARE(attached->count(), 2);                    // kept to try again
  QCOMPARE(Find<QPlainTextEdit>("replyText")->toPlainText(), QStringLiteral("Here is the photo."));

  attached->setCurrentRow(1);
  QTest::mouseClick(Find<QPushButton>("removeFile"), Qt::LeftButton);
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(attached->count(), 0);
  QVERIFY(Find<QTextBrowser>("conversation")->toPlainText().contains(QLatin1String("photo.jpg")));
  QCOMPARE(Find<QListWidget>("files")->count(), 3);
  // The original is untouched; what the source gets has no location.
  QVERIFY(HasGps(P("photo.jpg")));
  QVERIFY(!QFile::exists(P("photo.cleaned.jpg")));
  Find<QListWidget>("files")->setCurrentRow(2);
  QTest::mouseClick(Find<QPushButton>("download"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(QImage(P("downloads/photo.jpg")).width(), 32);
  QVERIFY(!HasGps(P("downloads/photo.jpg")));
  QVERIFY2(!r.second.contains(QLatin1String("GPS")), qPrintable(r.second));

  // Sent without cleaning, as chosen: the saved copy is flagged.
  QDir().mkpath(P("downloads-2"));
  window_->SetDownloadFolder(P("downloads-2"));
  panel->AttachToReply(P("photo.jpg"));
  Find<QCheckBox>("cleanFiles")->setChecked(false);
  QTest::keyClicks(Find<QPlainTextEdit>("replyText"), QStringLiteral("The original."));
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Find<QListWidget>("files")->count(), 4);
  Find<QListWidget>("files")->setCurrentRow(3);
  QTest::mouseClick(Find<QPushButton>("download"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(ReadFile(P("downloads-2/photo.jpg")), ReadFile(P("photo.jpg")));
  QVERIFY2(r.second.contains(QLatin1String("still says where it was taken")), qPrintable(r.second));
  window_->SetDownloadFolder(P("downloads"));
}

void DeskTest::grantOneCaseThenAllCases() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  const QString id = FirstCaseId();
  QVERIFY(As(QStringLiteral("cleo"), {"show", id, "--json"}).rc != 0);
  QVERIFY(As(QStringLiteral("dana"), {"show", id, "--json"}).rc != 0);
  Find<QComboBox>("grantTo")->setCurrentText(QStringLiteral("cleo"));
  QTest::mouseClick(Find<QPushButton>("grant"), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  Ran cleo_show = As(QStringLiteral("cleo"), {"show", id, "--json"});
  QVERIFY2(cleo_show.rc == 0, cleo_show.err.constData());
  QVERIFY(cleo_show.out.contains("Pegasus na telefonu"));
  QVERIFY(As(QStringLiteral("dana"), {"show", id, "--json"}).rc != 0);

  // Share all my cases with cleo, picked by name in a dialog.
  window_->findChild<QAction*>(QStringLiteral("grantAll"))->trigger();
  auto* dialog = window_->findChild<QInputDialog*>(QStringLiteral("grantAllDialog"));
  QVERIFY(dialog != nullptr && dialog->isVisible());
  QStringList names = dialog->comboBoxItems();
  names.sort();
  QCOMPARE(names,
           QStringList({QStringLiteral("ben"), QStringLiteral("cleo"), QStringLiteral("dana")}));
  dialog->setTextValue(QStringLiteral("dana"));
  Shot(QStringLiteral("10-share-all"));
  dialog->accept();
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY2(r.second.startsWith(QLatin1String("Shared 1 case")), qPrintable(r.second));
  Ran dana = As(QStringLiteral("dana"), {"show", id, "--json"});
  QVERIFY2(dana.rc == 0, dana.err.constData());
}

void DeskTest::notifiesWhenACaseArrives() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QSignalSpy notified(window_.get(), &MainWindow::notified);
  window_->CheckActivity();
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(notified.count(), 0);  // everything was read
  QVERIFY(!Find<QLabel>("activity")->isVisible());

  Ran submit = SubmitCase(QStringLiteral("Threats after the broadcast"));
  QVERIFY2(submit.rc == 0, submit.err.constData());
  window_->CheckActivity();
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(notified.count(), 1);
  QCOMPARE(notified[0][0].toString(), QStringLiteral("New activity in Dojava"));
  QCOMPARE(notified[0][1].toInt(), 1);
  QVERIFY(Find<QLabel>("activity")->isVisible());
  QVERIFY(!Find<QLabel>("activity")->text().contains(QLatin1String("Threats")));
  QVERIFY2(window_->windowTitle().startsWith(QLatin1String("(1) ")),
           qPrintable(window_->windowTitle()));
  Shot(QStringLiteral("11-new-activity"));

  window_->Refresh();
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 2);
  QVERIFY(!Find<QLabel>("activity")->isVisible());
}

void DeskTest::dashboardCountsTheCasesAndExports() {
  auto* table = Find<QTableView>("cases");
  QCOMPARE(table->model()->rowCount(), 2);
  window_->findChild<QAction*>(QStringLiteral("dashboard"))->trigger();
  auto* page = window_->findChild<DashboardPage*>();
  QVERIFY(page->isVisible());
  // Every dimension's bars add up to the cases (labels: one bar per label or "(none)").
  for (CountBy by : {CountBy::kDay, CountBy::kWeek, CountBy::kMonth, CountBy::kStatus,
                     CountBy::kCountry, CountBy::kKind}) {
    page->SetDimension(by);
    const QList<int> bars = page->BarValues();
    QCOMPARE(std::accumulate(bars.begin(), bars.end(), 0), 2);
  }
  page->SetDimension(CountBy::kStatus);
  QCOMPARE(page->counts(),
           Counts({{QStringLiteral("investigating"), 1}, {QStringLiteral("new"), 1}}));
  QCOMPARE(Find<QTableWidget>("counts")->rowCount(), 2);
  page->SetDimension(CountBy::kCountry);
  QCOMPARE(page->counts(), Counts({{QStringLiteral("MK"), 1}, {QStringLiteral("RS"), 1}}));
  Shot(QStringLiteral("12-dashboard"));
  // Arrival: both today (the server's day), so one bar of 2.
  page->SetDimension(CountBy::kDay);
  QCOMPARE(page->BarValues(), QList<int>({2}));

  page->SetDimension(CountBy::kKind);
  QVERIFY(page->Export(P("kinds.csv"), false));
  QCOMPARE(ReadFile(P("kinds.csv")), QByteArray("kind,cases\r\nspyware,1\r\nthreat,1\r\n"));
  QVERIFY(page->Export(P("kinds.json"), true));
  const QJsonObject o = QJsonDocument::fromJson(ReadFile(P("kinds.json"))).object();
  QCOMPARE(o[QStringLiteral("dimension")].toString(), QStringLiteral("kind"));
  QCOMPARE(o[QStringLiteral("counts")].toArray().size(), 2);
  for (const char* f : {"kinds.csv", "kinds.json"}) {
    const QByteArray data = ReadFile(P(QLatin1String(f)));
    QVERIFY(!data.contains("Spyware") && !data.contains("Threats") && !data.contains("Pegasus"));
    QCOMPARE(QFile(P(QLatin1String(f))).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
  }
  QTest::mouseClick(Find<QPushButton>("backToCases"), Qt::LeftButton);
  QVERIFY(table->isVisible());
}

// Values a spreadsheet would run as formulas are exported as text.
void DeskTest::dashboardCsvDefusesFormulas() {
  CaseRow r;
  r.kind = QStringLiteral("=HYPERLINK(\"http://x\",\"a, b\")");
  const QByteArray csv = CountsCsv(CountCases({r}, CountBy::kKind), CountBy::kKind);
  QCOMPARE(csv, QByteArray("kind,cases\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",1\r\n"));
}

void DeskTest::deleteAsksFirst() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* table = Find<QTableView>("cases");
  QModelIndex row;
  for (int i = 0; i < table->model()->rowCount(); ++i) {
    const QModelIndex at = table->model()->index(i, CaseList::kTitle);
    if (at.data().toString().startsWith(QLatin1String("Threats"))) row = at;
  }
  QVERIFY(row.isValid());
  QVERIFY(!table->model()->index(row.row(), CaseList::kUnread).data().toString().isEmpty());
  const QString id = row.siblingAtColumn(0).data(CaseList::kIdRole).toString();
  QVERIFY(!id.isEmpty());
  emit table->activated(row);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));

  // "Keep the case": nothing happens.
  QTest::mouseClick(Find<QPushButton>("deleteCase"), Qt::LeftButton);
  auto* box = window_->findChild<QMessageBox*>(QStringLiteral("confirmDelete"));
  QVERIFY(box != nullptr && box->isVisible());
  Shot(QStringLiteral("13-delete-confirmation"));
  QTest::mouseClick(Find<QPushButton>("confirmDeleteNo"), Qt::LeftButton);
  QTRY_VERIFY(window_->findChild<QMessageBox*>(QStringLiteral("confirmDelete")) == nullptr);
  QTest::qWait(200);
  QVERIFY(spy.isEmpty());
  QCOMPARE(table->model()->rowCount(), 2);

  QTest::mouseClick(Find<QPushButton>("deleteCase"), Qt::LeftButton);
  QTest::mouseClick(Find<QPushButton>("confirmDeleteYes"), Qt::LeftButton);
  r = Wait(spy);  // deleted
  QVERIFY2(r.first, qPrintable(r.second));
  r = Wait(spy);  // the list again
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(table->model()->rowCount(), 1);
  QVERIFY(As(QStringLiteral("ana"), {"show", id, "--json"}).rc != 0);
  QVERIFY(As(QStringLiteral("ana"), {"show", FirstCaseId(), "--json"}).rc == 0);
}

void DeskTest::PostJunkRecord(const QString& id) {
  QVERIFY(AsAna({"cases", "--json"}).rc == 0);  // logged in: a valid token in ana's state
  QDirIterator it(P("state-cli-ana"), {QStringLiteral("token")}, QDir::Files,
                  QDirIterator::Subdirectories);
  QVERIFY(it.hasNext());
  const QByteArray token = ReadFile(it.next()).trimmed();
  const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
  // §8.1: a well-formed v2 header for this case (the server checks it), a
  // key commitment of no key, and 512 + 16 bytes of noise as the ciphertext.
  QByteArray record;
  record.append('\x02').append('\x01').append(QByteArray::fromBase64(id.toLatin1(), b64));
  for (int i = 0; i < 16 + 32 + 24 + 528; ++i) {
    record.append(static_cast<char>(QRandomGenerator::global()->generate()));
  }
  QNetworkAccessManager net;
  QNetworkRequest req(
      QUrl(reviewer_url_ + QStringLiteral("/api/v1/cases/") + id + QStringLiteral("/messages")));
  req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
  req.setRawHeader("Authorization", "Bearer " + token);
  QJsonObject body{{QStringLiteral("message"), QString::fromLatin1(record.toBase64(b64))},
                   {QStringLiteral("files"), QJsonArray()}};
  std::unique_ptr<QNetworkReply> reply(net.post(req, QJsonDocument(body).toJson()));
  QSignalSpy finished(reply.get(), &QNetworkReply::finished);
  QVERIFY(finished.wait(kWaitMs));
  QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201,
           reply->readAll().constData());
}

void DeskTest::SetStoredMessage(const QString& id, int seq, const Bytes& record, Bytes* was) {
  const std::string data = P(QStringLiteral("data")).toStdString();
  auto key = service::DatabaseKey::LoadFile(data + "/database.key");
  QVERIFY(key.ok());
  auto db = service::SqliteDb::Open(data + "/dojava.db", *key, service::SqliteDb::Mode::kReadWrite);
  QVERIFY(db.ok());
  const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
  const std::string where = "case_id = x'" +
                            QByteArray::fromBase64(id.toLatin1(), b64).toHex().toStdString() +
                            "' AND seq = " + std::to_string(seq);
  if (was != nullptr) {
    auto sel = (*db)->Prepare("SELECT record FROM messages WHERE " + where);
    QVERIFY(sel.ok());
    auto row = sel->Step();
    QVERIFY(row.ok() && *row);
    ByteView v = sel->ColumnBlob(0);
    *was = Bytes(v.begin(), v.end());
  }
  if (record.empty()) return;
  auto upd = (*db)->Prepare("UPDATE messages SET record = ?1 WHERE " + where);
  QVERIFY(upd.ok());
  upd->BindBlob(1, record);
  QVERIFY(upd->Run().ok());
}

void DeskTest::FlipStoredMessageByte(const QString& id, int seq, Bytes* original) {
  Bytes blob;
  SetStoredMessage(id, seq, {}, &blob);
  QVERIFY(blob.size() > 100);
  if (original != nullptr) *original = blob;
  blob[100] ^= 0x01;  // in the ciphertext: the record no longer opens
  SetStoredMessage(id, seq, blob);
}

void DeskTest::OpenInWindow(const QString& id) {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* table = Find<QTableView>("cases");
  for (int i = 0; i < table->model()->rowCount(); ++i) {
    const QModelIndex at = table->model()->index(i, 0);
    if (at.data(CaseList::kIdRole).toString() == id) emit table->activated(at);
  }
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
}

// A server that changes stored records: a forged later record is named in
// plain words and the rest of the case stays readable and writable; a case
// whose message #1 does not verify is marked not trustworthy, with reply and
// notes switched off; once the record is restored, all is as before.
void DeskTest::tamperedRecordsAreNamed() {
  const QString id = FirstCaseId();
  QVERIFY(!id.isEmpty());
  auto* warning = Find<QLabel>("caseWarning");
  auto* conversation = Find<QTextBrowser>("conversation");
  OpenInWindow(id);
  QVERIFY(!warning->isVisible());

  PostJunkRecord(id);
  OpenInWindow(id);
  QVERIFY(warning->isVisible());
  QVERIFY2(warning->text().contains(  // "message(s)" until an English catalogue is loaded
               QRegularExpression(QStringLiteral("\\b1 message(\\(s\\))? of this case failed"))),
           qPrintable(warning->text()));
  QVERIFY2(warning->text().contains(QLatin1String("changed or damaged on the server")),
           qPrintable(warning->text()));
  QVERIFY(!warning->text().contains(QLatin1String("Do not trust")));
  QVERIFY(conversation->toPlainText().contains(QStringLiteral("Pegasus na telefonu novinarke")));
  QVERIFY(conversation->toPlainText().contains(QStringLiteral("Hvala, javićemo se.")));
  QVERIFY(Find<QPushButton>("sendReply")->isEnabled());
  QVERIFY(Find<QPlainTextEdit>("replyText")->isEnabled());
  Shot(QStringLiteral("14-case-forged-record"));

  Bytes original;
  ChangeStoredData([&] { FlipStoredMessageByte(id, 1, &original); });
  OpenInWindow(id);
  QVERIFY2(warning->text().contains(QLatin1String("Do not trust this case")),
           qPrintable(warning->text()));
  // #1, the junk record, and the reply that names #1 as it was (§8.4).
  QVERIFY2(warning->text().contains(
               QRegularExpression(QStringLiteral("\\b3 message(\\(s\\)|s) of this case failed"))),
           qPrintable(warning->text()));
  QVERIFY(!Find<QPushButton>("sendReply")->isEnabled());
  QVERIFY(!Find<QPlainTextEdit>("replyText")->isEnabled());
  QVERIFY(!Find<QPushButton>("addNote")->isEnabled());
  QVERIFY(!conversation->toPlainText().contains(QStringLiteral("Pegasus")));  // not shown
  Shot(QStringLiteral("15-case-not-trustworthy"));
  BannerFollowsEveryLanguage("caseWarning");
  if (QTest::currentTestFailed()) LanguageSwitch::Instance()->Use(QStringLiteral("en"));

  ChangeStoredData([&] { SetStoredMessage(id, 1, original); });  // restored
  OpenInWindow(id);
  QVERIFY2(!warning->text().contains(QLatin1String("Do not trust")), qPrintable(warning->text()));
  QVERIFY(conversation->toPlainText().contains(QStringLiteral("Pegasus na telefonu novinarke")));
  QVERIFY(Find<QPushButton>("sendReply")->isEnabled());
}

// The banner was made from the case's outcome when it was opened; switched
// while it is shown, each language explains it anew: no sentence of the
// English banner is left and "Details:" is in the language too. The client
// library's message after it ("message #1 is not the source's report") stays
// as `dojava show` prints it: technical words for the admin or a bug report.
void DeskTest::BannerFollowsEveryLanguage(const char* banner) {
  auto* label = Find<QLabel>(banner);
  QVERIFY(label->isVisible());
  LanguageSwitch* language = LanguageSwitch::Instance();
  QCOMPARE(language->code(), QStringLiteral("en"));
  const QString english = label->text();
  const qsizetype details = english.indexOf(QLatin1String("\n\nDetails: "));
  QVERIFY2(details > 0, qPrintable(english));
  const QString library = english.mid(details + 11);
  QVERIFY(!library.isEmpty());
  QStringList sentences;
  for (const QString& s :
       english.left(details).split(QRegularExpression(QStringLiteral("(?<=[.:;])\\s+")))) {
    if (s.size() >= 12) sentences << s;
  }
  QVERIFY2(sentences.size() >= 5, qPrintable(sentences.join(QLatin1Char('|'))));
  for (const Language& l : Languages()) {
    if (l.code == QLatin1String("en")) continue;
    QVERIFY(language->Use(l.code));
    for (int i = 0; i < 5; ++i) QTest::qWait(20);  // the pages redraw on LanguageChange
    const QString shown = label->text();
    for (const QString& s : sentences) {
      QVERIFY2(!shown.contains(s), qPrintable(l.code + QStringLiteral(": still English: ") + s));
    }
    const QString label_text = QCoreApplication::translate("PlainError", "Details: ");
    QVERIFY(label_text != QLatin1String("Details: "));
    QVERIFY2(shown.contains(QStringLiteral("\n\n") + label_text + library),
             qPrintable(l.code + QStringLiteral(": ") + shown));
    QVERIFY2(!shown.contains(QLatin1String("Details")), qPrintable(shown));
  }
  QVERIFY(language->Use(QStringLiteral("en")));
  for (int i = 0; i < 5; ++i) QTest::qWait(20);
  QCOMPARE(label->text(), english);
}

void DeskTest::SetStoredSourceKey(const QString& id, const Bytes& key, Bytes* was) {
  const std::string data = P(QStringLiteral("data")).toStdString();
  auto db_key = service::DatabaseKey::LoadFile(data + "/database.key");
  QVERIFY(db_key.ok());
  auto db =
      service::SqliteDb::Open(data + "/dojava.db", *db_key, service::SqliteDb::Mode::kReadWrite);
  QVERIFY(db.ok());
  const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
  const QByteArray case_id = QByteArray::fromBase64(id.toLatin1(), b64);
  const Bytes id_bytes(case_id.begin(), case_id.end());
  if (was != nullptr) {
    auto sel = (*db)->Prepare("SELECT source_public_key FROM cases WHERE id = ?1");
    QVERIFY(sel.ok());
    sel->BindBlob(1, id_bytes);
    auto row = sel->Step();
    QVERIFY(row.ok() && *row);
    ByteView v = sel->ColumnBlob(0);
    *was = Bytes(v.begin(), v.end());
  }
  auto upd = (*db)->Prepare("UPDATE cases SET source_public_key = ?1 WHERE id = ?2");
  QVERIFY(upd.ok());
  upd->BindBlob(1, key);
  upd->BindBlob(2, id_bytes);
  QVERIFY(upd->Run().ok());
}

// The server swaps the source's key of a case for one of its own (§7.3,
// §11.1; what a re-key would seal the new case key to): the case view names
// it in plain words, in every language, and reading and replying go on (the
// case key is checked by message #1 and the anchors). With the source's key
// back, no such banner.
void DeskTest::swappedSourceKeyIsNamed() {
  const QString id = FirstCaseId();
  QVERIFY(!id.isEmpty());
  auto* banner = Find<QLabel>("sourceKeyWarning");
  OpenInWindow(id);
  QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));

  Bytes original;
  uint8_t scalar[32];
  for (uint8_t& b : scalar) b = static_cast<uint8_t>(QRandomGenerator::global()->generate());
  const crypto::X25519Public own = crypto::X25519Base(ByteView(scalar, 32));  // the server's
  ChangeStoredData([&] { SetStoredSourceKey(id, Bytes(own.begin(), own.end()), &original); });
  QCOMPARE(original.size(), size_t{32});
  OpenInWindow(id);
  QVERIFY(banner->isVisible());
  QVERIFY2(banner->text().contains(QLatin1String(
               "The server's key for the source of this case is not the one in the source's "
               "signed report")),
           qPrintable(banner->text()));
  QVERIFY2(banner->text().contains(QLatin1String("Do not re-key this case")),
           qPrintable(banner->text()));
  QVERIFY(banner->text().contains(QLatin1String("Details: the server's source key")));
  QVERIFY(!Find<QLabel>("caseWarning")->text().contains(QLatin1String("Do not trust")));
  QVERIFY(Find<QTextBrowser>("conversation")
              ->toPlainText()
              .contains(QStringLiteral("Pegasus na telefonu novinarke")));
  QVERIFY(Find<QPlainTextEdit>("replyText")->isEnabled());
  QVERIFY(Find<QPushButton>("addNote")->isEnabled());
  Shot(QStringLiteral("15b-case-source-key-swapped"));
  BannerFollowsEveryLanguage("sourceKeyWarning");
  if (QTest::currentTestFailed()) LanguageSwitch::Instance()->Use(QStringLiteral("en"));
  // A reply still goes, and the banner stays.
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::keyClicks(Find<QPlainTextEdit>("replyText"), QStringLiteral("Primili smo prijavu."));
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QTRY_VERIFY(Find<QTextBrowser>("conversation")
                  ->toPlainText()
                  .contains(QStringLiteral("Primili smo prijavu.")));
  QVERIFY(banner->isVisible());

  ChangeStoredData([&] { SetStoredSourceKey(id, original); });  // the source's own key again
  OpenInWindow(id);
  QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));
  QVERIFY(Find<QPushButton>("sendReply")->isEnabled());
}

void DeskTest::RunOnStore(const std::string& sql, const std::vector<Bytes>& binds, Bytes* blob) {
  const std::string data = P(QStringLiteral("data")).toStdString();
  auto db_key = service::DatabaseKey::LoadFile(data + "/database.key");
  QVERIFY(db_key.ok());
  auto db =
      service::SqliteDb::Open(data + "/dojava.db", *db_key, service::SqliteDb::Mode::kReadWrite);
  QVERIFY(db.ok());
  auto st = (*db)->Prepare(sql);
  QVERIFY2(st.ok(), sql.c_str());
  for (size_t i = 0; i < binds.size(); ++i) st->BindBlob(static_cast<int>(i + 1), binds[i]);
  if (blob == nullptr) {
    QVERIFY(st->Run().ok());
    return;
  }
  auto row = st->Step();
  QVERIFY2(row.ok() && *row, sql.c_str());
  ByteView v = st->ColumnBlob(0);
  *blob = Bytes(v.begin(), v.end());
}

void DeskTest::AnaCaseKey(const QString& id, SecretBytes* key, Bytes* recipient) {
  auto file = crypto::ReadKeyFile(P(QStringLiteral("ana.key")).toStdString());
  QVERIFY(file.ok());
  auto opened = crypto::OpenKeyFile(
      *file, SecretBytes::Copy(std::string_view("correct horse battery staple")));
  QVERIFY(opened.ok());
  auto ana = crypto::ReviewerKey::FromSeed(opened->seed);
  QVERIFY(ana.ok());
  const Bytes case_id = IdBytes(id);
  crypto::Id cid{};
  std::copy(case_id.begin(), case_id.end(), cid.begin());
  const std::string data = P(QStringLiteral("data")).toStdString();
  auto db_key = service::DatabaseKey::LoadFile(data + "/database.key");
  QVERIFY(db_key.ok());
  auto db =
      service::SqliteDb::Open(data + "/dojava.db", *db_key, service::SqliteDb::Mode::kReadOnly);
  QVERIFY(db.ok());
  auto sel = (*db)->Prepare(
      "SELECT recipient, sealed FROM case_keys WHERE case_id = ?1 AND role = 1 AND generation = 0");
  QVERIFY(sel.ok());
  sel->BindBlob(1, case_id);
  for (auto row = sel->Step(); row.ok() && *row; row = sel->Step()) {
    auto ck = crypto::OpenSealedKey(sel->ColumnBlob(1), protocol::kRoleCaseKey, cid,
                                    ana->x25519_secret(), ana->x25519_public());
    if (!ck.ok()) continue;
    *key = std::move(ck).value();
    const ByteView r = sel->ColumnBlob(0);
    *recipient = Bytes(r.begin(), r.end());
    return;
  }
  QFAIL("no case key sealed to ana");
}

// A case's re-keys that cannot be followed (PROTOCOL §7.3). The server
// stores a re-key's envelope unchecked (§7.4 "Residual"), so ana's real
// `dojava rekey` is posted and then what a turned colleague or the server
// could store instead is written in its place: an envelope that does not
// open (shown, skipped: writing goes on), a re-key whose new key is not
// sealed to the desk's reviewer, and a statement that does not verify (both
// stop writing; reading stays). Each has its banner, in every language.
void DeskTest::rekeysAreNamed() {
  Ran before = AsAna({"cases", "--json"});
  QVERIFY2(before.rc == 0, before.err.constData());
  Ran submit = SubmitCase(QStringLiteral("Re-keyed under our feet"));
  QVERIFY2(submit.rc == 0, submit.err.constData());
  Ran after = AsAna({"cases", "--json"});
  QVERIFY2(after.rc == 0, after.err.constData());
  QString id;
  for (const QJsonValue& c :
       QJsonDocument::fromJson(after.out).object()[QStringLiteral("cases")].toArray()) {
    const QString one = c.toObject()[QStringLiteral("case_id")].toString();
    if (!before.out.contains(one.toLatin1())) id = one;
  }
  QVERIFY(!id.isEmpty());
  const Bytes case_id = IdBytes(id);
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->Refresh();
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  auto* banner = Find<QLabel>("rekeyWarning");
  const char* const writing[] = {"replyText", "sendReply", "noteText", "addNote",
                                 "status",    "setStatus", "addLabel", "assign"};
  auto writable = [&](bool on) {
    for (const char* name : writing) {
      QVERIFY2(Find<QWidget>(name)->isEnabled() == on, name);
    }
  };
  OpenInWindow(id);
  QVERIFY(!banner->isVisible());

  // 1. Generation 1's envelope does not open: named, skipped, writing goes on.
  QCOMPARE(AsAna({"rekey", id}).rc, 0);
  ChangeStoredData([&] {
    const std::string where = "FROM case_rekeys WHERE case_id = ?1 AND generation = 1";
    Bytes envelope;
    RunOnStore("SELECT envelope " + where, {case_id}, &envelope);
    envelope[200] ^= 0x01;
    RunOnStore("UPDATE case_rekeys SET envelope = ?2 WHERE case_id = ?1 AND generation = 1",
               {case_id, envelope});
  });
  OpenInWindow(id);
  QVERIFY(banner->isVisible());
  QVERIFY2(banner->text().startsWith(
               QLatin1String("A re-key of this case could not be read and was skipped "
                             "(generation 1).")),
           qPrintable(banner->text()));
  QVERIFY2(banner->text().contains(QLatin1String("replies and notes go on")),
           qPrintable(banner->text()));
  QVERIFY2(banner->text().contains(QLatin1String(
               "Details: a re-key of this case could not be read (generation 1: decrypt_failed")),
           qPrintable(banner->text()));
  QVERIFY(!Find<QLabel>("caseWarning")->isVisible());
  writable(true);
  Shot(QStringLiteral("15c-case-rekey-unreadable"));
  QTest::keyClicks(Find<QPlainTextEdit>("replyText"), QStringLiteral("We write on."));
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QTRY_VERIFY(
      Find<QTextBrowser>("conversation")->toPlainText().contains(QStringLiteral("We write on.")));

  // 2. Generation 2's new key is not sealed to ana: her writing stops.
  QCOMPARE(AsAna({"rekey", id}).rc, 0);
  SecretBytes ck;
  Bytes ana_id, sealed;
  ChangeStoredData([&] {
    AnaCaseKey(id, &ck, &ana_id);
    const std::string where =
        "FROM case_keys WHERE case_id = ?1 AND recipient = ?2 AND role = 1 AND generation = 2";
    RunOnStore("SELECT sealed " + where, {case_id, ana_id}, &sealed);
    RunOnStore("DELETE " + where, {case_id, ana_id});
  });
  OpenInWindow(id);
  QVERIFY(banner->isVisible());
  QVERIFY2(banner->text().contains(QLatin1String(
               "This case was re-keyed (generation 2) and the new case key was not given to you")),
           qPrintable(banner->text()));
  QVERIFY2(banner->text().contains(QLatin1String("reading stays possible")),
           qPrintable(banner->text()));
  QVERIFY(banner->text().contains(QLatin1String("is not sealed to you")));
  QVERIFY(
      Find<QTextBrowser>("conversation")->toPlainText().contains(QStringLiteral("We write on.")));
  writable(false);
  Shot(QStringLiteral("15d-case-rekey-not-sealed"));

  // 3. Generation 2's envelope, sealed under the case key, holds a statement
  // signed in ana's name by a key of someone else's: refused, chain ended.
  ChangeStoredData([&] {
    RunOnStore(
        "INSERT INTO case_keys (case_id, recipient, role, generation, sealed) "
        "VALUES (?1, ?2, 1, 2, ?3)",
        {case_id, ana_id, sealed});
    crypto::Id cid{};
    std::copy(case_id.begin(), case_id.end(), cid.begin());
    crypto::Id ana{};
    std::copy(ana_id.begin(), ana_id.end(), ana.begin());
    auto impostor = crypto::ReviewerKey::FromSeed(SecretBytes::Random(32));
    QVERIFY(impostor.ok());
    auto forged = crypto::v2::MakeRekey(cid, ana, ck, SecretBytes::Random(32),
                                        Bytes(protocol::kSealedKeySize, 1), 1,
                                        *impostor->Signer(ana).ed25519_secret);
    QVERIFY(forged.ok());
    auto envelope = crypto::v2::SealStatement(ck, protocol::kStatementRekey, cid, *forged);
    QVERIFY(envelope.ok());
    RunOnStore("UPDATE case_rekeys SET envelope = ?2 WHERE case_id = ?1 AND generation = 2",
               {case_id, *envelope});
  });
  OpenInWindow(id);
  QVERIFY(banner->isVisible());
  QVERIFY2(banner->text().contains(
               QLatin1String("A re-key of this case (generation 2) failed verification")),
           qPrintable(banner->text()));
  QVERIFY(banner->text().contains(QLatin1String("Later re-keys are not followed")));
  QVERIFY(banner->text().contains(QLatin1String("could not be read and was skipped")));
  QVERIFY2(banner->text().contains(QLatin1String("does not verify")), qPrintable(banner->text()));
  QVERIFY(!Find<QLabel>("caseWarning")->text().contains(QLatin1String("Do not trust")));
  QVERIFY(
      Find<QTextBrowser>("conversation")->toPlainText().contains(QStringLiteral("We write on.")));
  writable(false);
  Shot(QStringLiteral("15e-case-rekey-refused"));
  BannerFollowsEveryLanguage("rekeyWarning");
  if (QTest::currentTestFailed()) LanguageSwitch::Instance()->Use(QStringLiteral("en"));
  writable(false);  // a language switch does not turn writing back on
}

// First run without a key: the app makes one as `dojava keygen` does, off the
// GUI thread, refusing a short passphrase unless told to; the CLI opens it
// with the same passphrase and the admin adds its public line to the roster.
void DeskTest::createKeyInTheApp() {
  MainWindow w(P(QStringLiteral("desk-new.ini")));
  w.SetShowDialogs(false);
  w.show();
  auto find = [&w](const char* name) {
    QWidget* c = w.findChild<QWidget*>(QLatin1String(name));
    if (c == nullptr) qFatal("no widget %s", name);
    return c;
  };
  QTest::mouseClick(static_cast<QPushButton*>(find("newKey")), Qt::LeftButton);
  auto* dialog = w.findChild<QDialog*>(QStringLiteral("newKeyDialog"));
  QVERIFY(dialog != nullptr && dialog->isVisible());
  auto* path = static_cast<QLineEdit*>(find("newKeyPath"));
  auto* pass = static_cast<QLineEdit*>(find("newPassphrase"));
  auto* again = static_cast<QLineEdit*>(find("newPassphraseAgain"));
  auto* create = static_cast<QPushButton*>(find("createKey"));
  auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
  const QString key = P(QStringLiteral("erin.key"));
  path->setText(key);
  // Too short: refused in plain words, nothing written.
  QTest::keyClicks(pass, QStringLiteral("short pass"));
  QTest::keyClicks(again, QStringLiteral("short pass"));
  QTest::mouseClick(create, Qt::LeftButton);
  QVERIFY(dialog->isVisible());
  QVERIFY2(error->text().contains(QLatin1String("shorter than 12 character")),
           qPrintable(error->text()));
  QVERIFY(!QFile::exists(key));
  // Two different ones: refused.
  pass->setText(QStringLiteral("correct horse battery staple"));
  again->setText(QStringLiteral("correct horse battery stapler"));
  QTest::mouseClick(create, Qt::LeftButton);
  QVERIFY2(error->text().contains(QLatin1String("differ")), qPrintable(error->text()));
  // The suggested passphrase: 6 groups of 4, shown once, in both fields.
  QTest::mouseClick(static_cast<QPushButton*>(find("suggestPassphrase")), Qt::LeftButton);
  QVERIFY(QRegularExpression(QStringLiteral("^([a-z2-9]{4}-){5}[a-z2-9]{4}$"))
              .match(pass->text())
              .hasMatch());
  QCOMPARE(again->text(), pass->text());
  QVERIFY(static_cast<QLabel*>(find("suggestedPassphrase"))->text().contains(pass->text()));
  // The reviewer types their own (the test's passphrase file holds it).
  pass->setText(QStringLiteral("correct horse battery staple"));
  again->setText(QStringLiteral("correct horse battery staple"));
  Shot(QStringLiteral("16-new-key"));

  // Argon2id at 256 MiB runs on the worker: the GUI thread keeps turning.
  // No clock: an event queued after the click must run before the result
  // arrives. Derived on the GUI thread, the result (direct or queued from
  // within the click) would come first.
  QSignalSpy spy(&w, &MainWindow::requestFinished);
  int finished_when_loop_turned = -1;
  QTest::mouseClick(create, Qt::LeftButton);
  QTimer::singleShot(0, this, [&] { finished_when_loop_turned = static_cast<int>(spy.count()); });
  QVERIFY(pass->text().isEmpty());  // the passphrase left the fields
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(finished_when_loop_turned, 0);
  const QFile::Permissions mode = QFile(key).permissions();  // 0600
  QVERIFY((mode & QFile::ReadOwner) && (mode & QFile::WriteOwner));
  QVERIFY(!(mode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                    QFile::WriteOther | QFile::ExeOther)));
  const QString line = QString::fromUtf8(ReadFile(key + QStringLiteral(".pub"))).trimmed();
  QVERIFY(!line.isEmpty());
  QCOMPARE(static_cast<QLineEdit*>(find("reviewerPublicLine"))->text(), line);
  QCOMPARE(static_cast<QLineEdit*>(find("keyFile"))->text(), key);
  QVERIFY(find("copyPublicLine")->isVisible());
  QVERIFY(!find("copyBothLines")->isVisible());  // no tor client key yet
  QTest::mouseClick(static_cast<QPushButton*>(find("copyPublicLine")), Qt::LeftButton);
  QVERIFY(QGuiApplication::clipboard()->text().contains(line));
  Shot(QStringLiteral("17-new-key-made"));

  // A second key at the same place: never overwritten.
  const QByteArray before = ReadFile(key);
  QTest::mouseClick(static_cast<QPushButton*>(find("newKey")), Qt::LeftButton);
  static_cast<QLineEdit*>(find("newKeyPath"))->setText(key);
  QTest::mouseClick(static_cast<QPushButton*>(find("suggestPassphrase")), Qt::LeftButton);
  QTest::mouseClick(static_cast<QPushButton*>(find("createKey")), Qt::LeftButton);
  QVERIFY(w.findChild<QDialog*>(QStringLiteral("newKeyDialog"))
              ->findChild<QLabel*>(QStringLiteral("error"))
              ->text()
              .contains(QLatin1String("already exists")));
  QCOMPARE(ReadFile(key), before);
  w.findChild<QDialog*>(QStringLiteral("newKeyDialog"))->reject();

  // The tor client key too: both lines copied together for the operator.
  w.findChild<QLineEdit*>(QStringLiteral("server"))
      ->setText(QStringLiteral("http://") + QString(56, QLatin1Char('a')) +
                QStringLiteral(".onion"));
  QTest::mouseClick(static_cast<QPushButton*>(find("createTorKey")), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(find("copyBothLines")->isVisible());
  QTest::mouseClick(static_cast<QPushButton*>(find("copyBothLines")), Qt::LeftButton);
  const QString both = QGuiApplication::clipboard()->text();
  QVERIFY(both.contains(line));
  QVERIFY(both.contains(static_cast<QLineEdit*>(find("torPublicLine"))->text()));
  QVERIFY(both.contains(QLatin1String("descriptor:x25519:")));

  // The same derivation as keygen: the admin adds the line, the CLI opens the key.
  WriteFile(P(QStringLiteral("erin-line.pub")), line.toUtf8() + '\n');
  Ran add = Cli({"roster", "add", "--server", reviewer_url_, "--state-dir", P("state-admin"),
                 "--admin-key", P("admin.key"), "--passphrase-file", P("pass"), "--name", "erin",
                 "--reviewer-public", P("erin-line.pub"), "--json"});
  QVERIFY2(add.rc == 0, add.err.constData());
  Ran cases = As(QStringLiteral("erin"), {"cases", "--json"});
  QVERIFY2(cases.rc == 0, cases.err.constData());
}

void DeskTest::locksOnDemandAndForgetsCases() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->activateWindow();  // the shortcut works in the active window
  QVERIFY(QTest::qWaitForWindowActive(window_.get()));
  QTest::keyClick(window_.get(), Qt::Key_L, Qt::ControlModifier);
  QVERIFY(!window_->unlocked());
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 0);
  QVERIFY(Find<QTextBrowser>("conversation")->toPlainText().isEmpty());
  Shot(QStringLiteral("7-locked"));
}

// "Check my setup" from the unlock page: all good with the passphrase; a
// wrong passphrase and a key file others can read each fail with the fix.
void DeskTest::checkMySetup() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::mouseClick(Find<QPushButton>("checkSetup"), Qt::LeftButton);
  QVERIFY(Find<QPushButton>("runChecks")->isVisible());
  auto* checks = Find<QTableWidget>("checks");
  auto run = [&](const QString& passphrase) {
    QTest::keyClicks(Find<QLineEdit>("checkPassphrase"), passphrase);
    QTest::keyClick(Find<QLineEdit>("checkPassphrase"), Qt::Key_Return);
    return Wait(spy);
  };
  auto row = [&](const QString& name) -> QStringList {
    for (int i = 0; i < checks->rowCount(); ++i) {
      if (checks->item(i, 1)->text() == name) {
        return {checks->item(i, 0)->text(), checks->item(i, 2)->text(), checks->item(i, 3)->text()};
      }
    }
    return {};
  };
  auto r = run(QStringLiteral("correct horse battery staple"));
  QVERIFY2(r.first, qPrintable(r.second));
  for (const char* name : {"key file", "tor reachable", "onion reachable", "admin key",
                           "listed in the roster", "login", "clock"}) {
    QVERIFY2(row(QLatin1String(name)).value(0).startsWith(QStringLiteral("✓")), name);
  }
  QVERIFY(row(QStringLiteral("listed in the roster")).value(1).contains(QLatin1String("ana")));
  QCOMPARE(Find<QLabel>("checkSummary")->text(), QStringLiteral("Everything checked works."));
  Shot(QStringLiteral("14-check-my-setup"));

  r = run(QStringLiteral("not the passphrase"));
  QVERIFY(r.first);
  QVERIFY(row(QStringLiteral("listed in the roster")).value(0).startsWith(QStringLiteral("✗")));
  QVERIFY(
      row(QStringLiteral("listed in the roster")).value(2).contains(QLatin1String("passphrase")));

  QFile::setPermissions(P("ana.key"), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
  r = run(QStringLiteral("correct horse battery staple"));
  QFile::setPermissions(P("ana.key"), QFile::ReadOwner | QFile::WriteOwner);
  QVERIFY(r.first);
  QVERIFY(row(QStringLiteral("key file")).value(0).startsWith(QStringLiteral("✗")));
  QVERIFY2(row(QStringLiteral("key file")).value(2).contains(QLatin1String("chmod 600")),
           qPrintable(row(QStringLiteral("key file")).join(QLatin1Char('|'))));
  QTest::mouseClick(Find<QPushButton>("backFromChecks"), Qt::LeftButton);
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
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

// Base32 (RFC 4648, no padding) back to bytes, to check the key pair.
QByteArray FromBase32(const QByteArray& text) {
  static const QByteArray kAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  QByteArray out;
  quint32 buffer = 0;
  int bits = 0;
  for (char c : text) {
    buffer = (buffer << 5) | static_cast<quint32>(kAlphabet.indexOf(c));
    bits += 5;
    if (bits >= 8) {
      out.append(static_cast<char>((buffer >> (bits - 8)) & 255));
      bits -= 8;
    }
  }
  return out;
}

// The first-run page makes the tor client key pair: the public line shown,
// the private line in the own tor's ClientOnionAuthDir (0600), one pair.
// The app's own tor starts with its own folders and SOCKS port, and stops.
void DeskTest::torClientKeyAndOwnTor() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::mouseClick(Find<QPushButton>("settings"), Qt::LeftButton);
  const QString onion = QStringLiteral("abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx");
  Find<QLineEdit>("server")->setText(QStringLiteral("http://%1.onion").arg(onion));
  QTest::mouseClick(Find<QPushButton>("createTorKey"), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  const QString line = Find<QLineEdit>("torPublicLine")->text();
  QVERIFY2(line.startsWith(QLatin1String("descriptor:x25519:")) && line.size() == 18 + 52,
           qPrintable(line));
  Shot(QStringLiteral("15-tor-client-key"));
  const QString auth = window_->own_tor()->auth_dir();
  const QString file = auth + QStringLiteral("/dojava-abcdefghijklmnop.auth_private");
  const QByteArray priv = ReadFile(file).trimmed();
  QVERIFY(priv.startsWith(onion.toUtf8() + ":descriptor:x25519:"));
  QCOMPARE(QFile(file).permissions() &
               ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
           QFile::Permissions());
  const QByteArray secret = FromBase32(priv.mid(priv.lastIndexOf(':') + 1));
  QCOMPARE(secret.size(), 32);
  const crypto::X25519Public pub =
      crypto::X25519Base(ByteView(reinterpret_cast<const uint8_t*>(secret.constData()), 32));
  QCOMPARE(QString::fromStdString(client::Base32NoPadding(ByteView(pub.data(), pub.size()))),
           line.mid(18));

  OwnTor* tor = window_->own_tor();
  QVERIFY2(!OwnTor::Executable().isEmpty(), "tor is not installed (ops/setup installs it)");
  QSignalSpy listening(tor, &OwnTor::listening);
  tor->Start();
  QVERIFY(listening.wait(60000));
  QTcpSocket socks;
  const QString at = tor->socks();
  socks.connectToHost(QHostAddress::LocalHost, at.section(QLatin1Char(':'), 1).toUShort());
  QVERIFY(socks.waitForConnected(5000));
  for (const QString& dir : {tor->data_dir(), auth}) {
    QCOMPARE(QFile(dir).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
             QFile::Permissions());
  }
  tor->Stop();
  QVERIFY(!tor->running());
}

void DeskTest::RotateWithCli(const QString& who, int epoch, bool sign) {
  const QString key = P(who + QStringLiteral(".key"));
  Ran rotate = Cli({"key", "rotate", "--key-file", key, "--passphrase-file", P("pass"),
                    "--kdf-memory-mib", "8", "--json"});
  QVERIFY2(rotate.rc == 0, rotate.err.constData());
  QCOMPARE(QJsonDocument::fromJson(rotate.out).object()[QStringLiteral("epoch")].toInt(), epoch);
  QVERIFY(QFile::exists(key + QStringLiteral(".epoch%1").arg(epoch)));
  if (!sign) return;
  Ran add = Cli({"roster", "add", "--server", reviewer_url_, "--state-dir", P("state-admin"),
                 "--admin-key", P("admin.key"), "--passphrase-file", P("pass"), "--reviewer-public",
                 key + ".pub", "--json"});
  QVERIFY2(add.rc == 0, add.err.constData());
}

// A reviewer key rotated with the CLI (`dojava key rotate`, PROTOCOL §5.1,
// and the admin's `roster add` of the new line: epoch 2, then 3) unlocks the
// desk, which lists, opens and replies as before. As with the CLI, the first
// unlock after each rotation seals the case keys (CK and NK) to the new key,
// and after the second destroys the file of epoch 2 (a key rotated but not
// yet on the roster changes nothing); "check my setup" finds the reviewer on
// the roster.
void DeskTest::rotatedKeyUnlocksListsOpensReplies() {
  AddReviewer(QStringLiteral("fay"));
  const QString title = QStringLiteral("Threats by phone after the rotation");
  Ran submit = SubmitCase(title);
  QVERIFY2(submit.rc == 0, submit.err.constData());
  Ran cases = As(QStringLiteral("fay"), {"cases", "--json"});
  QVERIFY2(cases.rc == 0, cases.err.constData());
  const QJsonArray listed =
      QJsonDocument::fromJson(cases.out).object()[QStringLiteral("cases")].toArray();
  QCOMPARE(listed.size(), 1);
  const QString id = listed[0].toObject()[QStringLiteral("case_id")].toString();
  QCOMPARE(As(QStringLiteral("fay"), {"note", id, "Before the rotation."}).rc, 0);
  RotateWithCli(QStringLiteral("fay"), 2);
  if (QTest::currentTestFailed()) return;

  ServerSettings server;
  server.key_file = P(QStringLiteral("fay.key"));
  server.server = reviewer_url_;
  server.admin_fingerprint = fingerprint_;
  server.state_dir = P(QStringLiteral("state-desk-fay"));
  DeskSettings(P(QStringLiteral("desk-fay.ini"))).SetServer(server);
  MainWindow w(P(QStringLiteral("desk-fay.ini")));
  w.SetShowDialogs(false);
  w.show();
  QSignalSpy spy(&w, &MainWindow::requestFinished);
  auto find = [&w](const char* name) { return w.findChild<QWidget*>(QLatin1String(name)); };
  auto unlock = [&] {
    auto* pass = static_cast<QLineEdit*>(find("passphrase"));
    QTest::keyClicks(pass, QStringLiteral("correct horse battery staple"));
    QTest::keyClick(pass, Qt::Key_Return);
    const auto unlocked = Wait(spy);
    const auto listed_now = Wait(spy);
    return QPair<QString, bool>(unlocked.second, unlocked.first && listed_now.first);
  };
  auto open = [&] {
    auto* table = static_cast<QTableView*>(find("cases"));
    for (int r = 0; r < table->model()->rowCount(); ++r) {
      const QModelIndex i = table->model()->index(r, CaseList::kTitle);
      if (i.data().toString() == title) emit table->activated(i);
    }
    return Wait(spy).first;
  };
  auto* conversation = static_cast<QTextBrowser*>(find("conversation"));
  auto* notes = static_cast<QTextBrowser*>(find("notes"));

  auto u = unlock();
  QVERIFY2(u.second, qPrintable(u.first));
  QVERIFY2(u.first.contains(QLatin1String("Your new encryption key is on the roster: 2 key(s)")),
           qPrintable(u.first));
  QVERIFY(find("activity")->isVisible());
  QVERIFY(open());
  QVERIFY(notes->toPlainText().contains(QLatin1String("Before the rotation.")));
  QVERIFY(conversation->toPlainText().contains(QLatin1String("Pegasus na telefonu")));
  QTest::keyClicks(static_cast<QPlainTextEdit*>(find("replyText")),
                   QStringLiteral("After the rotation."));
  QTest::mouseClick(static_cast<QPushButton*>(find("sendReply")), Qt::LeftButton);
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(conversation->toPlainText().contains(QLatin1String("After the rotation.")));
  // A colleague reads the reply; the CLI finds nothing left to seal again.
  QVERIFY(AsAna({"show", id}).out.contains("After the rotation."));
  Ran fay_show = As(QStringLiteral("fay"), {"show", id});
  QVERIFY2(fay_show.rc == 0, fay_show.err.constData());
  QVERIFY(fay_show.out.contains("Before the rotation."));
  QVERIFY2(!fay_show.err.contains("sealed"), fay_show.err.constData());

  // Rotated but not yet on the roster: the desk goes on with the key the
  // roster names, and keeps the new one for later.
  w.Lock();
  RotateWithCli(QStringLiteral("fay"), 3, /*sign=*/false);
  if (QTest::currentTestFailed()) return;
  u = unlock();
  QVERIFY2(u.second, qPrintable(u.first));
  QVERIFY2(!u.first.contains(QLatin1String("encryption key")), qPrintable(u.first));
  QVERIFY(open());
  QVERIFY(conversation->toPlainText().contains(QLatin1String("After the rotation.")));
  QVERIFY(QFile::exists(P(QStringLiteral("fay.key.epoch2"))));
  w.Lock();
  Ran add = Cli({"roster", "add", "--server", reviewer_url_, "--state-dir", P("state-admin"),
                 "--admin-key", P("admin.key"), "--passphrase-file", P("pass"), "--reviewer-public",
                 P("fay.key.pub"), "--json"});
  QVERIFY2(add.rc == 0, add.err.constData());
  u = unlock();
  QVERIFY2(u.second, qPrintable(u.first));
  const QString epoch2 = P(QStringLiteral("fay.key.epoch2"));
  QVERIFY2(u.first.contains(QStringLiteral("The old key file %1 is destroyed.").arg(epoch2)),
           qPrintable(u.first));
  QVERIFY(!QFile::exists(epoch2));
  QVERIFY(open());
  QVERIFY(conversation->toPlainText().contains(QLatin1String("After the rotation.")));
  QVERIFY(notes->toPlainText().contains(QLatin1String("Before the rotation.")));
  QVERIFY(As(QStringLiteral("fay"), {"show", id}).out.contains("After the rotation."));

  w.Lock();
  QTest::mouseClick(static_cast<QPushButton*>(find("checkSetup")), Qt::LeftButton);
  QTest::keyClicks(static_cast<QLineEdit*>(find("checkPassphrase")),
                   QStringLiteral("correct horse battery staple"));
  QTest::keyClick(static_cast<QLineEdit*>(find("checkPassphrase")), Qt::Key_Return);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  auto* checks = static_cast<QTableWidget*>(find("checks"));
  bool listed_ok = false;
  for (int i = 0; i < checks->rowCount(); ++i) {
    if (checks->item(i, 1)->text() == QLatin1String("listed in the roster"))
      listed_ok = checks->item(i, 0)->text().startsWith(QStringLiteral("✓"));
  }
  QVERIFY(listed_ok);
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
