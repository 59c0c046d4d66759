// Dojava Desk through tor, end to end, on the project's private Tor network
// on 127.0.0.1 (ops/testnet: three directory authorities, a relay, the onion
// node configured by ops/tor/torrc). dojavad serves the node's unix sockets
// behind the production onion configuration (PROXY lines, client
// authorization on the reviewer service). The desk, offscreen, starts its
// OWN tor (own_tor.h) with the network's settings from an extra torrc
// (desk.ini `[tor] extra_torrc`) and the client-auth key the app generated,
// which the operator allows with ops/tor/reviewer-access. Then, as a
// reviewer: first run from the admin's onboarding file, unlock, the case
// list, open the case, reply; the reply read back from the server.
//
// Set up before the network is needed: the roster and the case go in over
// 127.0.0.1 while ops/testnet bootstraps, then dojavad restarts on the
// onion sockets. Waits are bounded and say what they waited for.
#include <unistd.h>

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <memory>

#include "desk/case_list.h"
#include "desk/main_window.h"
#include "desk/start_pages.h"
#include "tests/desk/desk_server.h"

namespace dojava::desk {
namespace {

using testing::DeskServer;
using testing::Ran;

constexpr int kRequestMs = 120000;  // one request through tor
// The own tor gives up after kOwnTorBootstrapSeconds; then the unlock fails.
constexpr int kUnlockMs = (kOwnTorBootstrapSeconds + 60) * 1000;
constexpr int kOnionSeconds = 180;  // until the reviewer onion answers
constexpr int kUnlockAttempts = 4;  // the desk's tor may first see an older descriptor

const QString kRoot = QStringLiteral(DOJAVA_SOURCE_DIR);

}  // namespace

class DeskTorTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void anExtraTorrcOthersCanChangeIsRefused();
  void torReadsTheExtraTorrcThatWasChecked();
  void firstRunUnlockListOpenReplyThroughOwnTor();

 private:
  QString P(const QString& name) const { return dir_.filePath(name); }
  QString Net(const QString& name) const { return P(QStringLiteral("net/")) + name; }
  // The network's state file (ops/testnet): socks, reviewer_onion, ….
  QString State(const QString& key) const;
  // The reviewer onion answers through the network's own client (which
  // holds ops/testnet's client-auth key): the descriptor is published.
  void WaitForOnion();
  QPair<bool, QString> Wait(QSignalSpy& spy, int ms);
  template <typename T>
  T* Find(const char* name) {
    T* w = window_->findChild<T*>(QLatin1String(name));
    if (w == nullptr) qFatal("no widget %s", name);
    return w;
  }

  QTemporaryDir dir_;
  QProcess testnet_;
  std::unique_ptr<DeskServer> server_;
  std::unique_ptr<MainWindow> window_;
  QString onion_;  // NAME.onion of the reviewer service
};

QString DeskTorTest::State(const QString& key) const {
  for (const QByteArray& line : testing::ReadWholeFile(Net(QStringLiteral("state"))).split('\n')) {
    if (line.startsWith(key.toUtf8() + '=')) return QString::fromUtf8(line.mid(key.size() + 1));
  }
  return {};
}

QPair<bool, QString> DeskTorTest::Wait(QSignalSpy& spy, int ms) {
  if (spy.isEmpty() && !spy.wait(ms)) {
    return {false, QStringLiteral("no answer within %1 s").arg(ms / 1000)};
  }
  const QList<QVariant> args = spy.takeFirst();
  return {args[0].toBool(), args[1].toString()};
}

