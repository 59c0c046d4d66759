#include "desk/language_switch.h"

#include <QAbstractButton>
#include <QAbstractItemView>
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
#include <QStandardItemModel>
#include <QTabBar>
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

}  // namespace

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
    const QLocale locale(name);
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
  return PickLanguage(QLocale::system().uiLanguages());
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

QString LanguageSwitch::Again(const QString& shown) const {
  Message m;
  {
    QMutexLocker lock(&mutex_);
    const auto it = shown_.constFind(shown);
    if (it == shown_.constEnd()) return shown;
    m = *it;
  }
  return QCoreApplication::translate(
      m.context.constData(), m.source.constData(),
      m.disambiguation.isEmpty() ? nullptr : m.disambiguation.constData(), m.n);
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
  auto again = [this](QObject* o, const char* property) {
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
    if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
      if (auto* model = qobject_cast<QStandardItemModel*>(view->model())) {
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
