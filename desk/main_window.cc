#include "desk/main_window.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <utility>

#include "desk/dialogs.h"
#include "desk/language_switch.h"

namespace dojava::desk {

MainWindow::MainWindow(const QString& settings_path, QWidget* parent)
    : QMainWindow(parent), settings_(settings_path), backend_(new Backend) {
  LanguageSwitch::Instance()->Use(LanguageSwitch::StartLanguage(settings_));
  setWindowTitle(tr("Dojava Desk"));
  backend_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, backend_, &QObject::deleteLater);
  thread_.start();
  stack_ = new QStackedWidget(this);
  setup_ = new SetupPage(stack_);
  unlock_ = new UnlockPage(stack_);
  stack_->addWidget(setup_);
  stack_->addWidget(unlock_);
  BuildWorkPage();
  BuildChecksPage();
  setCentralWidget(stack_);

  progress_ = new QProgressBar(this);
  progress_->setAccessibleName(tr("Progress"));
  progress_->setMaximumWidth(240);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("cancel"));
  cancel_->setAccessibleName(tr("Cancel the running operation"));
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("statusText"));
  // A long message must not widen the window past the screen (200 %).
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  statusBar()->addWidget(status_, 1);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);
  progress_->hide();
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, &MainWindow::CancelRunning);

  connect(setup_, &SetupPage::saved, this, [this](const ServerSettings& s) {
    settings_.SetServer(s);
    ShowStart();
  });
  connect(unlock_, &UnlockPage::changeSettings, this, [this] {
    setup_->Fill(settings_.server());
    stack_->setCurrentWidget(setup_);
  });
  connect(unlock_, &UnlockPage::unlockRequested, this, [this](std::shared_ptr<SecretBytes> pass) {
    if (busy_) return;
    unlock_->SetBusy(true);
    const ServerSettings s = settings_.server();
    if (!s.own_tor) return Queue([b = backend_, s, pass] { b->Unlock(s, pass); });
    pending_pass_ = pass;
    if (own_tor_->bootstrapped() == 100 && !own_tor_->socks().isEmpty()) {
      return UnlockThroughOwnTor();
    }
    busy_ = true;
    SetBusy(tr("Starting tor…"));
    tor_timeout_.start();
    own_tor_->SetExtraTorrc(settings_.extra_torrc());
    own_tor_->Start();
  });
  ConnectOwnTor();
  ConnectBackend();

  idle_.setSingleShot(true);
  idle_.setInterval(settings_.idle_lock_seconds() * 1000);
  connect(&idle_, &QTimer::timeout, this, &MainWindow::Lock);
  watch_.setSingleShot(true);
  connect(&watch_, &QTimer::timeout, this, &MainWindow::CheckActivity);
  settings_.ForgetCaseIds();
  AddLanguageMenu(this, &settings_);
  qApp->installEventFilter(this);
  resize(1360, 800);
  ShowStart();
}

MainWindow::~MainWindow() {
  qApp->removeEventFilter(this);
  backend_->Cancel();
  thread_.quit();
  thread_.wait();
}

