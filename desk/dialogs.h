// Qt's standard dialogs as Dojava Desk shows them, and the scroll area its
// pages sit in.
//
// Qt's own texts (the OK and Cancel buttons, the file dialog, a line edit's
// context menu) come from Qt's catalogue for the app's language, and Debian
// has none for sq, sr, bs, cnr or mk (qt6-translations-l10n 6.4). The desk's
// catalogues carry the ones its windows show instead (dialogs.cc lists them
// for lupdate), so the app's one translator (language_switch.h) finds them.
// File dialogs are always Qt's own, never the desktop's: the desktop's would
// speak the desktop's language, not the one chosen in the app.
#ifndef DOJAVA_DESK_DIALOGS_H_
#define DOJAVA_DESK_DIALOGS_H_

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace dojava::desk {

// A file dialog (Qt's own) titled `caption`: opens an existing file
// (QFileDialog::ExistingFile), picks a folder (QFileDialog::Directory) or
// names a file to save (QFileDialog::AnyFile, with `suggested`, asking
// before it replaces one). Not shown yet; the caller owns it.
QFileDialog* NewFileDialog(QWidget* parent, const QString& caption, QFileDialog::FileMode mode,
                           const QString& suggested = {});
// NewFileDialog run modally: the chosen path, or empty if cancelled.
QString AskForPath(QWidget* parent, const QString& caption, QFileDialog::FileMode mode,
                   const QString& suggested = {});

// The warning shown when a request fails after unlocking: `what` failed,
// `message` in plain words, an OK button. Owned by `parent`.
QMessageBox* NewErrorBox(QWidget* parent, const QString& what, const QString& message);

// "Delete this case?" with "Delete for good" (*yes) and "Keep the case", the
// default. Deletes itself when closed.
QMessageBox* NewDeleteConfirmation(QWidget* parent, QPushButton** yes);

// "Share all my cases": a colleague picked from `colleagues`, OK and Cancel.
// Deletes itself when closed.
QInputDialog* NewShareAllDialog(QWidget* parent, const QStringList& colleagues);

// Moves `page`'s content into a frameless scroll area that fills it and
// returns the widget to lay the content out on: when the window is smaller
// than the content (a 1920×1080 screen at 200 %), the page scrolls, and Tab
// scrolls to the control it reaches.
QWidget* ScrolledContent(QWidget* page);

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_DIALOGS_H_
