#include "desk/dashboard_counts.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace dojava::desk {
namespace {

QDate DayDate(qint64 day) { return QDate(1970, 1, 1).addDays(day); }

QStringList Values(const CaseRow& r, CountBy by) {
  const QDate arrived = DayDate(r.created_day);
  switch (by) {
    case CountBy::kDay:
      return {arrived.toString(Qt::ISODate)};
    case CountBy::kWeek:
      return {arrived.addDays(1 - arrived.dayOfWeek()).toString(Qt::ISODate)};
    case CountBy::kMonth:
      return {arrived.toString(QStringLiteral("yyyy-MM"))};
    case CountBy::kStatus:
      return {r.status};
    case CountBy::kLabel:
      return r.labels.isEmpty() ? QStringList{QString()} : r.labels;
    case CountBy::kCountry:
      return {r.country};
    case CountBy::kKind:
      return {r.kind};
  }
  return {};
}

QString CsvField(QString v) {
  static const QString kFormulaStart = QStringLiteral("=+-@\t\r");
  if (!v.isEmpty() && kFormulaStart.contains(v[0])) v.prepend(QLatin1Char('\''));
  if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
      v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    v = QLatin1Char('"') + v + QLatin1Char('"');
  }
  return v;
}

}  // namespace

QString DimensionName(CountBy by) {
  switch (by) {
    case CountBy::kDay:
      return QStringLiteral("day");
    case CountBy::kWeek:
      return QStringLiteral("week");
    case CountBy::kMonth:
      return QStringLiteral("month");
    case CountBy::kStatus:
      return QStringLiteral("status");
    case CountBy::kLabel:
      return QStringLiteral("label");
    case CountBy::kCountry:
      return QStringLiteral("country");
    case CountBy::kKind:
      return QStringLiteral("kind");
  }
  return {};
}

Counts CountCases(const QList<CaseRow>& rows, CountBy by) {
  QMap<QString, int> m;
  for (const CaseRow& r : rows) {
    for (const QString& v : Values(r, by)) ++m[v.isEmpty() ? QStringLiteral("(none)") : v];
  }
  Counts out;
  for (auto it = m.cbegin(); it != m.cend(); ++it) out.push_back({it.key(), it.value()});
  return out;
}

QByteArray CountsCsv(const Counts& counts, CountBy by) {
  QString csv = DimensionName(by) + QStringLiteral(",cases\r\n");
  for (const auto& [value, n] : counts) {
    csv += CsvField(value) + QLatin1Char(',') + QString::number(n) + QStringLiteral("\r\n");
  }
  return csv.toUtf8();
}

QByteArray CountsJson(const Counts& counts, CountBy by) {
  QJsonArray list;
  for (const auto& [value, n] : counts) {
    list.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("cases"), n}});
  }
  const QJsonObject o{{QStringLiteral("dimension"), DimensionName(by)},
                      {QStringLiteral("counts"), list}};
  return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

}  // namespace dojava::desk