void MainWindow::BuildWorkPage() {
  work_ = new QWidget(stack_);
  list_ = new CaseList(work_);
  panel_ = new CasePanel(work_);
  auto* split = new QSplitter(Qt::Horizontal, work_);
  split->addWidget(list_);
  split->addWidget(panel_);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setSizes({560, 720});
  auto* layout = new QVBoxLayout(work_);
  layout->setContentsMargins(4, 4, 4, 4);
  activity_ = new QLabel(work_);
  activity_->setObjectName(QStringLiteral("activity"));
  activity_->setAccessibleName(tr("New activity"));
  activity_->setWordWrap(true);
  activity_->setStyleSheet(QStringLiteral("background:#dbe9ff; padding:6px; font-weight:bold;"));
  activity_->hide();
  layout->addWidget(activity_);
  layout->addWidget(split);
  stack_->addWidget(work_);

  auto* bar = addToolBar(tr("Main"));
  toolbar_ = bar;
  bar->setObjectName(QStringLiteral("toolbar"));
  auto* refresh = bar->addAction(tr("&Refresh"), this, &MainWindow::Refresh);
  refresh->setShortcut(QKeySequence::Refresh);
  refresh->setObjectName(QStringLiteral("refresh"));
  auto* lock = bar->addAction(tr("&Lock"), this, &MainWindow::Lock);
  lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  lock->setObjectName(QStringLiteral("lock"));
  auto* find = new QAction(this);
  find->setShortcut(QKeySequence::Find);
  connect(find, &QAction::triggered, this,
          [this] { list_->findChild<QLineEdit*>(QStringLiteral("search"))->setFocus(); });
  addAction(find);

  dashboard_ = new DashboardPage(stack_);
  dashboard_->setObjectName(QStringLiteral("dashboardPage"));
  stack_->addWidget(dashboard_);
  connect(dashboard_, &DashboardPage::backRequested, this, [this] {
    if (unlocked_) stack_->setCurrentWidget(work_);
  });
  auto* dashboard = bar->addAction(tr("&Dashboard"), this, [this] {
    if (unlocked_)
      stack_->setCurrentWidget(stack_->currentWidget() == dashboard_ ? work_ : dashboard_);
  });
  dashboard->setObjectName(QStringLiteral("dashboard"));
  dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  auto* share_all = bar->addAction(tr("S&hare all my cases…"), this, &MainWindow::AskGrantAll);
  share_all->setObjectName(QStringLiteral("grantAll"));
  // Toolbar buttons are not in the Tab order: every action has a shortcut.
  share_all->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
  ConnectCaseActions();
}

void MainWindow::ConnectCaseActions() {
  connect(list_, &CaseList::caseChosen, this,
          [this](QString id) { Queue([b = backend_, id] { b->OpenCase(id); }); });
  connect(panel_, &CasePanel::replyRequested, this,
          [this](QString id, auto text, QStringList files, bool clean) {
            Queue([b = backend_, id, text, files, clean] { b->Reply(id, text, files, clean); });
          });
  connect(panel_, &CasePanel::grantRequested, this, [this](QString id, QString who) {
    Queue([b = backend_, id, who] { b->Grant(id, who); });
  });
  connect(panel_, &CasePanel::deleteRequested, this, &MainWindow::AskDelete);
  connect(backend_, &Backend::grantedAll, this,
          [this](int granted, int already, int not_yours, QStringList refused) {
            QString m = tr("Shared %n case(s);", nullptr, granted) + QLatin1Char(' ') +
                        tr("%n the colleague had already.", nullptr, already);
            if (not_yours > 0)
              m += QLatin1Char(' ') + tr("%n not yours to share.", nullptr, not_yours);
            if (!refused.isEmpty()) {
              m += QLatin1Char(' ') + tr("Not shared: %1").arg(refused.join(QStringLiteral("; ")));
            }
            Finish(refused.isEmpty(), m);
          });
  connect(backend_, &Backend::deleted, this, [this](QString id) {
    if (panel_->case_id() == id) panel_->Clear();
    Finish(true, tr("Case deleted."));
    Refresh();
  });
  connect(panel_, &CasePanel::noteRequested, this, [this](QString id, auto text) {
    Queue([b = backend_, id, text] { b->AddNote(id, text); });
  });
  connect(panel_, &CasePanel::statusRequested, this, [this](QString id, QString st) {
    Queue([b = backend_, id, st] { b->SetStatus(id, st); });
  });
  connect(panel_, &CasePanel::labelRequested, this,
          [this](QString id, QString l) { Queue([b = backend_, id, l] { b->AddLabel(id, l); }); });
  connect(panel_, &CasePanel::assignRequested, this, [this](QString id, QString who) {
    Queue([b = backend_, id, who] { b->Assign(id, who); });
  });
  connect(panel_, &CasePanel::downloadRequested, this, [this](QString id, int n) {
    QString folder = download_folder_;
    if (folder.isEmpty()) {
      folder = AskForPath(this, tr("Save the attachment in"), QFileDialog::Directory);
      if (folder.isEmpty()) return;
    }
    Queue([b = backend_, id, n, folder] { b->Download(id, n, folder); });
  });
}