void DeskTorTest::initTestCase() {
  QVERIFY(dir_.isValid());
  qputenv("XDG_DATA_HOME", P(QStringLiteral("xdg-data")).toUtf8());
  qputenv("XDG_CONFIG_HOME", P(QStringLiteral("xdg-config")).toUtf8());
  QVERIFY2(!OwnTor::Executable().isEmpty(), "tor is not installed (ops/setup-tor installs it)");
  // The network bootstraps (tens of seconds) while the instance is made.
  testnet_.setProcessChannelMode(QProcess::MergedChannels);
  testnet_.setStandardInputFile(QProcess::nullDevice());
  testnet_.start(kRoot + QStringLiteral("/ops/testnet"),
                 {"start", "--dir", P("net"), "--run-dir", P("run"), "--attempts", "3", "--timeout",
                  "120", "--owner", QString::number(::getpid())});
  QVERIFY(testnet_.waitForStarted());

  server_ = std::make_unique<DeskServer>(dir_.path());
  QString why = server_->Init();
  QVERIFY2(why.isEmpty(), qPrintable(why));
  why = server_->Serve({"source.listen=127.0.0.1:0", "reviewer.listen=127.0.0.1:0"});
  QVERIFY2(why.isEmpty(), qPrintable(why));
  why = server_->AddReviewer(QStringLiteral("ana"), server_->reviewer_url());
  QVERIFY2(why.isEmpty(), qPrintable(why));
  why = server_->Submit(QStringLiteral("Wiretap on an editor"), server_->source_url());
  QVERIFY2(why.isEmpty(), qPrintable(why));
  server_->Stop();

  // ops/testnet gives up by itself after 3 attempts of 120 s.
  QVERIFY2(testnet_.waitForFinished(3 * 150 * 1000), "ops/testnet start did not return");
  QVERIFY2(testnet_.exitStatus() == QProcess::NormalExit && testnet_.exitCode() == 0,
           testnet_.readAll().constData());
  onion_ = State(QStringLiteral("reviewer_onion"));
  QVERIFY2(onion_.endsWith(QLatin1String(".onion")), qPrintable(onion_));
  // dojavad behind the node's onion services, as in production.
  why = server_->Serve({"source.listen=unix:" + State(QStringLiteral("source_sock")),
                        "source.proxy_protocol=true",
                        "reviewer.listen=unix:" + State(QStringLiteral("reviewer_sock")),
                        "reviewer.proxy_protocol=true"});
  QVERIFY2(why.isEmpty(), qPrintable(why));
  Ran onboarding = server_->Cli({"admin", "onboarding", "--admin-key", P("admin.key"),
                                 "--passphrase-file", P("pass"), "--server", "http://" + onion_,
                                 "--name", "Test Newsroom", "-o", P("newsroom.dojava-onboarding")});
  QVERIFY2(onboarding.rc == 0, qPrintable(onboarding.Why()));
  WaitForOnion();
}

void DeskTorTest::WaitForOnion() {
  const QString probe = kRoot + QStringLiteral("/tests/tor/socks5_probe.py");
  QElapsedTimer t;
  t.start();
  QString last;
  while (t.elapsed() < kOnionSeconds * 1000) {
    Ran r = testing::RunProgram(QStringLiteral("python3"),
                                {probe, State(QStringLiteral("socks")), onion_, "80", "30"});
    last = QString::fromUtf8(r.out).trimmed();
    if (r.rc == 0 && last == QLatin1String("00")) return;
    QTest::qWait(2000);
  }
  QFAIL(qPrintable(QStringLiteral("the reviewer onion did not answer within %1 s (SOCKS reply %2)")
                       .arg(kOnionSeconds)
                       .arg(last)));
}

void DeskTorTest::cleanupTestCase() {
  window_.reset();  // stops the desk's own tor
  server_.reset();
  if (testnet_.state() != QProcess::NotRunning) {
    testnet_.terminate();
    testnet_.waitForFinished(30000);
  }
  testing::RunProgram(kRoot + QStringLiteral("/ops/testnet"), {"stop", "--dir", P("net")});
}

