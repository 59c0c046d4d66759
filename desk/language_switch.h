// Dojava Desk's languages: en (the source texts) and the Qt Linguist
// catalogues desk/i18n/dojava-desk_<code>.ts, built into the binary as
// :/i18n/dojava-desk_<code>.qm. The language follows the system locale at
// start (PickLanguage) unless the reviewer chose one in the Language menu,
// and switches while the app runs without a restart (LanguageSwitch::Use).
//
// How a switch reaches the open windows without every page keeping a pointer
// to every label: the switch is itself the application's only QTranslator,
// so every tr() call passes through translate(), which remembers which
// catalogue message produced which text. On a switch, every widget text,
// action, combo box item and header that still shows such a text is looked
// up again in the new catalogue; a text built with arg() ("Server: %1") is
// found by its catalogue text's pattern and rebuilt with the same arguments.
// Pages whose texts come from data (the open case, the list, the dashboard)
// redraw them on QEvent::LanguageChange, which reaches every widget after a
// switch; so they keep data (a Status, a protocol value), never a sentence
// made in the language of the moment. The record holds catalogue texts only, never what a reviewer
// typed or a case holds; a line edit's or text edit's content is never touched.
//
// Montenegrin (cnr) has no locale data in Qt 6.4 or CLDR: a ui language that
// starts with "cnr" (LANGUAGE=cnr, LANG=cnr_ME.UTF-8) selects it, and so does
// the menu; sr-ME stays Serbian (Latin script, as CLDR writes sr-ME).
#ifndef DOJAVA_DESK_LANGUAGE_SWITCH_H_
#define DOJAVA_DESK_LANGUAGE_SWITCH_H_

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace dojava::desk {

class DeskSettings;

struct Language {
  QString code;         // "en", "sq", "sr_Latn", "sr_Cyrl", "bs", "cnr", "mk"
  QString native_name;  // in its own language and script
};

// Every language of the app, English first.
const QList<Language>& Languages();

// The first of `ui_languages` (BCP 47 or POSIX names, most preferred first,
// as QLocale::uiLanguages() gives them) that the app speaks; "en" if none.
QString PickLanguage(const QStringList& ui_languages);

// The system's languages, most preferred first: LANGUAGE and the POSIX
// message locale as glibc reads them (Qt 6.4's QLocale::system() turns
// sr_RS.UTF-8@latin into sr-Cyrl-RS and does not know cnr_ME), then
// QLocale::system().uiLanguages(); none under the C locale (English).
QStringList SystemUiLanguages();

class LanguageSwitch : public QTranslator {
  Q_OBJECT
 public:
  // The application's switch, created and installed on first use (after
  // QApplication exists; owned by it).
  static LanguageSwitch* Instance();

  // Loads `code`'s catalogue (one of Languages()), retranslates every open
  // window and sends QEvent::LanguageChange to every widget. False (and the
  // language unchanged) for an unknown code or a catalogue that does not load.
  bool Use(const QString& code);
  const QString& code() const { return code_; }

  // The language a start uses: the one saved in `settings`, else the
  // system's (PickLanguage(SystemUiLanguages())).
  static QString StartLanguage(const DeskSettings& settings);

  bool isEmpty() const override { return false; }
  QString translate(const char* context, const char* source_text, const char* disambiguation,
                    int n) const override;

 signals:
  void languageChanged(QString code);

 private:
  struct Message {
    QByteArray context;
    QByteArray source;
    QByteArray disambiguation;
    int n = -1;
  };
  // A text built with arg() from a catalogue text: the pattern that finds
  // it in a shown text, and which capture holds %1, %2, ….
  struct Template {
    QRegularExpression pattern;
    QList<int> args;
    Message message;
  };
  // Fewer letters than this outside the arguments: not a template (so
  // "⚠ %1" does not match every text).
  static constexpr int kMinTemplateLetters = 4;
  // A catalogue text this long is looked for inside longer texts too.
  static constexpr qsizetype kMinSentenceChars = 24;

  explicit LanguageSwitch(QObject* parent);
  static QString Translate(const Message& m);
  // A recorded catalogue text in the current language; any other as it is.
  QString Exactly(const QString& shown) const;
  // Every template recorded so far (rebuilt when the record grew).
  QList<Template> Templates() const;
  // `shown` in the current language: a catalogue text looked up again, a
  // text built from a template rebuilt with the same arguments, any other
  // text as it is.
  QString Again(const QString& shown, const QList<Template>& templates) const;
  void RetranslateOpenWindows() const;

  mutable QMutex mutex_;   // tr() runs on the worker thread too
  QTranslator catalogue_;  // empty for English; guarded by mutex_
  QString code_ = QStringLiteral("en");
  mutable QHash<QString, Message> shown_;  // text shown -> its message; guarded by mutex_
  mutable QList<Template> templates_;      // from shown_ when it had templates_from_ entries
  mutable qsizetype templates_from_ = -1;  // guarded by mutex_
};

// Adds the "Language" menu to `window`'s menu bar: "Follow the system" and
// every language by its own name; a choice switches at once and is kept in
// `settings` (desk.ini [ui] language; empty: follow the system).
void AddLanguageMenu(QMainWindow* window, DeskSettings* settings);

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_LANGUAGE_SWITCH_H_
