// dojava-desk: the reviewers' desktop app (desk/README.md).
#include <sys/resource.h>

#include <QApplication>

#include "desk/main_window.h"

int main(int argc, char** argv) {
  // No core dumps: a crash must not write the unlocked key or decrypted cases to disk.
  struct rlimit none = {0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Dojava Desk"));
  QApplication::setOrganizationName(QStringLiteral("dojava"));
  // The desktop entry (desk/dojava-desk.desktop): its icon on Wayland.
  QGuiApplication::setDesktopFileName(QStringLiteral("dojava-desk"));
  dojava::desk::MainWindow w(qEnvironmentVariable("DOJAVA_DESK_SETTINGS"));
  w.show();
  return app.exec();
}