void MainWindow::ConnectOwnTor() {
  own_tor_ = new OwnTor(OwnTor::DefaultDir(), this);
  tor_timeout_.setSingleShot(true);
  tor_timeout_.setInterval(kOwnTorBootstrapSeconds * 1000);
  connect(&tor_timeout_, &QTimer::timeout, this, [this] {
    own_tor_->Stop();
    StopWaitingForTor(
        tr("tor could not connect to the tor network in %n second(s). Check your "
           "network; where tor is blocked, ask your operator about bridges.",
           nullptr, kOwnTorBootstrapSeconds));
  });
  connect(own_tor_, &OwnTor::bootstrap, this, [this](int percent) {
    if (!pending_pass_) return;
    progress_->setRange(0, 100);
    progress_->setValue(percent);
    status_->setText(tr("Connecting to the tor network… %1%").arg(percent));
    if (percent == 100) UnlockThroughOwnTor();
  });
  connect(own_tor_, &OwnTor::failed, this, &MainWindow::StopWaitingForTor);
  connect(setup_, &SetupPage::createTorKeyRequested, this, [this](QString server) {
    if (!own_tor_->PrepareDirs()) return setup_->ShowError(tr("No private folder for tor's keys."));
    Queue([b = backend_, server, dir = own_tor_->auth_dir()] { b->CreateOnionKey(server, dir); });
  });
  connect(setup_, &SetupPage::createKeyRequested, this,
          [this](QString path, std::shared_ptr<SecretBytes> pass) {
            Queue([b = backend_, path, pass] { b->CreateKey(path, pass); });
          });
  connect(backend_, &Backend::keyCreated, this, [this](QString path, QString line) {
    setup_->ShowNewKey(path, line);
    Finish(true, tr("Your reviewer key is made."));
  });
  connect(backend_, &Backend::onionKeyCreated, this, [this](QString line, QString path) {
    setup_->ShowTorKey(line, path);
    Finish(true, tr("Tor client key created."));
  });
}

void MainWindow::UnlockThroughOwnTor() {
  tor_timeout_.stop();
  busy_ = false;
  ServerSettings s = settings_.server();
  s.socks5 = own_tor_->socks();
  std::shared_ptr<SecretBytes> pass = std::move(pending_pass_);
  Queue([b = backend_, s, pass] { b->Unlock(s, pass); });
}

void MainWindow::StopWaitingForTor(const QString& why) {
  if (!pending_pass_) return;
  tor_timeout_.stop();
  *pending_pass_ = SecretBytes();
  pending_pass_.reset();
  unlock_->ShowError(why);
  unlock_->SetBusy(false);
  Finish(false, why);
}

void MainWindow::BuildChecksPage() {
  checks_ = new SetupCheckPage(stack_);
  stack_->addWidget(checks_);
  auto show = [this] {
    before_checks_ = stack_->currentWidget();
    checks_->Clear();
    stack_->setCurrentWidget(checks_);
  };
  connect(unlock_, &UnlockPage::checkSetup, this, show);
  auto* check = toolbar_->addAction(tr("&Check my setup"), this, show);
  check->setObjectName(QStringLiteral("checkSetupAction"));
  check->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  connect(checks_, &SetupCheckPage::backRequested, this, [this] {
    if (before_checks_ == work_ && !unlocked_) before_checks_ = unlock_;  // locked meanwhile
    stack_->setCurrentWidget(before_checks_ != nullptr ? before_checks_ : unlock_);
  });
  connect(checks_, &SetupCheckPage::runRequested, this, [this](std::shared_ptr<SecretBytes> pass) {
    if (busy_) return status_->setText(tr("Please wait: another operation is running."));
    checks_->SetBusy(true);
    const ServerSettings s = settings_.server();
    Queue([b = backend_, s, pass] { b->CheckSetup(s, pass); });
  });
  connect(backend_, &Backend::setupChecked, this, [this](QList<SetupCheckRow> rows) {
    checks_->ShowResults(rows);
    Finish(true, tr("Setup checked."));
  });
}

