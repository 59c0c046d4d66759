// Dojava Desk's languages and accessibility, offscreen, on the real window:
// - every catalogue (desk/i18n/*.ts) is complete: no unfinished, obsolete or
//   vanished message, the placeholders, accelerators and HTML tags of the
//   English text, and exactly the texts lupdate finds in desk/ today;
// - the catalogues use the web page's words (static/i18n-terms.json): the
//   term for each concept, none of the words to avoid, no ekavian word in bs
//   or cnr, no word that mixes Latin and Cyrillic letters in sr_Cyrl or mk;
// - the system locale picks the right catalogue (also sr@latin and cnr,
//   which Qt 6.4's QLocale does not know), a saved choice wins over it;
// - switching in the Language menu changes every visible text of the open
//   window at once (no English left, the open case and the list included,
//   nor in Qt's own dialogs and menus the desk shows: message box buttons,
//   the file dialog, a text field's context menu) and is kept in desk.ini;
// - every control has an accessible name, Tab reaches every control of every
//   page (the case list's and tables' Tab leaves them), every toolbar action
//   has a shortcut, and every page and dialog fits a 1920×1080 screen at
//   200 % (960×540), scrolling to every control.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextEdit>
#include <QToolBar>
#include <QXmlStreamReader>

#include "desk/case_list.h"
#include "desk/case_panel.h"
#include "desk/dashboard_page.h"
#include "desk/desk_settings.h"
#include "desk/dialogs.h"
#include "desk/language_switch.h"
#include "desk/main_window.h"
#include "desk/new_key_dialog.h"
#include "desk/setup_check_page.h"
#include "desk/start_pages.h"

namespace dojava::desk {
namespace {

const QStringList kCodes = {QStringLiteral("sq"),      QStringLiteral("sr_Latn"),
                            QStringLiteral("sr_Cyrl"), QStringLiteral("bs"),
                            QStringLiteral("cnr"),     QStringLiteral("mk")};

struct Message {
  QString context, source, type;
  QStringList translations;  // one, or the plural forms
};

QString TsPath(const QString& code) {
  return QStringLiteral(DOJAVA_SOURCE_DIR "/desk/i18n/dojava-desk_%1.ts").arg(code);
}

QList<Message> ReadTs(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&f);
  QList<Message> out;
  QString context;
  bool numerus = false;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("name")) context = xml.readElementText();
    if (xml.name() == QLatin1String("message")) {
      out.append({context, {}, {}, {}});
      numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    }
    if (xml.name() == QLatin1String("source")) out.back().source = xml.readElementText();
    if (xml.name() == QLatin1String("translation")) {
      out.back().type = xml.attributes().value(QLatin1String("type")).toString();
      if (!numerus) out.back().translations << xml.readElementText();
    }
    if (xml.name() == QLatin1String("numerusform"))
      out.back().translations << xml.readElementText();
  }
  if (xml.hasError()) qWarning() << path << xml.errorString();
  return out;
}

QStringList All(const QString& text, const QString& pattern) {
  QStringList out;
  auto it =
      QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption).globalMatch(text);
  while (it.hasNext()) out << it.next().captured(0);
  out.sort();
  return out;
}

QRegularExpression Term(const QString& pattern) {
  return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption |
                                         QRegularExpression::UseUnicodePropertiesOption);
}

// A text as read: without the accelerator's "&", "Tor Browser" (a name kept
// in every language) and paths.
QString Readable(QString text) {
  text.remove(QRegularExpression(QStringLiteral("&(?=\\w)")));
  text.remove(QStringLiteral("Tor Browser"));
  text.remove(QRegularExpression(QStringLiteral("\\S*/\\S*")));
  return text;
}

QString WebCode(const QString& code) {
  return QString(code).replace(QLatin1Char('_'), QLatin1Char('-'));
}

bool Interactive(const QWidget* w) {
  return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) ||
         qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) ||
         qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QTextEdit*>(w) ||
         qobject_cast<const QPlainTextEdit*>(w) || qobject_cast<const QTabBar*>(w);
}

