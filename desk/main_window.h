// Dojava Desk's window: first run, unlock, then the case list beside the
// open case. Owns the Backend's worker thread; every network or crypto call
// is queued to it and its results arrive as signals, so the window never
// blocks. A progress bar with a Cancel button shows each long operation.
//
// Locks (wiping the key and every decrypted case in the worker and the
// window) on Ctrl+L and after idle_lock_seconds without a key press or
// mouse click.
#ifndef DOJAVA_DESK_MAIN_WINDOW_H_
#define DOJAVA_DESK_MAIN_WINDOW_H_

#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QSystemTrayIcon>
#include <QThread>
#include <QTimer>
#include <QToolBar>

#include "desk/backend.h"
#include "desk/case_list.h"
#include "desk/case_panel.h"
#include "desk/dashboard_page.h"
#include "desk/desk_settings.h"
#include "desk/own_tor.h"
#include "desk/setup_check_page.h"
#include "desk/start_pages.h"

namespace dojava::desk {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // `settings_path` empty: the default settings file.
  explicit MainWindow(const QString& settings_path = {}, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Where downloads go without asking (tests, screenshots); empty: ask.
  void SetDownloadFolder(const QString& folder) { download_folder_ = folder; }
  // Errors after unlocking open a dialog; off: the status bar only (tests).
  void SetShowDialogs(bool show) { show_dialogs_ = show; }
  bool busy() const { return busy_; }
  bool unlocked() const { return unlocked_; }
  OwnTor* own_tor() { return own_tor_; }

 public slots:
  void Lock();
  void Refresh();
  void CancelRunning();
  // One check for new activity now (the timer does it every
  // watch_seconds, jittered).
  void CheckActivity();

 signals:
  // After every finished request (for tests): ok or the error shown.
  void requestFinished(bool ok, QString message);
  // A notification was shown: new activity (it names no case).
  void notified(QString text, int unread_cases);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void BuildWorkPage();
  void ConnectBackend();
  void SetBusy(const QString& what);
  void Finish(bool ok, const QString& message);
  template <typename F>
  void Queue(F call);
  void ShowStart();
  void ConnectCaseActions();
  void AskDelete(const QString& id);
  void AskGrantAll();
  void ShowActivity(int unread_cases, bool news);
  void ScheduleWatch();
  void BuildChecksPage();
  void ConnectOwnTor();
  void UnlockThroughOwnTor();
  void StopWaitingForTor(const QString& why);

  DeskSettings settings_;
  QThread thread_;
  Backend* backend_;  // lives in thread_
  QStackedWidget* stack_;
  SetupPage* setup_;
  UnlockPage* unlock_;
  QWidget* work_;
  CaseList* list_;
  CasePanel* panel_;
  DashboardPage* dashboard_;
  SetupCheckPage* checks_;
  OwnTor* own_tor_;
  QTimer tor_timeout_;
  std::shared_ptr<SecretBytes> pending_pass_;  // while the own tor connects
  QWidget* before_checks_ = nullptr;           // the page to go back to
  QList<CaseRow> rows_;  // the list's cases, for the dashboard; dropped on lock
  QToolBar* toolbar_;    // Refresh, Lock: shown while unlocked
  QProgressBar* progress_;
  QPushButton* cancel_;
  QLabel* status_;
  QTimer idle_;
  QTimer watch_;                     // the next activity check
  QLabel* activity_;                 // "New activity": shown until the next refresh
  QSystemTrayIcon* tray_ = nullptr;  // for notifications, where the desktop has a tray
  QString download_folder_;
  QString me_;
  QString reseal_note_;  // keysResealed's, shown with the next unlocked
  bool show_dialogs_ = true;
  bool busy_ = false;
  bool watching_ = false;  // the running request is a background activity check
  bool unlocked_ = false;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_MAIN_WINDOW_H_