void MainWindow::ConnectBackend() {
  connect(backend_, &Backend::busy, this, &MainWindow::SetBusy);
  connect(backend_, &Backend::needsUnlock, this, &MainWindow::Lock);  // the unlock page
  connect(backend_, &Backend::progress, this, [this](qint64 done, qint64 total) {
    // Scaled to int: QProgressBar takes ints and files may exceed 2 GiB.
    progress_->setRange(0, 1000);
    progress_->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
  });
  connect(backend_, &Backend::failed, this, [this](QString what, QString message) {
    if (watching_) {  // a background check: no dialog, try again at the next turn
      watching_ = false;
      if (unlocked_) ScheduleWatch();
    } else if (stack_->currentWidget() == unlock_) {
      unlock_->ShowError(message);
      unlock_->SetBusy(false);
    } else if (stack_->currentWidget() == setup_) {
      setup_->ShowError(message);
    } else if (unlocked_) {
      QMessageBox* box = NewErrorBox(this, what, message);
      if (show_dialogs_) box->exec();
      delete box;
    }
    Finish(false, what + QStringLiteral(": ") + message);
  });
  connect(backend_, &Backend::unlocked, this, [this](QString name, QStringList colleagues) {
    unlocked_ = true;
    me_ = name;
    unlock_->SetBusy(false);
    panel_->SetColleagues(name, colleagues);
    setWindowTitle(tr("Dojava Desk — %1").arg(name));
    stack_->setCurrentWidget(work_);
    toolbar_->show();
    idle_.start();
    ScheduleWatch();
    const QString note = std::exchange(reseal_note_, QString());
    Finish(true, tr("Unlocked as %1.").arg(name) + (note.isEmpty() ? QString() : u' ' + note));
    Refresh();
    if (!note.isEmpty()) {  // after a key rotation: shown until the next refresh
      activity_->setText(note);
      activity_->show();
    }
  });
  connect(backend_, &Backend::keysResealed, this, [this](QString note) { reseal_note_ = note; });
  connect(backend_, &Backend::casesListed, this, [this](QList<CaseRow> rows, int not_granted) {
    if (!unlocked_) return Finish(true, tr("Locked."));  // arrived after Lock()
    list_->SetRows(rows);
    rows_ = rows;
    dashboard_->SetRows(rows_);
    QString msg = tr("%n case(s).", nullptr, static_cast<int>(rows.size()));
    if (not_granted > 0)
      msg += QLatin1Char(' ') + tr("%n not shared with you.", nullptr, not_granted);
    Finish(true, msg);
  });
  connect(backend_, &Backend::caseOpened, this, [this](CaseDetail d) {
    if (!unlocked_) return Finish(true, tr("Locked."));
    list_->UpdateRow(d.row);
    for (CaseRow& r : rows_) {
      if (r.id == d.row.id) r = d.row;
    }
    dashboard_->SetRows(rows_);
    list_->MarkRead(d.row.id);
    panel_->Show(d);
    Finish(true, tr("Case opened."));
  });
  connect(backend_, &Backend::activity, this, &MainWindow::ShowActivity);
  connect(backend_, &Backend::replied, panel_, &CasePanel::ReplySent);
  connect(backend_, &Backend::done, this, [this](QString m) { status_->setText(m); });
  connect(backend_, &Backend::downloaded, this, [this](QString path, bool location) {
    // Saved only: the app never opens a file (its viewer could reach the network).
    QString m =
        tr("Saved and verified: %1. Open it on a computer without network if you can.").arg(path);
    if (location) {
      m += QLatin1Char(' ') + tr("Careful: this image still says where it was taken (GPS "
                                 "location). Clean it with mat2 before you share it.");
    }
    Finish(true, m);
  });
}

template <typename F>
void MainWindow::Queue(F call) {
  if (busy_) {
    status_->setText(tr("Please wait: another operation is running (or Cancel it)."));
    return;
  }
  busy_ = true;
  QMetaObject::invokeMethod(backend_, std::move(call), Qt::QueuedConnection);
}

