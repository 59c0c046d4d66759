// Dojava Desk after dojavad restarts: the server keeps tokens in memory only,
// so a restart ends every session. While the key is unlocked the desk logs
// in again by itself (once, on its worker) and the request goes through;
// when even that fails the reviewer sees why, once. Offscreen, against a
// real dojavad on 127.0.0.1 stopped and started again on the same data
// directory and ports. Also: a request that reaches the locked worker asks
// for the passphrase and sends nothing.
#include <QAction>
#include <QDirIterator>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <atomic>
#include <memory>

#include "desk/case_list.h"
#include "desk/case_panel.h"
#include "desk/main_window.h"
#include "desk/start_pages.h"
#include "tests/desk/desk_server.h"

namespace dojava::desk {
namespace {

using testing::DeskServer;
using testing::Ran;

constexpr int kWaitMs = 60000;

}  // namespace

class DeskReloginTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void refreshAfterRestartLogsInAgain();
  void replyAfterRestartLogsInAgain();
  void activityCheckAfterRestartLogsInAgain();
  void restartWhileListingGoesOnWithTheList();
  void restartRightAfterAReplyPostsItOnce();
  void restartRightAfterANoteAddsItOnce();
  void restartWhileSharingAllGoesOn();
  void aRequestWhileLockedAsksToUnlock();
  void aFailedNewLoginIsShownOnce();

 private:
  // The window's next finished request: (ok, message).
  QPair<bool, QString> Wait(QSignalSpy& spy);
  // dojavad stopped and started again on the same ports and data.
  void Restart();
  // dojavad restarted once, when the desk's worker reaches `step`
  // (Backend::SetStepHookForTesting): the worker waits while this thread
  // restarts it, so the token is refused exactly there.
  void RestartAt(const char* step);
  // The entries of `kind` ("conversation", "notes") of case `id` on the
  // server, read with ana's key by the CLI; -1 if that fails.
  int Entries(const QString& id, const QString& kind);
  // Opens the list's first case in the window; its id.
  QString OpenFirstCase(QSignalSpy& spy);
  // The token the desk saved at its last login (client state, 0600).
  QByteArray SavedToken();
  template <typename T>
  T* Find(const char* name) {
    T* w = window_->findChild<T*>(QLatin1String(name));
    if (w == nullptr) qFatal("no widget %s", name);
    return w;
  }

  QTemporaryDir dir_;
  std::unique_ptr<DeskServer> server_;
  std::unique_ptr<MainWindow> window_;
};

QPair<bool, QString> DeskReloginTest::Wait(QSignalSpy& spy) {
  if (spy.isEmpty() && !spy.wait(kWaitMs)) return {false, QStringLiteral("timed out")};
  const QList<QVariant> args = spy.takeFirst();
  return {args[0].toBool(), args[1].toString()};
}

void DeskReloginTest::initTestCase() {
  QVERIFY(dir_.isValid());
  qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("xdg-data")).toUtf8());
  qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("xdg-config")).toUtf8());
  server_ = std::make_unique<DeskServer>(dir_.path());
  QString why = server_->Init();
  QVERIFY2(why.isEmpty(), qPrintable(why));
  why = server_->Serve({"source.listen=127.0.0.1:0", "reviewer.listen=127.0.0.1:0"});
  QVERIFY2(why.isEmpty(), qPrintable(why));
  for (const char* name : {"ana", "ben"}) {
    why = server_->AddReviewer(QLatin1String(name), server_->reviewer_url());
    QVERIFY2(why.isEmpty(), qPrintable(why));
  }
  why = server_->Submit(QStringLiteral("Wiretap on an editor"), server_->source_url());
  QVERIFY2(why.isEmpty(), qPrintable(why));
  server_->WriteDeskSettings(QStringLiteral("ana"), server_->reviewer_url());

  window_ = std::make_unique<MainWindow>(server_->P("desk.ini"));
  window_->SetShowDialogs(false);
  window_->show();
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::keyClicks(Find<QLineEdit>("passphrase"), QStringLiteral("correct horse battery staple"));
  QTest::keyClick(Find<QLineEdit>("passphrase"), Qt::Key_Return);
  for (const char* step : {"unlock", "list"}) {
    auto r = Wait(spy);
    QVERIFY2(r.first, qPrintable(QLatin1String(step) + QStringLiteral(": ") + r.second));
  }
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 1);
}

void DeskReloginTest::cleanupTestCase() {
  window_.reset();
  server_.reset();
}

void DeskReloginTest::Restart() {
  const QString source = server_->source_url().mid(7), reviewer = server_->reviewer_url().mid(7);
  server_->Stop();
  const QString why = server_->Serve({"source.listen=" + source, "reviewer.listen=" + reviewer});
  QVERIFY2(why.isEmpty(), qPrintable(why));
  QCOMPARE(server_->reviewer_url(), QStringLiteral("http://") + reviewer);
}