// The extra torrc decides where tor connects: one that others may change,
// or that is missing, stops the start with the reason; tor is not run.
void DeskTorTest::anExtraTorrcOthersCanChangeIsRefused() {
  OwnTor tor(P(QStringLiteral("refusing-tor")));
  QSignalSpy failed(&tor, &OwnTor::failed);
  QVERIFY(testing::WritePrivateFile(P("shared-torrc"), "UseBridges 1\n"));
  QVERIFY(QFile::setPermissions(P("shared-torrc"),
                                QFile::ReadOwner | QFile::WriteOwner | QFile::WriteGroup));
  for (const QString& file : {P("shared-torrc"), P("no-such-torrc")}) {
    tor.SetExtraTorrc(file);
    tor.Start();
    QCOMPARE(failed.size(), 1);
    const QString why = failed.takeFirst().at(0).toString();
    QVERIFY2(why.contains(file) && why.contains(QLatin1String("only you can change")),
             qPrintable(why));
    QVERIFY(!tor.running());
  }
  // %include would make tor read files that were not checked.
  QVERIFY(testing::WritePrivateFile(P("including-torrc"), "  %include /etc/tor/torrc.d\n"));
  tor.SetExtraTorrc(P("including-torrc"));
  tor.Start();
  QCOMPARE(failed.size(), 1);
  const QString why = failed.takeFirst().at(0).toString();
  QVERIFY2(why.contains(QLatin1String("%include")), qPrintable(why));
  QVERIFY(!tor.running());
}

// The file checked is the file tor reads: replaced right after the start
// (the checks passed), tor still runs with the checked settings, from a
// private copy. (Read from the path, tor would stop on the new file's
// unknown option.) DisableNetwork: this tor connects nowhere.
void DeskTorTest::torReadsTheExtraTorrcThatWasChecked() {
  OwnTor tor(P(QStringLiteral("checked-tor")));
  QSignalSpy failed(&tor, &OwnTor::failed);
  QSignalSpy bootstrap(&tor, &OwnTor::bootstrap);
  QVERIFY(testing::WritePrivateFile(P("checked-torrc"), "DisableNetwork 1\n"));
  tor.SetExtraTorrc(P("checked-torrc"));
  tor.Start();
  QVERIFY(testing::WritePrivateFile(P("checked-torrc"), "NoSuchTorOption 1\n"));
  QVERIFY(failed.isEmpty());
  QTRY_VERIFY_WITH_TIMEOUT(!bootstrap.isEmpty() || !failed.isEmpty(), 30000);
  QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
  QVERIFY(tor.running());
  QCOMPARE(testing::ReadWholeFile(tor.extra_torrc_copy()), QByteArray("DisableNetwork 1\n"));
  const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                    QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
  QCOMPARE(QFileInfo(tor.extra_torrc_copy()).permissions() & others, QFile::Permissions());
  tor.Stop();
}

