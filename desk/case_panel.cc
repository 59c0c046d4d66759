#include "desk/case_panel.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "client/file_metadata.h"
#include "desk/dialogs.h"
#include "desk/plain_error.h"
#include "desk/report_terms.h"

namespace dojava::desk {
namespace {

std::shared_ptr<SecretBytes> TakeText(QPlainTextEdit* edit) {
  QByteArray utf8 = edit->toPlainText().trimmed().toUtf8();
  auto s = std::make_shared<SecretBytes>(
      SecretBytes::Copy(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size()))));
  utf8.fill('\0');
  return s;
}

// What an event did, in the current language (CaseItem::values).
QString EventText(const CaseItem& it) {
  const QStringList& v = it.values;
  if (it.type == QLatin1String("status"))
    return QObject::tr("Status set to %1").arg(StatusLabel(v.value(0)));
  if (it.type == QLatin1String("labels"))
    return QObject::tr("Labels: +%1 -%2").arg(v.value(0), v.value(1));
  if (it.type == QLatin1String("assign")) {
    return v.isEmpty() ? QObject::tr("Unassigned") : QObject::tr("Assigned to %1").arg(v.value(0));
  }
  return QObject::tr("(a message of a kind this version does not show: %1)").arg(it.type);
}

// One entry as HTML; every server-supplied text is escaped. What people
// wrote is shown as it is; what the app says about an event or an
// attachment is made here, in the current language.
QString ItemHtml(const CaseItem& it) {
  const QString who = it.from_source ? QObject::tr("Source") : it.author.toHtmlEscaped();
  QString html = QStringLiteral("<p style='margin:6px 0 0 0; color:#555'><b>%1</b> · %2 · #%3</p>")
                     .arg(who, it.day)
                     .arg(it.seq);
  if (!it.error.isEmpty()) {
    return html + QStringLiteral("<p style='color:#a00000'><b>%1</b> %2</p>")
                      .arg(QObject::tr("This message failed verification and is not shown:"),
                           it.error.toHtmlEscaped());
  }
  const QString bg = it.notes
                         ? QStringLiteral("#fff6d6")
                         : (it.from_source ? QStringLiteral("#eef3fb") : QStringLiteral("#e9f6ec"));
  const bool written = it.type == QLatin1String("report") || it.type == QLatin1String("message") ||
                       it.type == QLatin1String("note");
  const QString text = written ? it.text : EventText(it);
  html += QStringLiteral("<table width='100%' cellpadding='6' style='background:%1'><tr><td>%2")
              .arg(bg, text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
  for (const FileItem& f : it.files) {
    html += QStringLiteral("<br><i>%1</i> ").arg(QObject::tr("Attachment:")) +
            QObject::tr("%1 (%2 bytes)").arg(f.name, QString::number(f.size)).toHtmlEscaped();
  }
  return html + QStringLiteral("</td></tr></table>");
}

QPushButton* Button(QWidget* parent, const QString& text, const char* name, const QString& acc) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(QLatin1String(name));
  b->setAccessibleName(acc);
  return b;
}

}  // namespace