// Controls a widget is made of (a combo box's list, a view's headers, a line
// edit's clear button, scroll bars) are named by their owner.
bool PartOfAnother(const QWidget* w, const QWidget* top) {
  if (qobject_cast<const QScrollBar*>(w) || w->objectName().startsWith(QLatin1String("qt_")))
    return true;
  for (const QWidget* p = w->parentWidget(); p != nullptr && p != top; p = p->parentWidget()) {
    if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QAbstractSpinBox*>(p) ||
        qobject_cast<const QAbstractItemView*>(p) || qobject_cast<const QLineEdit*>(p) ||
        (qobject_cast<const QAbstractScrollArea*>(p) && !qobject_cast<const QScrollArea*>(p)))
      return true;
  }
  return false;
}

// Every text a widget shows or announces: labels, buttons, placeholders,
// titles, accessible names, actions, combo box items, table headers.
QStringList ShownTexts(QWidget* window) {
  QStringList out;
  QList<QWidget*> widgets = window->findChildren<QWidget*>();
  widgets << window;
  for (QWidget* w : widgets) {
    out << w->windowTitle() << w->accessibleName() << w->toolTip();
    if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
    if (auto* b = qobject_cast<QAbstractButton*>(w)) out << b->text();
    if (auto* e = qobject_cast<QLineEdit*>(w)) out << e->placeholderText();
    if (auto* e = qobject_cast<QPlainTextEdit*>(w)) out << e->placeholderText();
    if (auto* c = qobject_cast<QComboBox*>(w)) {
      for (int i = 0; i < c->count(); ++i) out << c->itemText(i);
    }
    if (auto* v = qobject_cast<QAbstractItemView*>(w); v != nullptr && v->model() != nullptr) {
      for (int c = 0; c < v->model()->columnCount(); ++c)
        out << v->model()->headerData(c, Qt::Horizontal).toString();
    }
    for (QAction* a : w->actions()) out << a->text();
  }
  out.removeAll(QString());
  return out;
}

// The texts of the Qt dialogs and context menus the desk shows, made as the
// desk makes them (dialogs.h), without the data in them (names, paths).
QStringList QtDialogTexts(QWidget* window) {
  QStringList out;
  QPushButton* yes = nullptr;
  const QList<QDialog*> dialogs = {NewErrorBox(window, QStringLiteral("x"), QStringLiteral("y")),
                                   NewDeleteConfirmation(window, &yes),
                                   NewShareAllDialog(window, {QStringLiteral("ana")}),
                                   NewFileDialog(window, QString(), QFileDialog::ExistingFile),
                                   NewFileDialog(window, QString(), QFileDialog::Directory),
                                   NewFileDialog(window, QString(), QFileDialog::AnyFile)};
  for (QDialog* d : dialogs) {
    d->show();
    QCoreApplication::processEvents();
    out << ShownTexts(d);
    delete d;
  }
  // A shortcut shown after a tab ("&Copy\tCtrl+C") is not a text.
  auto menu = [&](QMenu* m) {
    for (QAction* a : m->actions()) out << a->text().section(QLatin1Char('\t'), 0, 0);
    delete m;
  };
  menu(window->findChild<QLineEdit*>(QStringLiteral("label"))->createStandardContextMenu());
  menu(
      window->findChild<QPlainTextEdit*>(QStringLiteral("replyText"))->createStandardContextMenu());
  menu(window->findChild<QTextBrowser*>(QStringLiteral("conversation"))
           ->createStandardContextMenu(QPoint(1, 1)));
  QStringList texts;
  for (const QString& t : out) {
    if (t.contains(QRegularExpression(QStringLiteral("\\p{L}"))) && !t.contains(QLatin1Char('/')) &&
        t != QLatin1String("x") && t != QLatin1String("y") && t != QLatin1String("ana"))
      texts << t;
  }
  return texts;
}

CaseDetail DemoCase() {
  CaseDetail d;
  d.row.id = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
  d.row.title = QStringLiteral("Spyware on a journalist's phone");
  d.row.country = QStringLiteral("RS");
  d.row.kind = QStringLiteral("spyware");
  d.row.status = QStringLiteral("new");
  d.row.unread = true;
  d.row.files = 2;
  d.form = {{QStringLiteral("country"), QStringLiteral("RS")},
            {QStringLiteral("incident"), QStringLiteral("spyware")}};
  CaseItem item;
  item.from_source = true;
  item.text = QStringLiteral("Pegasus na telefonu novinarke");
  d.items << item;
  d.files << FileItem{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), 1234};
  d.files << FileItem{QStringLiteral("notes %3.txt"), QString(), 14};  // no type given
  return d;
}

}  // namespace

