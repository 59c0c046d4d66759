#include "desk/report_terms.h"

#include <QCoreApplication>

namespace dojava::desk {
namespace {

struct Term {
  const char* value;
  const char* label;
};

// The English words are the page's (static/www/i18n/en.json); the
// catalogues give each language the page's own words for them.
constexpr Term kStatusTerms[] = {
    {"new", QT_TRANSLATE_NOOP("ReportTerms", "new")},
    {"triage", QT_TRANSLATE_NOOP("ReportTerms", "triage")},
    {"investigating", QT_TRANSLATE_NOOP("ReportTerms", "investigating")},
    {"verified", QT_TRANSLATE_NOOP("ReportTerms", "verified")},
    {"published", QT_TRANSLATE_NOOP("ReportTerms", "published")},
    {"closed", QT_TRANSLATE_NOOP("ReportTerms", "closed")},
};
constexpr Term kFieldTerms[] = {
    {"title", QT_TRANSLATE_NOOP("ReportTerms", "Title")},
    {"country", QT_TRANSLATE_NOOP("ReportTerms", "Country")},
    {"incident", QT_TRANSLATE_NOOP("ReportTerms", "What kind of incident")},
    {"kind", QT_TRANSLATE_NOOP("ReportTerms", "What kind of incident")},
    {"when", QT_TRANSLATE_NOOP("ReportTerms", "When did it happen")},
    {"responsible", QT_TRANSLATE_NOOP("ReportTerms", "Who do you believe is responsible")},
};
constexpr Term kCountryTerms[] = {
    {"AL", QT_TRANSLATE_NOOP("ReportTerms", "Albania")},
    {"BA", QT_TRANSLATE_NOOP("ReportTerms", "Bosnia and Herzegovina")},
    {"XK", QT_TRANSLATE_NOOP("ReportTerms", "Kosovo")},
    {"ME", QT_TRANSLATE_NOOP("ReportTerms", "Montenegro")},
    {"MK", QT_TRANSLATE_NOOP("ReportTerms", "North Macedonia")},
    {"RS", QT_TRANSLATE_NOOP("ReportTerms", "Serbia")},
    {"other", QT_TRANSLATE_NOOP("ReportTerms", "Other country")},
};
constexpr Term kIncidentTerms[] = {
    {"spyware", QT_TRANSLATE_NOOP("ReportTerms", "Spyware on a phone or computer")},
    {"interception", QT_TRANSLATE_NOOP("ReportTerms", "Interception of calls or messages")},
    {"physical_surveillance",
     QT_TRANSLATE_NOOP("ReportTerms", "Physical surveillance (being followed or watched)")},
    {"data_request",
     QT_TRANSLATE_NOOP("ReportTerms", "Requests for data (to a company or provider)")},
    {"website_blocking", QT_TRANSLATE_NOOP("ReportTerms", "Website blocking")},
    {"content_takedown", QT_TRANSLATE_NOOP("ReportTerms", "Content taken down")},
    {"internet_shutdown", QT_TRANSLATE_NOOP("ReportTerms", "Internet shutdown")},
    {"slapp", QT_TRANSLATE_NOOP("ReportTerms", "SLAPP or legal threat")},
    {"intimidation", QT_TRANSLATE_NOOP("ReportTerms", "Intimidation")},
    {"disinformation", QT_TRANSLATE_NOOP("ReportTerms", "Disinformation campaign")},
    {"other", QT_TRANSLATE_NOOP("ReportTerms", "Other")},
};
constexpr Term kResponsibleTerms[] = {
    {"state", QT_TRANSLATE_NOOP("ReportTerms", "State (government, police, services)")},
    {"non_state", QT_TRANSLATE_NOOP("ReportTerms", "Non-state (a company, a group, a person)")},
    {"unknown", QT_TRANSLATE_NOOP("ReportTerms", "I do not know")},
};

template <size_t N>
QString Look(const Term (&terms)[N], const QString& value) {
  for (const Term& t : terms) {
    if (value == QLatin1String(t.value)) return QCoreApplication::translate("ReportTerms", t.label);
  }
  return value;
}

}  // namespace

QString StatusLabel(const QString& status) { return Look(kStatusTerms, status); }

QString FieldLabel(const QString& field) { return Look(kFieldTerms, field); }

QString ValueLabel(const QString& field, const QString& value) {
  if (field == QLatin1String("country")) return Look(kCountryTerms, value);
  if (field == QLatin1String("incident") || field == QLatin1String("kind"))
    return Look(kIncidentTerms, value);
  if (field == QLatin1String("responsible")) return Look(kResponsibleTerms, value);
  return value;
}

}  // namespace dojava::desk