CasePanel::CasePanel(QWidget* parent) : QWidget(parent) {
  heading_ = new QLabel(this);
  heading_->setObjectName(QStringLiteral("caseHeading"));
  heading_->setWordWrap(true);
  warning_ = new QLabel(this);
  warning_->setObjectName(QStringLiteral("caseWarning"));
  warning_->setWordWrap(true);
  warning_->setStyleSheet(QStringLiteral("background:#fde2e1; color:#7a0000; padding:6px;"));
  warning_->setAccessibleName(tr("Verification warning"));
  warning_->hide();
  source_key_warning_ = new QLabel(this);
  source_key_warning_->setObjectName(QStringLiteral("sourceKeyWarning"));
  source_key_warning_->setWordWrap(true);
  source_key_warning_->setTextFormat(Qt::PlainText);  // the library's message is not HTML
  source_key_warning_->setStyleSheet(
      QStringLiteral("background:#fff1d6; color:#5a3b00; padding:6px;"));
  source_key_warning_->setAccessibleName(tr("Warning about the source's key"));
  source_key_warning_->hide();
  rekey_warning_ = new QLabel(this);
  rekey_warning_->setObjectName(QStringLiteral("rekeyWarning"));
  rekey_warning_->setWordWrap(true);
  rekey_warning_->setTextFormat(Qt::PlainText);  // the library's message is not HTML
  rekey_warning_->setStyleSheet(QStringLiteral("background:#fff1d6; color:#5a3b00; padding:6px;"));
  rekey_warning_->setAccessibleName(tr("Warning about the case's re-keys"));
  rekey_warning_->hide();
  auto* report_box = new QGroupBox(tr("Report"), this);
  report_ = new QFormLayout(report_box);
  conversation_ = new QTextBrowser(this);
  conversation_->setObjectName(QStringLiteral("conversation"));
  conversation_->setAccessibleName(tr("Conversation with the source"));
  conversation_->setOpenLinks(false);
  notes_ = new QTextBrowser(this);
  notes_->setObjectName(QStringLiteral("notes"));
  notes_->setAccessibleName(tr("Internal notes, not seen by the source"));
  notes_->setOpenLinks(false);
  reply_ = new QPlainTextEdit(this);
  reply_->setObjectName(QStringLiteral("replyText"));
  reply_->setAccessibleName(tr("Reply to the source"));
  reply_->setPlaceholderText(tr("Reply to the source (the source will read this)"));
  reply_->setTabChangesFocus(true);
  note_ = new QPlainTextEdit(this);
  note_->setObjectName(QStringLiteral("noteText"));
  note_->setAccessibleName(tr("Internal note"));
  note_->setPlaceholderText(tr("Internal note (only your team sees this)"));
  note_->setTabChangesFocus(true);
  auto* send = Button(this, tr("Send &reply"), "sendReply", tr("Send the reply to the source"));
  auto* add_note = Button(this, tr("Add &note"), "addNote", tr("Add the internal note"));
  send_ = send;
  add_note_ = add_note;
  connect(send, &QPushButton::clicked, this, [this] {
    if (id_.isEmpty() || reply_->toPlainText().trimmed().isEmpty()) return;
    QStringList paths;
    for (int i = 0; i < reply_files_->count(); ++i) paths << reply_files_->item(i)->text();
    emit replyRequested(id_, TakeText(reply_), paths, clean_->isChecked());
  });
  connect(add_note, &QPushButton::clicked, this, [this] {
    if (id_.isEmpty() || note_->toPlainText().trimmed().isEmpty()) return;
    emit noteRequested(id_, TakeText(note_));
    note_->clear();
  });

  auto* conv_box = new QGroupBox(tr("Conversation with the source"), this);
  auto* cv = new QVBoxLayout(conv_box);
  cv->addWidget(conversation_, 1);
  cv->addWidget(reply_);
  cv->addWidget(BuildAttachments());
  cv->addWidget(send, 0, Qt::AlignRight);
  reply_->setMaximumHeight(90);
  auto* notes_box = new QGroupBox(tr("Internal notes — the source never sees these"), this);
  notes_box->setStyleSheet(QStringLiteral("QGroupBox { background: #fffbea; }"));
  auto* nv = new QVBoxLayout(notes_box);
  nv->addWidget(notes_, 1);
  nv->addWidget(note_);
  nv->addWidget(add_note, 0, Qt::AlignRight);
  note_->setMaximumHeight(70);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(conv_box);
  split->addWidget(notes_box);
  split->setChildrenCollapsible(false);
  auto* v = new QVBoxLayout(ScrolledContent(this));
  v->addWidget(heading_);
  v->addWidget(warning_);
  v->addWidget(source_key_warning_);
  v->addWidget(rekey_warning_);
  v->addWidget(report_box);
  v->addWidget(BuildActions());
  v->addWidget(split, 1);
  Clear();
}