class DeskL10nTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void cataloguesAreComplete_data();
  void cataloguesAreComplete();
  void cataloguesHoldEveryTextOfTheSources();
  void cataloguesUseThePageTerms_data();
  void cataloguesUseThePageTerms();
  void pickLanguage_data();
  void pickLanguage();
  void startFollowsTheSystemUnlessChosen();
  void switchingRetranslatesTheOpenWindow();
  void fileRowsShowSizeAndType();
  void everyControlHasAnAccessibleName_data();
  void everyControlHasAnAccessibleName();
  void tabReachesEveryControlOfEveryPage();
  void pagesFitA200PercentScreen();

 private:
  // A window with the demo case open, in English (desk.ini says "en").
  std::unique_ptr<MainWindow> Window(const QString& language = QStringLiteral("en"));
  QList<QWidget*> Pages(MainWindow* w);

  QTemporaryDir dir_;
  int windows_ = 0;
};

void DeskL10nTest::initTestCase() { QVERIFY(dir_.isValid()); }

std::unique_ptr<MainWindow> DeskL10nTest::Window(const QString& language) {
  const QString ini = dir_.filePath(QStringLiteral("desk-%1.ini").arg(++windows_));
  DeskSettings(ini).SetLanguage(language);
  auto w = std::make_unique<MainWindow>(ini);
  w->findChild<CaseList*>()->SetRows({DemoCase().row});
  w->findChild<CasePanel*>()->SetColleagues(QStringLiteral("ana"), {QStringLiteral("ben")});
  w->findChild<CasePanel*>()->Show(DemoCase());
  w->show();
  return w;
}

QList<QWidget*> DeskL10nTest::Pages(MainWindow* w) {
  auto* stack = w->findChild<QStackedWidget*>();
  QList<QWidget*> pages;
  for (int i = 0; i < stack->count(); ++i) pages << stack->widget(i);
  return pages;
}

void DeskL10nTest::cataloguesAreComplete_data() {
  QTest::addColumn<QString>("code");
  for (const QString& c : kCodes) QTest::newRow(qPrintable(c)) << c;
}

void DeskL10nTest::cataloguesAreComplete() {
  QFETCH(QString, code);
  const QList<Message> messages = ReadTs(TsPath(code));
  QVERIFY(messages.size() > 250);
  const QString placeholders = QStringLiteral("%(\\d|n)");
  const QString accelerators = QStringLiteral("(?<!&)&(?=\\w)");
  const QString tags = QStringLiteral("</?\\w+");
  for (const Message& m : messages) {
    const QString where = m.context + QStringLiteral(": ") + m.source;
    QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" — ") + where));
    QVERIFY2(!m.translations.isEmpty(), qPrintable(where));
    for (const QString& t : m.translations) {
      QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty — ") + where));
      for (const QString& pattern : {placeholders, accelerators, tags}) {
        QVERIFY2(All(t, pattern) == All(m.source, pattern),
                 qPrintable(where + QStringLiteral(" → ") + t));
      }
    }
  }
}

// What lupdate finds in desk/ now is exactly what the catalogues hold: a text
// added to the app without a translation fails here.
void DeskL10nTest::cataloguesHoldEveryTextOfTheSources() {
  const QString fresh = dir_.filePath(QStringLiteral("fresh.ts"));
  QProcess lupdate;
  lupdate.start(QStringLiteral(DOJAVA_LUPDATE),
                {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                 QStringLiteral(DOJAVA_SOURCE_DIR "/desk"), QStringLiteral("-ts"), fresh});
  QVERIFY(lupdate.waitForFinished(120000));
  QCOMPARE(lupdate.exitCode(), 0);
  auto keys = [](const QList<Message>& ms) {
    QStringList k;
    for (const Message& m : ms) k << m.context + QStringLiteral(" | ") + m.source;
    k.sort();
    return k;
  };
  const QStringList want = keys(ReadTs(fresh));
  QVERIFY(want.size() > 250);
  for (const QString& code : kCodes) {
    const QStringList have = keys(ReadTs(TsPath(code)));
    for (const QString& k : want)
      QVERIFY2(have.contains(k), qPrintable(code + QStringLiteral(" lacks ") + k));
    for (const QString& k : have)
      QVERIFY2(want.contains(k),
               qPrintable(code + QStringLiteral(" has a text no longer used: ") + k));
  }
}