void MainWindow::SetBusy(const QString& what) {
  status_->setText(what);
  progress_->setRange(0, 0);  // busy indicator until the first progress report
  progress_->show();
  cancel_->show();
}

void MainWindow::Finish(bool ok, const QString& message) {
  busy_ = false;
  progress_->hide();
  cancel_->hide();
  status_->setText(message);
  emit requestFinished(ok, message);
}

void MainWindow::CancelRunning() {
  if (pending_pass_) {
    own_tor_->Stop();
    return StopWaitingForTor(tr("Stopped as you asked."));
  }
  backend_->Cancel();
}

void MainWindow::Refresh() {
  if (!unlocked_) return;
  activity_->hide();
  Queue([b = backend_] { b->ListCases(); });
}

void MainWindow::Lock() {
  idle_.stop();
  watch_.stop();
  activity_->hide();
  if (!unlocked_) return;
  unlocked_ = false;
  backend_->Cancel();
  // Queued after whatever runs now; the window forgets the decrypted text at once.
  QMetaObject::invokeMethod(
      backend_, [b = backend_] { b->Lock(); }, Qt::QueuedConnection);
  list_->Clear();
  panel_->Clear();
  rows_.clear();
  dashboard_->SetRows(rows_);
  setWindowTitle(tr("Dojava Desk"));
  ShowStart();
  status_->setText(tr("Locked."));
}

void MainWindow::ShowStart() {
  toolbar_->hide();
  if (!settings_.configured()) {
    setup_->Fill(settings_.server());
    stack_->setCurrentWidget(setup_);
    return;
  }
  unlock_->SetServer(settings_.server().server);
  unlock_->SetBusy(false);
  stack_->setCurrentWidget(unlock_);
}

void MainWindow::AskDelete(const QString& id) {
  QPushButton* yes = nullptr;
  QMessageBox* box = NewDeleteConfirmation(this, &yes);
  connect(box, &QMessageBox::buttonClicked, this, [this, id, yes](QAbstractButton* b) {
    if (b == yes) Queue([be = backend_, id] { be->Delete(id); });
  });
  box->open();
}

void MainWindow::AskGrantAll() {
  if (!unlocked_) return;
  QInputDialog* dialog = NewShareAllDialog(this, panel_->colleagues());
  connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& who) {
    if (!who.isEmpty()) Queue([b = backend_, who] { b->GrantAll(who); });
  });
  dialog->open();
}

void MainWindow::ScheduleWatch() {
  const qint64 base = qint64{settings_.watch_seconds()} * 1000;
  const qint64 jitter = base * kWatchJitterPercent / 100;
  watch_.start(
      static_cast<int>(base - jitter + QRandomGenerator::global()->bounded(2 * jitter + 1)));
}

void MainWindow::CheckActivity() {
  if (!unlocked_) return;
  if (busy_) return ScheduleWatch();  // another request runs: check at the next turn
  watching_ = true;
  Queue([b = backend_] { b->Watch(); });
}

void MainWindow::ShowActivity(int unread_cases, bool news) {
  watching_ = false;
  ScheduleWatch();
  if (!unlocked_) return Finish(true, tr("Locked."));
  setWindowTitle((unread_cases > 0 ? QStringLiteral("(%1) ").arg(unread_cases) : QString()) +
                 tr("Dojava Desk — %1").arg(me_));
  if (news) {
    // No case, title or count leaves the window in the desktop notification.
    const QString text = tr("New activity in Dojava");
    activity_->setText(
        text + QStringLiteral(" — ") +
        tr("%n case(s) with unread messages. Refresh (F5) to see them.", nullptr, unread_cases));
    activity_->show();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
      if (tray_ == nullptr) tray_ = new QSystemTrayIcon(windowIcon(), this);
      tray_->show();
      tray_->showMessage(tr("Dojava Desk"), text);
    }
    emit notified(text, unread_cases);
  }
  Finish(true, tr("%n case(s) with unread messages.", nullptr, unread_cases));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
      if (unlocked_) idle_.start();
      break;
    default:
      break;
  }
  return QMainWindow::eventFilter(watched, event);
}

}  // namespace dojava::desk