QWidget* CasePanel::BuildActions() {
  auto* box = new QGroupBox(tr("Case"), this);
  status_ = new QComboBox(box);
  status_->setObjectName(QStringLiteral("status"));
  status_->setAccessibleName(tr("Status"));
  for (const char* s : kCaseStatuses)
    status_->addItem(StatusLabel(QLatin1String(s)), QLatin1String(s));
  auto* set_status = Button(box, tr("Set s&tatus"), "setStatus", tr("Set the status"));
  connect(set_status, &QPushButton::clicked, this, [this] {
    if (!id_.isEmpty()) emit statusRequested(id_, status_->currentData().toString());
  });
  label_ = new QLineEdit(box);
  label_->setObjectName(QStringLiteral("label"));
  label_->setAccessibleName(tr("New label"));
  label_->setPlaceholderText(tr("label"));
  auto* add_label = Button(box, tr("Add &label"), "addLabel", tr("Add the label"));
  connect(add_label, &QPushButton::clicked, this, [this] {
    if (id_.isEmpty() || label_->text().trimmed().isEmpty()) return;
    emit labelRequested(id_, label_->text().trimmed());
    label_->clear();
  });
  assignee_ = new QComboBox(box);
  assignee_->setObjectName(QStringLiteral("assignee"));
  assignee_->setAccessibleName(tr("Assignee"));
  auto* assign = Button(box, tr("&Assign"), "assign", tr("Assign the case"));
  connect(assign, &QPushButton::clicked, this, [this] {
    if (!id_.isEmpty()) emit assignRequested(id_, assignee_->currentData().toString());
  });
  files_ = new QListWidget(box);
  files_->setObjectName(QStringLiteral("files"));
  files_->setAccessibleName(tr("Attachments"));
  files_->setMaximumHeight(60);
  auto* download = Button(box, tr("&Download…"), "download", tr("Download the chosen attachment"));
  connect(download, &QPushButton::clicked, this, [this] {
    if (!id_.isEmpty() && files_->currentRow() >= 0)
      emit downloadRequested(id_, files_->currentRow() + 1);
  });
  grant_to_ = new QComboBox(box);
  grant_to_->setObjectName(QStringLiteral("grantTo"));
  grant_to_->setAccessibleName(tr("Colleague to share the case with"));
  auto* grant = Button(box, tr("&Share with"), "grant", tr("Share the case with the colleague"));
  connect(grant, &QPushButton::clicked, this, [this] {
    if (!id_.isEmpty() && !grant_to_->currentText().isEmpty())
      emit grantRequested(id_, grant_to_->currentText());
  });
  auto* remove = Button(box, tr("Delete case…"), "deleteCase", tr("Delete the case for good"));
  remove->setStyleSheet(QStringLiteral("color: #a00000;"));
  connect(remove, &QPushButton::clicked, this, [this] {
    if (!id_.isEmpty()) emit deleteRequested(id_);
  });
  auto* g = new QGridLayout(box);
  g->addWidget(grant, 2, 0);
  g->addWidget(grant_to_, 2, 1, 1, 2);
  g->addWidget(remove, 2, 5);
  g->addWidget(status_, 0, 0);
  g->addWidget(set_status, 0, 1);
  g->addWidget(label_, 0, 2);
  g->addWidget(add_label, 0, 3);
  g->addWidget(assignee_, 0, 4);
  g->addWidget(assign, 0, 5);
  g->addWidget(files_, 1, 0, 1, 5);
  g->addWidget(download, 1, 5, Qt::AlignTop);
  event_controls_ = {status_, set_status, label_, add_label, assignee_, assign};
  return box;
}

void CasePanel::SetColleagues(const QString& me, const QStringList& names) {
  assignee_->clear();
  assignee_->addItem(tr("nobody"), QString());
  assignee_->addItem(tr("me (%1)").arg(me), me);
  for (const QString& n : names) assignee_->addItem(n, n);
  colleagues_ = names;
  grant_to_->clear();
  grant_to_->addItems(names);
}

QWidget* CasePanel::BuildAttachments() {
  auto* box = new QWidget(this);
  reply_files_ = new QListWidget(box);
  reply_files_->setObjectName(QStringLiteral("replyFiles"));
  reply_files_->setAccessibleName(tr("Files to send with the reply"));
  reply_files_->setMaximumHeight(48);
  auto* attach = Button(box, tr("Attach &file…"), "attachFile", tr("Attach a file to the reply"));
  connect(attach, &QPushButton::clicked, this, [this] {
    const QString f =
        AskForPath(this, tr("A file to send to the source"), QFileDialog::ExistingFile);
    if (!f.isEmpty()) AttachToReply(f);
  });
  auto* remove = Button(box, tr("Remove"), "removeFile", tr("Remove the chosen file"));
  connect(remove, &QPushButton::clicked, this, [this] {
    delete reply_files_->currentItem();
    UpdateFileWarning();
  });
  clean_ = new QCheckBox(tr("Remove metadata with mat2 before sending"), box);
  clean_->setObjectName(QStringLiteral("cleanFiles"));
  clean_->setAccessibleName(clean_->text());
  file_warning_ = new QLabel(box);
  file_warning_->setObjectName(QStringLiteral("fileWarning"));
  file_warning_->setWordWrap(true);
  file_warning_->setStyleSheet(QStringLiteral("background:#fff1d6; color:#5a3b00; padding:4px;"));
  file_warning_->setAccessibleName(tr("Warning about the attached files"));
  file_warning_->hide();
  auto* g = new QGridLayout(box);
  g->setContentsMargins(0, 0, 0, 0);
  g->addWidget(reply_files_, 0, 0, 2, 1);
  g->addWidget(attach, 0, 1);
  g->addWidget(remove, 1, 1);
  g->addWidget(clean_, 2, 0, 1, 2);
  g->addWidget(file_warning_, 3, 0, 1, 2);
  return box;
}