void DeskReloginTest::RestartAt(const char* step) {
  auto done = std::make_shared<std::atomic<bool>>(false);
  Backend::SetStepHookForTesting([this, want = QByteArray(step), done](const char* at) {
    if (want != at || done->exchange(true)) return;
    QMetaObject::invokeMethod(
        this, [this] { Restart(); }, Qt::BlockingQueuedConnection);
  });
}

int DeskReloginTest::Entries(const QString& id, const QString& kind) {
  Ran show =
      server_->Cli({"show", id, "--json", "--server", server_->reviewer_url(), "--key-file",
                    server_->P("ana.key"), "--passphrase-file", server_->P("pass"), "--state-dir",
                    server_->P("state-cli-ana"), "--admin-fingerprint", server_->fingerprint()});
  if (show.rc != 0) return -1;
  int n = 0;
  for (const QJsonValue& e :
       QJsonDocument::fromJson(show.out)[QStringLiteral("messages")].toArray()) {
    if (e[QStringLiteral("kind")].toString() == kind) ++n;
  }
  return n;
}

QString DeskReloginTest::OpenFirstCase(QSignalSpy& spy) {
  auto* table = Find<QTableView>("cases");
  emit table->activated(table->model()->index(0, 0));
  auto r = Wait(spy);
  if (!r.first) qWarning("opening the case: %s", qPrintable(r.second));
  return r.first ? table->model()->index(0, 0).data(CaseList::kIdRole).toString() : QString();
}

QByteArray DeskReloginTest::SavedToken() {
  QDirIterator it(dir_.filePath(QStringLiteral("xdg-data")), {QStringLiteral("token*")},
                  QDir::Files, QDirIterator::Subdirectories);
  QByteArray all;
  while (it.hasNext()) all += testing::ReadWholeFile(it.next());
  return all;
}

// Refresh (F5) after a restart: the list comes back, no passphrase asked,
// and the desk holds a new token.
void DeskReloginTest::refreshAfterRestartLogsInAgain() {
  const QByteArray before = SavedToken();
  QVERIFY(!before.isEmpty());
  Restart();
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->Refresh();
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(window_->unlocked());
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 1);
  const QByteArray after = SavedToken();
  QVERIFY(!after.isEmpty());
  QVERIFY2(after != before, "the desk did not log in again");
}

// The first request after a restart is a reply (with a case open): it is
// sent once, and the colleague's CLI sees it.
void DeskReloginTest::replyAfterRestartLogsInAgain() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  auto* table = Find<QTableView>("cases");
  emit table->activated(table->model()->index(0, 0));
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  const QString id = table->model()->index(0, 0).data(CaseList::kIdRole).toString();
  QVERIFY(!id.isEmpty());
  Restart();
  const QString reply = QStringLiteral("Hvala, javljamo se sutra.");
  Find<QPlainTextEdit>("replyText")->setPlainText(reply);
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Find<QTextBrowser>("conversation")->toPlainText().count(reply), 1);
  // What the server holds, read with ana's key by the CLI (its own state).
  Ran show =
      server_->Cli({"show", id, "--json", "--server", server_->reviewer_url(), "--key-file",
                    server_->P("ana.key"), "--passphrase-file", server_->P("pass"), "--state-dir",
                    server_->P("state-cli-ana"), "--admin-fingerprint", server_->fingerprint()});
  QVERIFY2(show.rc == 0, qPrintable(show.Why()));
  QCOMPARE(QString::fromUtf8(show.out).count(reply), 1);
}

// The background check for new activity (every 10 minutes) is the first
// request after a restart: it goes through too, with no dialog.
void DeskReloginTest::activityCheckAfterRestartLogsInAgain() {
  const QByteArray before = SavedToken();
  Restart();
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->CheckActivity();
  auto r = Wait(spy);
  QVERIFY2(r.first, qPrintable(r.second));
  QVERIFY(SavedToken() != before);
}

// dojavad restarts after the list of cases arrived and before they are
// opened: the refused token makes one new login and the list goes on (the
// cases are not counted as "not shared with you").
void DeskReloginTest::restartWhileListingGoesOnWithTheList() {
  RestartAt("listed");
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->Refresh();
  auto r = Wait(spy);
  Backend::SetStepHookForTesting({});
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Find<QTableView>("cases")->model()->rowCount(), 1);
  QVERIFY(window_->unlocked());
}

// dojavad restarts right after the reply was posted, before the desk reads
// the case back: the reading is done again after a new login, the reply is
// never posted a second time.
void DeskReloginTest::restartRightAfterAReplyPostsItOnce() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  const QString id = OpenFirstCase(spy);
  QVERIFY(!id.isEmpty());
  const int before = Entries(id, QStringLiteral("conversation"));
  QVERIFY(before > 0);
  RestartAt("changed");
  const QString reply = QStringLiteral("Stiglo je, čitamo.");
  Find<QPlainTextEdit>("replyText")->setPlainText(reply);
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  auto r = Wait(spy);
  Backend::SetStepHookForTesting({});
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Find<QTextBrowser>("conversation")->toPlainText().count(reply), 1);
  QCOMPARE(Entries(id, QStringLiteral("conversation")), before + 1);
}

