#include "desk/language_switch.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMutexLocker>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableWidget>
#include <QTextEdit>

#include "desk/desk_settings.h"

// The catalogues are compiled into dojava_desk_core (desk/CMakeLists.txt);
// Q_INIT_RESOURCE keeps the linker from dropping them from the static library.
static void InitDeskTranslations() { Q_INIT_RESOURCE(desk_i18n); }

namespace dojava::desk {
namespace {

// lupdate's parser does not follow C++17 nested namespaces, so the catalogues
// name a class without it ("CasePanel"), while tr() passes the class's full
// name ("dojava::desk::CasePanel").
constexpr char kNamespacePrefix[] = "dojava::desk::";

QByteArray CatalogueContext(const char* context) {
  QByteArray c(context == nullptr ? "" : context);
  if (c.startsWith(kNamespacePrefix)) c.remove(0, sizeof(kNamespacePrefix) - 1);
  return c;
}

// The text QCoreApplication::translate shows for a translation (or, empty,
// the source text): %n replaced by n.
QString Shown(QString text, int n) {
  if (n >= 0) text.replace(QStringLiteral("%n"), QString::number(n));
  return text;
}

// The first of LC_ALL, LC_MESSAGES and LANG that is set, as glibc reads them.
QString MessagesLocale() {
  for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const QString value = qEnvironmentVariable(v);
    if (!value.isEmpty()) return value;
  }
  return {};
}

}  // namespace

QStringList SystemUiLanguages() {
  QStringList out;
  const QString messages = MessagesLocale();
  const bool c_locale = messages.isEmpty() || messages == QLatin1String("C") ||
                        messages.startsWith(QLatin1String("C.")) ||
                        messages == QLatin1String("POSIX");
  // As glibc does: under the C locale LANGUAGE is ignored and the messages
  // are English (Qt would still read LANGUAGE).
  if (c_locale) return out;
  out << qEnvironmentVariable("LANGUAGE").split(QLatin1Char(':'), Qt::SkipEmptyParts);
  out << messages;
  return out + QLocale::system().uiLanguages();
}

const QList<Language>& Languages() {
  static const QList<Language> kLanguages = {
      {QStringLiteral("en"), QStringLiteral("English")},
      {QStringLiteral("sq"), QStringLiteral("Shqip")},
      {QStringLiteral("sr_Latn"), QStringLiteral("Srpski (latinica)")},
      {QStringLiteral("sr_Cyrl"), QStringLiteral("Српски (ћирилица)")},
      {QStringLiteral("bs"), QStringLiteral("Bosanski")},
      {QStringLiteral("cnr"), QStringLiteral("Crnogorski")},
      {QStringLiteral("mk"), QStringLiteral("Македонски")},
  };
  return kLanguages;
}

QString PickLanguage(const QStringList& ui_languages) {
  for (const QString& name : ui_languages) {
    const QString lower = name.toLower();
    if (lower == QLatin1String("cnr") || lower.startsWith(QLatin1String("cnr-")) ||
        lower.startsWith(QLatin1String("cnr_"))) {
      return QStringLiteral("cnr");
    }
    if (lower.isEmpty() || lower == QLatin1String("c") || lower.startsWith(QLatin1String("c.")))
      continue;
    // "sr_RS.UTF-8@latin": QLocale reads neither the codeset nor the modifier.
    const QLocale locale(name.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('.'), 0, 0));
    switch (locale.language()) {
      case QLocale::English:
        return QStringLiteral("en");
      case QLocale::Albanian:
        return QStringLiteral("sq");
      case QLocale::Bosnian:
        return QStringLiteral("bs");
      case QLocale::Macedonian:
        return QStringLiteral("mk");
      case QLocale::Serbian: {
        // "sr@latin" (glibc's modifier) and "sr-Latn…" are Latin; plain "sr"
        // and "sr-RS" are Cyrillic, sr-ME Latin (QLocale follows CLDR).
        const bool latin = lower.contains(QLatin1String("latin")) ||
                           lower.contains(QLatin1String("latn")) ||
                           locale.script() == QLocale::LatinScript;
        return latin ? QStringLiteral("sr_Latn") : QStringLiteral("sr_Cyrl");
      }
      default:
        break;
    }
  }
  return QStringLiteral("en");
}

LanguageSwitch::LanguageSwitch(QObject* parent) : QTranslator(parent) {}

LanguageSwitch* LanguageSwitch::Instance() {
  static LanguageSwitch* instance = [] {
    InitDeskTranslations();
    auto* s = new LanguageSwitch(qApp);
    QCoreApplication::installTranslator(s);
    return s;
  }();
  return instance;
}