void DeskTorTest::firstRunUnlockListOpenReplyThroughOwnTor() {
  // The network's settings for the desk's own tor: the lines every tor of
  // ops/testnet has (its authorities replace tor's default ones).
  QByteArray torrc =
      "TestingTorNetwork 1\nUseDefaultFallbackDirs 0\nPathsNeededToBuildCircuits 0.67\n";
  torrc += testing::ReadWholeFile(Net(QStringLiteral("dirauthorities")));
  QVERIFY(torrc.contains("DirAuthority auth2 "));
  QVERIFY(testing::WritePrivateFile(P("desk-torrc"), torrc));
  {
    QSettings q(P("desk.ini"), QSettings::IniFormat);
    q.setValue(QStringLiteral("tor/extra_torrc"), P("desk-torrc"));
  }

  // First run: the key, the onboarding file, "Start my own tor", the tor
  // client key made by the app.
  window_ = std::make_unique<MainWindow>(P("desk.ini"));
  window_->SetShowDialogs(false);
  window_->show();
  QSignalSpy spy(window_.get(), &MainWindow::requestFinished);
  QTest::keyClicks(Find<QLineEdit>("keyFile"), P("ana.key"));
  QVERIFY(window_->findChild<SetupPage*>()->LoadOnboarding(P("newsroom.dojava-onboarding")));
  QCOMPARE(Find<QLineEdit>("server")->text(), "http://" + onion_);
  Find<QCheckBox>("ownTor")->setChecked(true);
  QTest::mouseClick(Find<QPushButton>("createTorKey"), Qt::LeftButton);
  auto r = Wait(spy, kRequestMs);
  QVERIFY2(r.first, qPrintable(r.second));
  const QString line = Find<QLineEdit>("torPublicLine")->text();
  QVERIFY2(line.startsWith(QLatin1String("descriptor:x25519:")), qPrintable(line));

  // The operator allows that key on the reviewer service (tor reloads).
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("DOJAVA_REVIEWER_HSDIR"), Net(QStringLiteral("node/reviewer")));
  env.insert(QStringLiteral("DOJAVA_TOR_PIDFILE"), Net(QStringLiteral("node/tor.pid")));
  Ran allowed = testing::RunProgram(kRoot + QStringLiteral("/ops/tor/reviewer-access"),
                                    {"add", "deskreviewer", line}, env);
  QVERIFY2(allowed.rc == 0, qPrintable(allowed.Why()));

  QTest::keyClick(Find<QLineEdit>("fingerprint"), Qt::Key_Return);
  QVERIFY(Find<QLineEdit>("passphrase")->isVisible());
  // Unlock: the own tor starts with the extra settings, connects, and the
  // key is unlocked through the onion. Right after the reload the desk's
  // tor may still be served the service's previous descriptor (without its
  // key): then the unlock fails and the reviewer tries again.
  QStringList failures;
  for (int attempt = 1; attempt <= kUnlockAttempts && !window_->unlocked(); ++attempt) {
    QTest::keyClicks(Find<QLineEdit>("passphrase"), QStringLiteral("correct horse battery staple"));
    QTest::keyClick(Find<QLineEdit>("passphrase"), Qt::Key_Return);
    r = Wait(spy, kUnlockMs);
    if (!r.first) {
      failures << QStringLiteral("attempt %1: %2").arg(attempt).arg(r.second);
      QTest::qWait(5000);
    }
  }
  QVERIFY2(window_->unlocked(), qPrintable(failures.join(QLatin1Char('\n'))));
  for (const QString& f : failures) qInfo("unlocked after: %s", qPrintable(f));
  OwnTor* tor = window_->own_tor();
  QVERIFY(tor->running());
  QCOMPARE(tor->extra_torrc(), P("desk-torrc"));
  QVERIFY(DeskSettings(P("desk.ini")).server().socks5.isEmpty());  // no other tor given

  r = Wait(spy, kRequestMs);  // the case list
  QVERIFY2(r.first, qPrintable(r.second));
  auto* table = Find<QTableView>("cases");
  QCOMPARE(table->model()->rowCount(), 1);
  QCOMPARE(table->model()->index(0, CaseList::kTitle).data().toString(),
           QStringLiteral("Wiretap on an editor"));

  emit table->activated(table->model()->index(0, 0));
  r = Wait(spy, kRequestMs);
  QVERIFY2(r.first, qPrintable(r.second));
  auto* conversation = Find<QTextBrowser>("conversation");
  QVERIFY2(conversation->toPlainText().contains(QStringLiteral("Prisluškivanje telefona urednice")),
           qPrintable(conversation->toPlainText()));

  // The reply goes out through tor; the case shown after it is read back
  // from the server.
  const QString reply = QStringLiteral("Primili smo, javljamo se preko tora.");
  Find<QPlainTextEdit>("replyText")->setPlainText(reply);
  QTest::mouseClick(Find<QPushButton>("sendReply"), Qt::LeftButton);
  r = Wait(spy, kRequestMs);
  QVERIFY2(r.first, qPrintable(r.second));
  QCOMPARE(conversation->toPlainText().count(reply), 1);
}

}  // namespace dojava::desk

QTEST_MAIN(dojava::desk::DeskTorTest)
#include "desk_tor_test.moc"