void CasePanel::ReplySent(const QString& id) {
  if (id != id_) return;
  reply_->clear();
  reply_files_->clear();
  UpdateFileWarning();
}

void CasePanel::AttachToReply(const QString& path) {
  reply_files_->addItem(path);
  UpdateFileWarning();
}

// Mat2 is looked up every time: it may be installed while the app runs.
void CasePanel::UpdateFileWarning() {
  const bool mat2 = client::Mat2Available();
  clean_->setEnabled(mat2);
  clean_->setChecked(mat2);
  QStringList warn;
  if (!mat2 && reply_files_->count() > 0) {
    warn << tr(
        "mat2 is not installed: these files are sent as they are, with their metadata "
        "(author, device, dates, and for photos often the place). Install mat2 to remove "
        "it.");
  }
  for (int i = 0; i < reply_files_->count(); ++i) {
    const QString path = reply_files_->item(i)->text();
    auto gps = client::HasLocationMetadata(path.toStdString());
    if (!gps.ok()) {
      warn << tr("%1 cannot be read.").arg(path);
    } else if (*gps) {
      warn << (mat2 ? tr("%1 holds location data (GPS): where the photo was taken. Keep "
                         "\"Remove metadata\" on.")
                    : tr("%1 holds location data (GPS): it shows where the photo was taken.  "
                         "Do not send it like this."))
                  .arg(QFileInfo(path).fileName());
    }
  }
  file_warning_->setText(warn.join(QLatin1Char(' ')));
  file_warning_->setVisible(!warn.isEmpty());
}

// Built when shown, from the outcomes the case carries: in the language of
// this moment, also after a switch.
QString CasePanel::VerificationWarning(const CaseDetail& d) const {
  QString warn;
  if (!d.safety.ok()) {
    warn = tr("Do not trust this case. Its first message (the source's report) or the order of "
              "its messages failed verification: someone with access to the server may have "
              "swapped the case's key and could read anything written here. Replies and notes "
              "are switched off for this case; tell your admin. ") +
           PlainError(d.safety);
  }
  if (d.row.failures > 0) {
    warn = tr("%n message(s) of this case failed verification: they were changed or damaged on "
              "the server and are not shown. ",
              nullptr, d.row.failures) +
           warn;
  }
  return warn;
}

// Built when shown, from the values the case carries (§7.3).
QString CasePanel::RekeyWarning(const CaseDetail& d) const {
  QStringList generations;
  for (qint64 g : d.rekeys_unreadable) generations << QString::number(g);
  const QString unreadable =
      generations.isEmpty()
          ? QString()
          : tr("A re-key of this case could not be read and was skipped (generation %1). "
               "Someone with access to the server, or with a colleague's key, may have stored a "
               "damaged one. ")
                .arg(generations.join(QStringLiteral(", ")));
  const QString g = QString::number(d.rekey_stop_generation);
  const QString off =
      tr(" Replies, notes and status changes are switched off for this case; reading stays "
         "possible.");
  QString text;
  switch (d.rekey_stop) {
    case RekeyStop::kNone:
      if (unreadable.isEmpty()) return {};
      return unreadable +
             tr("It is ignored: replies and notes go on under the last case key that could be "
                "followed. Tell your admin if it happens again.") +
             PlainDetails(d.rekeys_unreadable_details);
    case RekeyStop::kOutOfOrder:
      text =
          tr("The server lists the re-keys of this case out of order. Someone with access "
             "to the server may be hiding or replaying one. Tell your admin.");
      break;
    case RekeyStop::kRefused:
      text = tr("A re-key of this case (generation %1) failed verification. Someone with access "
                "to the server, or with a colleague's key, may be trying to swap the case's key "
                "for one they can read. Later re-keys are not followed. Tell your admin.")
                 .arg(g);
      break;
    case RekeyStop::kNotSealedToYou:
      text = tr("This case was re-keyed (generation %1) and the new case key was not given to "
                "you. What you wrote now could not be read under the new key. Ask a colleague "
                "who holds it to share the case with you again.")
                 .arg(g);
      break;
    case RekeyStop::kKeyRefused:
      text = tr("The new case key of a re-key of this case (generation %1), as given to you, "
                "failed verification. Someone with access to the server may have changed it. "
                "Tell your admin.")
                 .arg(g);
      break;
  }
  Status details = d.rekey_stop_details;
  if (!d.rekeys_unreadable_details.ok()) {
    details =
        Status(details.code(), d.rekeys_unreadable_details.message() + "; " + details.message());
  }
  return unreadable + text + off + PlainDetails(details);
}