QString LanguageSwitch::StartLanguage(const DeskSettings& settings) {
  const QString saved = settings.language();
  for (const Language& l : Languages()) {
    if (l.code == saved) return saved;
  }
  return PickLanguage(SystemUiLanguages());
}

QString LanguageSwitch::translate(const char* context, const char* source_text,
                                  const char* disambiguation, int n) const {
  if (source_text == nullptr || *source_text == '\0') return {};
  QMutexLocker lock(&mutex_);
  const QString t = catalogue_.isEmpty()
                        ? QString()
                        : catalogue_.translate(CatalogueContext(context).constData(), source_text,
                                               disambiguation, n);
  const QString shown = Shown(t.isEmpty() ? QString::fromUtf8(source_text) : t, n);
  if (!shown_.contains(shown)) {
    shown_.insert(shown,
                  Message{QByteArray(context == nullptr ? "" : context), QByteArray(source_text),
                          QByteArray(disambiguation == nullptr ? "" : disambiguation), n});
  }
  return t;
}

QString LanguageSwitch::Translate(const Message& m) {
  return QCoreApplication::translate(
      m.context.constData(), m.source.constData(),
      m.disambiguation.isEmpty() ? nullptr : m.disambiguation.constData(), m.n);
}

QList<LanguageSwitch::Template> LanguageSwitch::Templates() const {
  static const QRegularExpression kArg(QStringLiteral("%([1-9])"));
  QList<Template> out;
  QMutexLocker lock(&mutex_);
  if (templates_from_ == shown_.size()) return templates_;
  for (auto it = shown_.constBegin(); it != shown_.constEnd(); ++it) {
    const QString& text = it.key();
    if (!text.contains(kArg)) continue;
    Template t;
    t.message = it.value();
    QString pattern;
    int letters = 0;
    qsizetype at = 0;
    auto args = kArg.globalMatch(text);
    while (args.hasNext()) {
      const QRegularExpressionMatch a = args.next();
      const QString literal = text.mid(at, a.capturedStart() - at);
      for (QChar c : literal) letters += c.isLetter() ? 1 : 0;
      at = a.capturedEnd();
      t.args << a.captured(1).toInt();
      // An argument at the end takes the rest of the text.
      pattern += QRegularExpression::escape(literal) +
                 (at == text.size() ? QStringLiteral("(.+)") : QStringLiteral("(.+?)"));
    }
    const QString tail = text.mid(at);
    for (QChar c : tail) letters += c.isLetter() ? 1 : 0;
    if (letters < kMinTemplateLetters) continue;  // "⚠ %1" would match any text
    t.pattern = QRegularExpression(pattern + QRegularExpression::escape(tail),
                                   QRegularExpression::DotMatchesEverythingOption);
    out << t;
  }
  templates_ = out;
  templates_from_ = shown_.size();
  return out;
}

QString LanguageSwitch::Exactly(const QString& shown) const {
  QMutexLocker lock(&mutex_);
  const auto it = shown_.constFind(shown);
  if (it == shown_.constEnd()) return shown;
  const Message m = *it;
  lock.unlock();
  return Translate(m);
}

QString LanguageSwitch::Again(const QString& shown, const QList<Template>& templates) const {
  if (const QString t = Exactly(shown); t != shown) return t;
  static const QRegularExpression kArg(QStringLiteral("%([1-9])"));
  QString out = shown;
  for (const Template& t : templates) {
    const QRegularExpressionMatch m = t.pattern.match(out);
    if (!m.hasMatch()) continue;
    const QString fresh = Translate(t.message);
    QString filled;
    qsizetype at = 0;
    auto args = kArg.globalMatch(fresh);
    while (args.hasNext()) {
      const QRegularExpressionMatch a = args.next();
      const int group = static_cast<int>(t.args.indexOf(a.captured(1).toInt())) + 1;
      // An argument that is itself a catalogue text ("Status set to %1" with
      // a status) changes language too.
      filled += fresh.mid(at, a.capturedStart() - at) +
                (group > 0 ? Exactly(m.captured(group)) : a.captured(0));
      at = a.capturedEnd();
    }
    filled += fresh.mid(at);
    out.replace(m.capturedStart(), m.capturedLength(), filled);
  }
  // Sentences joined into one text ("Onboarding file read. The server
  // address … are filled in"): long catalogue texts found inside it.
  QList<QString> sentences;
  {
    QMutexLocker lock(&mutex_);
    for (auto it = shown_.constBegin(); it != shown_.constEnd(); ++it) {
      if (it.key().size() >= kMinSentenceChars && it.key() != out && out.contains(it.key()))
        sentences << it.key();
    }
  }
  for (const QString& s : sentences) out.replace(s, Exactly(s));
  return out;
}

