// The dashboard's numbers: how many cases fall in each day, week or month
// of arrival, status, label, country or kind of incident, counted from the
// case list in memory. Only these counts are exported (CSV or JSON), never a
// case's id, title or text.
#ifndef DOJAVA_DESK_DASHBOARD_COUNTS_H_
#define DOJAVA_DESK_DASHBOARD_COUNTS_H_

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include "desk/desk_types.h"

namespace dojava::desk {

enum class CountBy { kDay, kWeek, kMonth, kStatus, kLabel, kCountry, kKind };

// The name of a dimension as exported ("day", "week", ...).
QString DimensionName(CountBy by);

// (value, number of cases) sorted by value; dates as YYYY-MM-DD (a week by
// its Monday), months as YYYY-MM. A case with several labels counts once per
// label; an empty value counts as "(none)".
using Counts = QList<QPair<QString, int>>;
Counts CountCases(const QList<CaseRow>& rows, CountBy by);

// "DIMENSION,cases" then one line per value (RFC 4180, CRLF). A value a
// spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe.
QByteArray CountsCsv(const Counts& counts, CountBy by);
// {"dimension": "...", "counts": [{"value": "...", "cases": N}, ...]}
QByteArray CountsJson(const Counts& counts, CountBy by);

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_DASHBOARD_COUNTS_H_
