// The dashboard for the monitoring reports organisations publish: a bar
// chart and a table of how many cases fall in each day, week or month of
// arrival, status, label, country or kind of incident, and an export of
// those counts (never a case's text) to CSV or JSON. Counts the case list
// already in memory: no network, nothing decrypted again.
#ifndef DOJAVA_DESK_DASHBOARD_PAGE_H_
#define DOJAVA_DESK_DASHBOARD_PAGE_H_

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QWidget>
#include <QtCharts/QChartView>

#include "desk/dashboard_counts.h"
#include "desk/desk_types.h"

namespace dojava::desk {

class DashboardPage : public QWidget {
  Q_OBJECT
 public:
  explicit DashboardPage(QWidget* parent = nullptr);
  void SetRows(const QList<CaseRow>& rows);
  void SetDimension(CountBy by);
  CountBy dimension() const;
  const Counts& counts() const { return counts_; }
  // The chart's bars, in order (for tests and screen readers).
  QList<int> BarValues() const;
  // Writes the counts shown to `path` (CSV, or JSON if `json`), 0600; false
  // with the reason shown if it cannot be written.
  bool Export(const QString& path, bool json);

 signals:
  void backRequested();

 protected:
  void showEvent(QShowEvent* event) override;
  // Redraws the chart and table in the new language.
  void changeEvent(QEvent* event) override;

 private:
  void Redraw();
  void AskExport(bool json);

  QList<CaseRow> rows_;
  bool stale_ = true;  // rows_ changed while hidden: redrawn when shown
  Counts counts_;
  QComboBox* by_;
  QChartView* chart_;
  QTableWidget* table_;
  QLabel* summary_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_DASHBOARD_PAGE_H_