void CasePanel::Show(const CaseDetail& d) {
  if (d.row.id != id_) {  // what was typed or attached for another case never goes to this one
    reply_->clear();
    note_->clear();
    reply_files_->clear();
    UpdateFileWarning();
  }
  id_ = d.row.id;
  if (&d != &detail_) detail_ = d;
  setEnabled(true);
  heading_->setText(
      QStringLiteral("<h3>%1</h3><span style='color:#555'>%2 · %3 · %4</span>")
          .arg(d.row.title.toHtmlEscaped(), tr("status: %1").arg(StatusLabel(d.row.status)),
               d.row.labels.isEmpty() ? tr("no labels")
                                      : d.row.labels.join(QStringLiteral(", ")).toHtmlEscaped(),
               d.row.assignee.isEmpty()
                   ? tr("unassigned")
                   : tr("assigned to %1").arg(d.row.assignee.toHtmlEscaped())));
  warning_->setText(VerificationWarning(d));
  warning_->setVisible(!warning_->text().isEmpty());
  // The case key is not in question: reading and replying stay possible.
  source_key_warning_->setText(
      d.source_key.ok()
          ? QString()
          : tr("The server's key for the source of this case is not the one in the source's "
               "signed report. Someone with access to the server may have swapped it, to read "
               "what a re-key would send the source. Do not re-key this case; tell your admin. "
               "Reading and replying stay possible: the case's own key is not in question.") +
                PlainDetails(d.source_key));
  source_key_warning_->setVisible(!d.source_key.ok());
  rekey_warning_->setText(RekeyWarning(d));
  rekey_warning_->setVisible(!rekey_warning_->text().isEmpty());
  // Reading stays possible; nothing new is written where it would be unsafe.
  const bool writable = d.safety.ok() && d.rekey_stop == RekeyStop::kNone;
  for (QWidget* w : std::initializer_list<QWidget*>{reply_, note_, send_, add_note_}) {
    w->setEnabled(writable);
  }
  for (QWidget* w : event_controls_) w->setEnabled(writable);
  while (report_->rowCount() > 0) report_->removeRow(0);
  for (const auto& [k, v] : d.form) {
    auto* value = new QLabel(ValueLabel(k, v).toHtmlEscaped());
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    report_->addRow(FieldLabel(k).toHtmlEscaped() + QLatin1Char(':'), value);
  }
  QString conv, notes;
  for (const CaseItem& it : d.items) (it.notes ? notes : conv) += ItemHtml(it);
  conversation_->setHtml(conv);
  notes_->setHtml(notes.isEmpty() ? tr("<p style='color:#777'>No notes yet.</p>") : notes);
  if (const int i = status_->findData(d.row.status); i >= 0) status_->setCurrentIndex(i);
  files_->clear();
  for (int i = 0; i < d.files.size(); ++i) {
    const FileItem& f = d.files[i];
    // One arg() call: a file name holding "%3" stays as it is.
    const QString number = QString::number(i + 1), size = QString::number(f.size);
    files_->addItem(f.mime.isEmpty()
                        ? tr("%1. %2  (%3 bytes)").arg(number, f.name, size)
                        : tr("%1. %2  (%3 bytes, %4)").arg(number, f.name, size, f.mime));
  }
  if (!d.files.isEmpty()) files_->setCurrentRow(0);
}

void CasePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Relabel();
  QWidget::changeEvent(event);
}

void CasePanel::Relabel() {
  if (!id_.isEmpty()) Show(detail_);
  if (assignee_->count() > 1)
    assignee_->setItemText(1, tr("me (%1)").arg(assignee_->itemData(1).toString()));
  UpdateFileWarning();
}

void CasePanel::Clear() {
  id_.clear();
  detail_ = CaseDetail();
  heading_->setText(tr("<h3>No case open</h3>Choose a case from the list."));
  warning_->hide();
  source_key_warning_->hide();
  rekey_warning_->hide();
  while (report_->rowCount() > 0) report_->removeRow(0);
  conversation_->clear();
  notes_->clear();
  reply_->clear();
  note_->clear();
  files_->clear();
  reply_files_->clear();
  UpdateFileWarning();
  setEnabled(false);
}

}  // namespace dojava::desk
