// What the reviewer reads for the report form's protocol values (§11.1:
// field names, country codes, kinds of incident, who is responsible) and
// for the case statuses: the page's words, in the app's language. Display
// only: sorting, filtering, searching and exports keep the protocol values.
#ifndef DOJAVA_DESK_REPORT_TERMS_H_
#define DOJAVA_DESK_REPORT_TERMS_H_

#include <QString>

namespace dojava::desk {

// The statuses a case can be given, in the order the app offers them.
inline constexpr const char* kCaseStatuses[] = {"new",      "triage",    "investigating",
                                                "verified", "published", "closed"};

// The label of a status ("investigating" -> its translation); an unknown
// status as it is.
QString StatusLabel(const QString& status);
// The label of a report form field ("country" -> "Country"); an unknown
// field as it is.
QString FieldLabel(const QString& field);
// The label of a form field's value: a country's name, a kind of incident,
// who is responsible; any other value (and an unknown one) as it is.
QString ValueLabel(const QString& field, const QString& value);

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_REPORT_TERMS_H_