void DeskL10nTest::cataloguesUseThePageTerms_data() { cataloguesAreComplete_data(); }

void DeskL10nTest::cataloguesUseThePageTerms() {
  QFETCH(QString, code);
  QFile f(QStringLiteral(DOJAVA_SOURCE_DIR "/static/i18n-terms.json"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QJsonObject terms = QJsonDocument::fromJson(f.readAll()).object();
  const QJsonObject concepts = terms.value(QLatin1String("concepts")).toObject();
  const QString web = WebCode(code);
  QStringList ekavian;
  const QJsonObject ek = terms.value(QLatin1String("ekavian")).toObject();
  if (ek.value(QLatin1String("languages")).toArray().contains(web)) {
    for (const auto& w : ek.value(QLatin1String("words")).toArray()) ekavian << w.toString();
  }
  const bool cyrillic = code == QLatin1String("sr_Cyrl") || code == QLatin1String("mk");
  for (const Message& m : ReadTs(TsPath(code))) {
    const QString source = Readable(m.source);
    for (const QString& raw : m.translations) {
      const QString t = Readable(raw);
      const QString where = m.source + QStringLiteral(" → ") + raw;
      for (auto c = concepts.begin(); c != concepts.end(); ++c) {
        const QJsonObject en = c->toObject().value(QLatin1String("en")).toObject();
        const QJsonObject here = c->toObject().value(web).toObject();
        if (here.isEmpty()) continue;
        bool english_uses = false;
        for (const auto& u : en.value(QLatin1String("use")).toArray())
          english_uses = english_uses || Term(u.toString()).match(source).hasMatch();
        bool uses = false;
        for (const auto& u : here.value(QLatin1String("use")).toArray())
          uses = uses || Term(u.toString()).match(t).hasMatch();
        QVERIFY2(!english_uses || uses, qPrintable(c.key() + QStringLiteral(" missing: ") + where));
        for (const auto& a : here.value(QLatin1String("avoid")).toArray()) {
          QVERIFY2(!Term(a.toString()).match(t).hasMatch(),
                   qPrintable(a.toString() + QStringLiteral(" in ") + where));
        }
      }
      for (const QString& w : ekavian) {
        QVERIFY2(!Term(QStringLiteral("(?<!\\p{L})") + w).match(t).hasMatch(),
                 qPrintable(QStringLiteral("ekavian ") + w + QStringLiteral(": ") + where));
      }
      if (!cyrillic) continue;
      auto words = Term(QStringLiteral("\\p{L}+")).globalMatch(t);
      while (words.hasNext()) {
        const QString word = words.next().captured(0);
        const bool latin = Term(QStringLiteral("\\p{Latin}")).match(word).hasMatch();
        const bool cyr = Term(QStringLiteral("\\p{Cyrillic}")).match(word).hasMatch();
        QVERIFY2(!(latin && cyr),
                 qPrintable(QStringLiteral("mixed script ") + word + QStringLiteral(": ") + where));
      }
    }
  }
}

void DeskL10nTest::pickLanguage_data() {
  QTest::addColumn<QStringList>("ui");
  QTest::addColumn<QString>("code");
  auto row = [](const char* name, QStringList ui, const char* code) {
    QTest::newRow(name) << ui << QString::fromLatin1(code);
  };
  row("Albanian", {"sq-AL", "sq-Latn-AL", "sq"}, "sq");
  row("Serbian (Qt's sr_RS)", {"sr-RS", "sr-Cyrl-RS", "sr"}, "sr_Cyrl");
  row("Serbian Latin", {"sr-Latn-RS", "sr-RS"}, "sr_Latn");
  row("glibc sr@latin", {"sr_RS.UTF-8@latin", "sr-RS", "sr-Cyrl-RS"}, "sr_Latn");
  row("Serbian in Montenegro", {"sr-ME"}, "sr_Latn");
  row("Bosnian", {"bs-BA", "bs-Latn-BA", "bs"}, "bs");
  row("Montenegrin locale", {"cnr_ME.UTF-8", "cnr-ME", "C"}, "cnr");
  row("Montenegrin LANGUAGE", {"cnr", "C", "sr"}, "cnr");
  row("Macedonian", {"mk-MK", "mk-Cyrl-MK", "mk"}, "mk");
  row("first one the app speaks", {"de-DE", "de", "mk-MK"}, "mk");
  row("English", {"en-GB", "en"}, "en");
  row("German only", {"de-DE", "de"}, "en");
  row("Croatian only", {"hr-HR"}, "en");
  row("C locale", {"C"}, "en");
  row("nothing", {}, "en");
}

void DeskL10nTest::pickLanguage() {
  QFETCH(QStringList, ui);
  QFETCH(QString, code);
  QCOMPARE(PickLanguage(ui), code);
}

void DeskL10nTest::startFollowsTheSystemUnlessChosen() {
  const QByteArray lc_all = qgetenv("LC_ALL"), language = qgetenv("LANGUAGE");
  DeskSettings none(dir_.filePath(QStringLiteral("none.ini")));
  auto start = [&](const char* lc, const char* lang) {
    qputenv("LC_ALL", lc);
    qputenv("LANGUAGE", lang);
    return LanguageSwitch::StartLanguage(none);
  };
  QCOMPARE(start("sr_RS.UTF-8@latin", ""), QStringLiteral("sr_Latn"));
  QCOMPARE(start("sr_RS.UTF-8", ""), QStringLiteral("sr_Cyrl"));
  QCOMPARE(start("cnr_ME.UTF-8", ""), QStringLiteral("cnr"));
  QCOMPARE(start("mk_MK.UTF-8", ""), QStringLiteral("mk"));
  QCOMPARE(start("de_DE.UTF-8", "bs:de"), QStringLiteral("bs"));
  QCOMPARE(start("C.UTF-8", "mk"), QStringLiteral("en"));  // glibc ignores LANGUAGE under C
  DeskSettings chosen(dir_.filePath(QStringLiteral("chosen.ini")));
  chosen.SetLanguage(QStringLiteral("sq"));
  qputenv("LC_ALL", "mk_MK.UTF-8");
  QCOMPARE(LanguageSwitch::StartLanguage(chosen), QStringLiteral("sq"));
  chosen.SetLanguage(QStringLiteral("xx"));  // not a language of the app: the system's
  QCOMPARE(LanguageSwitch::StartLanguage(chosen), QStringLiteral("mk"));
  qputenv("LC_ALL", lc_all);
  qputenv("LANGUAGE", language);
}

void DeskL10nTest::switchingRetranslatesTheOpenWindow() {
  auto w = Window();
  for (QWidget* page : Pages(w.get())) {  // the list and the open case, as a reviewer sees them
    if (page->isAncestorOf(w->findChild<CaseList*>()))
      w->findChild<QStackedWidget*>()->setCurrentWidget(page);
  }
  auto* ok = w->findChild<QPushButton*>(QStringLiteral("continue"));
  QCOMPARE(ok->text(), QStringLiteral("&Continue"));
  // Qt's own dialogs and menus in English, to find any left after a switch.
  const QStringList english_qt = QtDialogTexts(w.get());
  for (const char* t :
       {"OK", "Cancel", "Look in:", "File &name:", "All Files (*)", "Name", "Date Modified",
        "&Copy", "Select All", "Copy &Link Location", "Delete for good"}) {
    QVERIFY2(english_qt.contains(QLatin1String(t)), t);
  }
  for (const QString& code : kCodes) {
    w->findChild<QAction*>(QStringLiteral("language_") + code)->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(LanguageSwitch::Instance()->code(), code);
    // No English text the catalogue translates is left anywhere in the window.
    QSet<QString> english;
    for (const Message& m : ReadTs(TsPath(code))) {
      if (!m.translations.contains(m.source) && m.source.size() > 3) english << m.source;
    }
    const QStringList shown = ShownTexts(w.get());
    for (const QString& s : shown) {
      QVERIFY2(!english.contains(s), qPrintable(code + QStringLiteral(": still English: ") + s));
    }
    QVERIFY2(ok->text() != QStringLiteral("&Continue"), qPrintable(ok->text()));
    // Nor in Qt's dialogs and menus: the buttons of a message box, the file
    // dialog, the context menu of a line edit and of a text.
    for (const QString& s : QtDialogTexts(w.get())) {
      QVERIFY2(!english_qt.contains(s),
               qPrintable(code + QStringLiteral(": Qt's, still English: ") + s));
    }
  }
  // mk, as a reviewer sees it: the open case, the list, the menu.
  w->findChild<QAction*>(QStringLiteral("language_mk"))->trigger();
  QCoreApplication::processEvents();
  QCOMPARE(ok->text(), QStringLiteral("&Продолжи"));
  QCOMPARE(w->windowTitle(), QStringLiteral("Дојава Desk"));
  auto* list = w->findChild<QTableView*>(QStringLiteral("cases"));
  QCOMPARE(list->model()->headerData(CaseList::kTitle, Qt::Horizontal).toString(),
           QStringLiteral("Наслов"));
  QCOMPARE(list->model()->index(0, CaseList::kCountry).data().toString(), QStringLiteral("Србија"));
  QCOMPARE(list->model()->index(0, CaseList::kStatus).data().toString(), QStringLiteral("нов"));
  QVERIFY2(w->findChild<QLabel*>(QStringLiteral("caseHeading"))
               ->text()
               .contains(QStringLiteral("статус: нов")),
           qPrintable(w->findChild<QLabel*>(QStringLiteral("caseHeading"))->text()));
  QCOMPARE(w->menuBar()->actions().last()->text(), QStringLiteral("&Јазик"));
  // The open case's report, redrawn: the page's words for its values.
  QTest::qWait(20);
  QStringList report;
  for (QLabel* l : w->findChild<CasePanel*>()->findChildren<QLabel*>()) {
    if (l->isVisible()) report << l->text();
  }
  QVERIFY2(report.contains(QStringLiteral("Србија")), qPrintable(report.join(QLatin1Char('|'))));
  QVERIFY2(report.contains(QStringLiteral("Држава:")), qPrintable(report.join(QLatin1Char('|'))));
  // The choice is kept (and nothing else is written).
  const QString ini = dir_.filePath(QStringLiteral("desk-%1.ini").arg(windows_));
  QCOMPARE(QSettings(ini, QSettings::IniFormat).value(QStringLiteral("ui/language")).toString(),
           QStringLiteral("mk"));
  // "Follow the system" forgets the choice and takes the system's language.
  const QByteArray lc_all = qgetenv("LC_ALL");
  qputenv("LC_ALL", "sq_AL.UTF-8");
  w->findChild<QAction*>(QStringLiteral("language_system"))->trigger();
  QCoreApplication::processEvents();
  QCOMPARE(LanguageSwitch::Instance()->code(), QStringLiteral("sq"));
  QCOMPARE(ok->text(), QStringLiteral("&Vazhdo"));
  QCOMPARE(QSettings(ini, QSettings::IniFormat).value(QStringLiteral("ui/language")).toString(),
           QString());
  qputenv("LC_ALL", lc_all);
  // Back to English: the source texts again.
  w->findChild<QAction*>(QStringLiteral("language_en"))->trigger();
  QCoreApplication::processEvents();
  QCOMPARE(ok->text(), QStringLiteral("&Continue"));
  QCOMPARE(list->model()->index(0, CaseList::kCountry).data().toString(), QStringLiteral("Serbia"));
  QCOMPARE(list->model()->index(0, CaseList::kStatus).data().toString(), QStringLiteral("new"));
}

// A case's file rows: "N. name  (size bytes, type)", and for a file whose
// type is not known "(size bytes)", never "(size bytes, )", in every language.
void DeskL10nTest::fileRowsShowSizeAndType() {
  auto w = Window();
  auto* files = w->findChild<QListWidget*>(QStringLiteral("files"));
  for (const QString& code : QStringList{QStringLiteral("en")} + kCodes) {
    QVERIFY(LanguageSwitch::Instance()->Use(code));
    QCoreApplication::processEvents();
    QCOMPARE(files->count(), 2);
    const QString typed = files->item(0)->text(), untyped = files->item(1)->text();
    QVERIFY2(typed.startsWith(QLatin1String("1. photo.jpg  (1234 ")) &&
                 typed.endsWith(QLatin1String(", image/jpeg)")),
             qPrintable(code + QStringLiteral(": ") + typed));
    QVERIFY2(untyped.startsWith(QLatin1String("2. notes %3.txt  (14 ")) &&
                 untyped.endsWith(QLatin1Char(')')) && !untyped.contains(QLatin1Char(',')),
             qPrintable(code + QStringLiteral(": ") + untyped));
    if (code == QLatin1String("en"))
      QCOMPARE(untyped, QStringLiteral("2. notes %3.txt  (14 bytes)"));
  }
  QVERIFY(LanguageSwitch::Instance()->Use(QStringLiteral("en")));
}

void DeskL10nTest::everyControlHasAnAccessibleName_data() {
  QTest::addColumn<QString>("code");
  QTest::newRow("en") << QStringLiteral("en");
  for (const QString& c : kCodes) QTest::newRow(qPrintable(c)) << c;
}

void DeskL10nTest::everyControlHasAnAccessibleName() {
  QFETCH(QString, code);
  auto w = Window(code);
  QCOMPARE(LanguageSwitch::Instance()->code(), code);
  int controls = 0;
  for (QWidget* c : w->findChildren<QWidget*>()) {
    if (!Interactive(c) || PartOfAnother(c, w.get())) continue;
    ++controls;
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(c);
    QVERIFY(a != nullptr);
    const QString name = a->text(QAccessible::Name);
    QVERIFY2(
        !name.trimmed().isEmpty(),
        qPrintable(QStringLiteral("%1 \"%2\" has no accessible name")
                       .arg(QString::fromLatin1(c->metaObject()->className()), c->objectName())));
    QVERIFY2(!name.contains(QLatin1Char('&')), qPrintable(name));
  }
  QVERIFY(controls > 40);
}

void DeskL10nTest::tabReachesEveryControlOfEveryPage() {
  auto w = Window();
  QApplication::setActiveWindow(w.get());
  QVERIFY(QTest::qWaitForWindowActive(w.get()));
  auto* stack = w->findChild<QStackedWidget*>();
  for (QWidget* page : Pages(w.get())) {
    stack->setCurrentWidget(page);
    QCoreApplication::processEvents();
    QList<QWidget*> want;
    for (QWidget* c : page->findChildren<QWidget*>()) {
      if (Interactive(c) && !PartOfAnother(c, page) && c->isVisibleTo(w.get()) && c->isEnabled())
        want << c;
    }
    QVERIFY(!want.isEmpty());
    want.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget*> reached;
    for (int i = 0; i < 4 * (want.size() + 10); ++i) {
      reached << QApplication::focusWidget();
      QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (QWidget* c : want) {
      QVERIFY2(
          reached.contains(c) || reached.contains(c->focusProxy()),
          qPrintable(QStringLiteral("Tab does not reach %1 \"%2\" (%3, focus policy %4) on %5")
                         .arg(QString::fromLatin1(c->metaObject()->className()), c->objectName(),
                              QAccessible::queryAccessibleInterface(c)->text(QAccessible::Name))
                         .arg(int(c->focusPolicy()))
                         .arg(QString::fromLatin1(page->metaObject()->className()))));
    }
  }
  // The toolbar's actions are not in the Tab order (Qt's toolbars never
  // are): each has a shortcut instead.
  for (QAction* a : w->findChild<QToolBar*>()->actions()) {
    if (a->isSeparator()) continue;
    QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text() + QStringLiteral(" has no shortcut")));
  }
}

// Whether `c` can be brought into view inside `top`: each scroll area it is
// in scrolls to it (to a text field's cursor), then a part of it at least
// 16×16 pixels (or all of it) is inside every widget up to `top`.
bool Reachable(QWidget* c, QWidget* top) {
  QCoreApplication::processEvents();
  for (QWidget* p = c->parentWidget(); p != nullptr && p != top; p = p->parentWidget()) {
    if (auto* scroll = qobject_cast<QScrollArea*>(p)) scroll->ensureWidgetVisible(c, 0, 0);
  }
  QRect visible(c->mapTo(top, QPoint(0, 0)), c->size());
  for (QWidget* p = c->parentWidget(); p != nullptr && p != top; p = p->parentWidget())
    visible &= QRect(p->mapTo(top, QPoint(0, 0)), p->size());
  visible &= top->rect();
  return visible.width() >= qMin(16, c->width()) && visible.height() >= qMin(16, c->height());
}

// At 200 % a 1920×1080 screen (the most common one) is 960×540
// device-independent pixels: the window, every page and every dialog the
// desk shows fit it in every language (their minimum sizes included), and
// every control of a page can be scrolled into view. Run with
// QT_SCALE_FACTOR=2 (ctest does, in a second run), the window is drawn with
// twice the pixels.
void DeskL10nTest::pagesFitA200PercentScreen() {
  const QSize screen(960, 540);
  const bool scaled = qEnvironmentVariableIntValue("QT_SCALE_FACTOR") == 2;
  auto fits = [&](const QSize& s) {
    return s.width() <= screen.width() && s.height() <= screen.height();
  };
  auto size = [](const QSize& s) { return QStringLiteral("%1×%2").arg(s.width()).arg(s.height()); };
  for (const QString& code : QStringList{QStringLiteral("en")} + kCodes) {
    auto w = Window(code);
    QVERIFY2(fits(w->minimumSizeHint()),
             qPrintable(code + QStringLiteral(": the window needs at least ") +
                        size(w->minimumSizeHint())));
    auto* stack = w->findChild<QStackedWidget*>();
    for (QWidget* page : Pages(w.get())) {
      stack->setCurrentWidget(page);
      w->resize(screen);
      QCoreApplication::processEvents();
      const QString name =
          code + QLatin1Char(' ') + QString::fromLatin1(page->metaObject()->className());
      QVERIFY2(fits(w->size()), qPrintable(name + QStringLiteral(" needs ") + size(w->size())));
      QVERIFY2(fits(page->minimumSizeHint()), qPrintable(name + QStringLiteral(" needs at least ") +
                                                         size(page->minimumSizeHint())));
      for (QWidget* c : page->findChildren<QWidget*>()) {
        if (!Interactive(c) || PartOfAnother(c, page) || !c->isVisibleTo(w.get())) continue;
        QVERIFY2(Reachable(c, w.get()),
                 qPrintable(name + QStringLiteral(": cannot scroll to ") + c->objectName() +
                            QLatin1Char(' ') + c->accessibleName()));
      }
      if (!scaled) continue;
      const QPixmap shot = w->grab();
      QCOMPARE(shot.devicePixelRatio(), 2.0);
      QCOMPARE(shot.size(), w->size() * 2);
    }
    // The dialogs, as the desk makes them.
    QPushButton* yes = nullptr;
    const QList<QDialog*> dialogs = {
        new NewKeyDialog(QString(), w.get()),
        NewErrorBox(w.get(), QStringLiteral("Unlock"),
                    QStringLiteral("The server did not answer in time. Check your network and "
                                   "tor, then try again; if it keeps happening, tell your admin.")),
        NewDeleteConfirmation(w.get(), &yes),
        NewShareAllDialog(w.get(), {QStringLiteral("ana"), QStringLiteral("ben")}),
        NewFileDialog(w.get(), QStringLiteral("open"), QFileDialog::ExistingFile),
        NewFileDialog(w.get(), QStringLiteral("folder"), QFileDialog::Directory),
        NewFileDialog(w.get(), QStringLiteral("save"), QFileDialog::AnyFile)};
    for (QDialog* d : dialogs) {
      d->show();
      d->resize(screen);
      QCoreApplication::processEvents();
      const QString name = code + QLatin1Char(' ') + d->objectName();
      QVERIFY2(fits(d->size()), qPrintable(name + QStringLiteral(" needs ") + size(d->size())));
      QVERIFY2(fits(d->minimumSizeHint()),
               qPrintable(name + QStringLiteral(" needs at least ") + size(d->minimumSizeHint())));
      delete d;
    }
  }
}

}  // namespace dojava::desk

QTEST_MAIN(dojava::desk::DeskL10nTest)
#include "desk_l10n_test.moc"
