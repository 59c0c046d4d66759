#include "desk/dialogs.h"

#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace dojava::desk {
namespace {

// Qt's own texts that the desk's windows show (Qt 6.4: standard buttons, the
// widget-based file dialog and its file list, the message box's details
// button, a scroll bar's and a text field's context menu). Listed for
// lupdate only, so that every desk catalogue holds them; at run time Qt
// asks for them under these contexts and the app's translator answers.
[[maybe_unused]] const char* const kQtTexts[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show "),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    QT_TRANSLATE_NOOP("QFileDialog",
                      "%1\nDirectory not found.\nPlease verify the correct directory name was "
                      "given."),
    QT_TRANSLATE_NOOP("QFileDialog",
                      "%1\nFile not found.\nPlease verify the correct file name was given."),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Invalid filename"),
    QT_TRANSLATE_NOOP("QFileSystemModel",
                      "<b>The name \"%1\" cannot be used.</b><p>Try using another name, with "
                      "fewer characters or no punctuation marks."),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll here"),
    QT_TRANSLATE_NOOP("QScrollBar", "Left edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Top"),
    QT_TRANSLATE_NOOP("QScrollBar", "Right edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Bottom"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page right"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll right"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll down"),
};

// The content of a page's scroll area. With labels that wrap, QScrollArea
// makes its widget as tall as heightForWidth(), which a layout answers with
// its preferred height (text views at their full size hint): the page would
// scroll in a window that holds it. This answers with the minimum height for
// that width instead, so the page scrolls only when the window is smaller.
class ScrolledPage : public QWidget {
 public:
  using QWidget::QWidget;
  int heightForWidth(int width) const override {
    return layout() != nullptr ? layout()->totalMinimumHeightForWidth(width)
                               : QWidget::heightForWidth(width);
  }
};

// Qt's file dialog writes the folders it visited (its history, the last
// folder, the sidebar's places) to QtProject.conf when it is destroyed. A
// folder's name can say what a reviewer works on ("pegasus-journalist"), so
// they are removed right after: the desk keeps no trace of where files went.
void ForgetFileDialogFolders() {
  QSettings qt(QSettings::UserScope, QStringLiteral("QtProject"));
  qt.beginGroup(QStringLiteral("FileDialog"));
  for (const char* key : {"history", "lastVisited", "shortcuts"}) qt.remove(QLatin1String(key));
  qt.endGroup();
  qt.sync();
}

}  // namespace

QFileDialog* NewFileDialog(QWidget* parent, const QString& caption, QFileDialog::FileMode mode,
                           const QString& suggested) {
  auto* dialog = new QFileDialog(parent, caption);
  dialog->setObjectName(QStringLiteral("fileDialog"));
  dialog->setOption(QFileDialog::DontUseNativeDialog);
  dialog->setFileMode(mode);
  if (mode == QFileDialog::Directory) dialog->setOption(QFileDialog::ShowDirsOnly);
  if (mode == QFileDialog::AnyFile) dialog->setAcceptMode(QFileDialog::AcceptSave);
  if (!suggested.isEmpty()) dialog->selectFile(suggested);
  // destroyed() is sent after ~QFileDialog has written its settings.
  QObject::connect(dialog, &QObject::destroyed, [] { ForgetFileDialogFolders(); });
  return dialog;
}

QString AskForPath(QWidget* parent, const QString& caption, QFileDialog::FileMode mode,
                   const QString& suggested) {
  QFileDialog* dialog = NewFileDialog(parent, caption, mode, suggested);
  const bool chosen = dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty();
  const QString path = chosen ? dialog->selectedFiles().constFirst() : QString();
  delete dialog;
  return path;
}

QMessageBox* NewErrorBox(QWidget* parent, const QString& what, const QString& message) {
  auto* box = new QMessageBox(QMessageBox::Warning, what, message, QMessageBox::Ok, parent);
  box->setObjectName(QStringLiteral("errorBox"));
  box->setAccessibleName(what);
  return box;
}

QMessageBox* NewDeleteConfirmation(QWidget* parent, QPushButton** yes) {
  auto* box = new QMessageBox(
      QMessageBox::Warning, QObject::tr("Delete this case?"),
      QObject::tr("The case, its conversation, notes and files are deleted from the server for "
                  "every reviewer. This cannot be undone."),
      QMessageBox::NoButton, parent);
  box->setObjectName(QStringLiteral("confirmDelete"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  *yes = box->addButton(QObject::tr("Delete for good"), QMessageBox::DestructiveRole);
  (*yes)->setObjectName(QStringLiteral("confirmDeleteYes"));
  QPushButton* no = box->addButton(QObject::tr("Keep the case"), QMessageBox::RejectRole);
  no->setObjectName(QStringLiteral("confirmDeleteNo"));
  box->setDefaultButton(no);  // Enter keeps the case
  return box;
}

QInputDialog* NewShareAllDialog(QWidget* parent, const QStringList& colleagues) {
  auto* dialog = new QInputDialog(parent);
  dialog->setObjectName(QStringLiteral("grantAllDialog"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(QObject::tr("Share all my cases"));
  dialog->setLabelText(
      QObject::tr("Give this colleague access to every case you hold (for a colleague "
                  "who just joined):"));
  dialog->setComboBoxItems(colleagues);
  dialog->setComboBoxEditable(false);
  return dialog;
}

QWidget* ScrolledContent(QWidget* page) {
  auto* scroll = new QScrollArea(page);
  scroll->setObjectName(QStringLiteral("pageScroll"));
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidgetResizable(true);
  scroll->setFocusPolicy(Qt::NoFocus);  // Tab goes to the controls, and scrolls to them
  auto* content = new ScrolledPage(scroll);
  scroll->setWidget(content);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll);
  return content;
}

}  // namespace dojava::desk