// The same for an internal note.
void DeskReloginTest::restartRightAfterANoteAddsItOnce() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  const QString id = OpenFirstCase(spy);
  QVERIFY(!id.isEmpty());
  const int before = Entries(id, QStringLiteral("notes"));
  QVERIFY(before >= 0);
  RestartAt("changed");
  Find<QPlainTextEdit>("noteText")->setPlainText(QStringLiteral("Provjeriti izvor."));
  QTest::mouseClick(Find<QPushButton>("addNote"), Qt::LeftButton);
  auto r = Wait(spy);
  Backend::SetStepHookForTesting({});
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(Entries(id, QStringLiteral("notes")), before + 1);
}

// The same while sharing all cases with a colleague: the case (sealed to ben
// at submission) is found already his, not counted as "not yours to share".
void DeskReloginTest::restartWhileSharingAllGoesOn() {
  RestartAt("listed");
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->findChild<QAction*>(QStringLiteral("grantAll"))->trigger();
  auto* dialog = window_->findChild<QInputDialog*>(QStringLiteral("grantAllDialog"));
  QVERIFY(dialog != nullptr);
  dialog->setTextValue(QStringLiteral("ben"));
  dialog->accept();
  auto r = Wait(spy);
  Backend::SetStepHookForTesting({});
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(r.second, QStringLiteral("Shared 0 case(s); 1 the colleague had already."));
}

// A request that reaches the worker after the idle lock (a click queued as
// the lock fired): the locked worker sends nothing, says needsUnlock, and the
// unlock page tells why; the passphrase unlocks again.
void DeskReloginTest::aRequestWhileLockedAsksToUnlock() {
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  const QString id = OpenFirstCase(spy);
  QVERIFY(!id.isEmpty());
  const int before = Entries(id, QStringLiteral("conversation"));
  QVERIFY(before > 0);
  auto* panel = window_->findChild<CasePanel*>();
  QVERIFY(panel != nullptr);
  window_->Lock();  // what the idle timer calls
  QVERIFY(!window_->unlocked());
  auto text = std::make_shared<SecretBytes>(SecretBytes::Copy(std::string_view("Ne šalji.")));
  emit panel->replyRequested(id, text, {}, false);
  auto r = Wait(spy);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("Unlock it with your passphrase")),
           qPrintable(r.second));
  auto* unlock = window_->findChild<UnlockPage*>();
  QVERIFY(unlock != nullptr && unlock->isVisible());
  auto* error = unlock->findChild<QLabel*>(QStringLiteral("error"));
  QVERIFY(error != nullptr && error->text().contains(QLatin1String("Unlock it")));
  QCOMPARE(Entries(id, QStringLiteral("conversation")), before);
  auto* pass = unlock->findChild<QLineEdit*>(QStringLiteral("passphrase"));
  pass->clear();
  QTest::keyClicks(pass, QStringLiteral("correct horse battery staple"));
  QTest::keyClick(pass, Qt::Key_Return);
  for (const char* step : {"unlock", "list"}) {
    r = Wait(spy);
    QVERIFY2(r.first, qPrintable(QLatin1String(step) + QStringLiteral(": ") + r.second));
  }
  QVERIFY(window_->unlocked());
}

// The admin removes ana from the roster: dojavad refuses her token and her
// login. The desk tries one new login, then says plainly what is wrong;
// nothing runs on by itself and the next request is the reviewer's.
void DeskReloginTest::aFailedNewLoginIsShownOnce() {
  Ran removed = server_->Cli({"roster", "remove", "--server", server_->reviewer_url(),
                              "--state-dir", server_->P("state-admin"), "--admin-key",
                              server_->P("admin.key"), "--passphrase-file", server_->P("pass"),
                              "--name", "ana", "--admin-fingerprint", server_->fingerprint()});
  QVERIFY2(removed.rc == 0, qPrintable(removed.Why()));
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  window_->Refresh();
  auto r = Wait(spy);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("not on the reviewer list")), qPrintable(r.second));
  QVERIFY(!window_->busy());
  QVERIFY(spy.isEmpty());
  // The window is still there to act in: another refresh fails the same way.
  window_->Refresh();
  r = Wait(spy);
  QVERIFY(!r.first);
  QVERIFY2(r.second.contains(QLatin1String("not on the reviewer list")), qPrintable(r.second));
}

}  // namespace dojava::desk

QTEST_MAIN(dojava::desk::DeskReloginTest)
#include "desk_relogin_test.moc"