bool LanguageSwitch::Use(const QString& code) {
  bool known = false;
  for (const Language& l : Languages()) known = known || l.code == code;
  if (!known) return false;
  {
    QMutexLocker lock(&mutex_);
    if (code == QLatin1String("en")) {
      (void)catalogue_.load(QString());  // unloads
    } else if (!catalogue_.load(QStringLiteral(":/i18n/dojava-desk_") + code +
                                QStringLiteral(".qm"))) {
      return false;
    }
  }
  code_ = code;
  RetranslateOpenWindows();
  // What installing a translator does: QApplication passes the event on to
  // every window and widget, for pages that redraw their own texts.
  QEvent change(QEvent::LanguageChange);
  QCoreApplication::sendEvent(qApp, &change);
  emit languageChanged(code_);
  return true;
}

void LanguageSwitch::RetranslateOpenWindows() const {
  const QList<Template> templates = Templates();
  auto Again = [&](const QString& shown) { return this->Again(shown, templates); };
  auto again = [&](QObject* o, const char* property) {
    const QVariant v = o->property(property);
    if (v.typeId() != QMetaType::QString || v.toString().isEmpty()) return;
    const QString t = Again(v.toString());
    if (t != v.toString()) o->setProperty(property, t);
  };
  for (QWidget* w : QApplication::allWidgets()) {
    for (const char* p : {"windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName",
                          "accessibleDescription", "placeholderText", "title"}) {
      again(w, p);
    }
    // A label's or button's text is the page's; a line edit's or text
    // edit's text is what the reviewer typed, never touched.
    if (qobject_cast<QLabel*>(w) != nullptr || qobject_cast<QAbstractButton*>(w) != nullptr)
      again(w, "text");
    if (auto* combo = qobject_cast<QComboBox*>(w); combo != nullptr && !combo->isEditable()) {
      for (int i = 0; i < combo->count(); ++i) combo->setItemText(i, Again(combo->itemText(i)));
    }
    if (auto* tabs = qobject_cast<QTabBar*>(w)) {
      for (int i = 0; i < tabs->count(); ++i) tabs->setTabText(i, Again(tabs->tabText(i)));
    }
    if (auto* table = qobject_cast<QTableWidget*>(w)) {
      for (int c = 0; c < table->columnCount(); ++c) {
        if (QTableWidgetItem* h = table->horizontalHeaderItem(c)) h->setText(Again(h->text()));
      }
    } else if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
      QAbstractItemModel* source = view->model();
      while (auto* proxy = qobject_cast<QAbstractProxyModel*>(source))
        source = proxy->sourceModel();
      if (auto* model = qobject_cast<QStandardItemModel*>(source)) {
        for (int c = 0; c < model->columnCount(); ++c) {
          const QString h = model->headerData(c, Qt::Horizontal).toString();
          if (!h.isEmpty()) model->setHeaderData(c, Qt::Horizontal, Again(h));
        }
      }
    }
    for (QAction* a : w->actions()) {
      for (const char* p : {"text", "toolTip", "statusTip", "whatsThis"}) again(a, p);
    }
  }
}

void AddLanguageMenu(QMainWindow* window, DeskSettings* settings) {
  LanguageSwitch* s = LanguageSwitch::Instance();
  QMenu* menu = window->menuBar()->addMenu(QObject::tr("&Language"));
  menu->setObjectName(QStringLiteral("languageMenu"));
  auto* group = new QActionGroup(menu);
  auto add = [&](const QString& code, const QString& name) {
    QAction* a = menu->addAction(name);
    a->setObjectName(QStringLiteral("language_") +
                     (code.isEmpty() ? QStringLiteral("system") : code));
    a->setCheckable(true);
    a->setActionGroup(group);
    a->setChecked(settings->language() == code);
    QObject::connect(a, &QAction::triggered, window, [s, settings, code] {
      settings->SetLanguage(code);
      s->Use(code.isEmpty() ? LanguageSwitch::StartLanguage(*settings) : code);
    });
  };
  add(QString(), QObject::tr("Follow the system"));
  menu->addSeparator();
  for (const Language& l : Languages()) add(l.code, l.native_name);
}

}  // namespace dojava::desk
