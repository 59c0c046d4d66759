#include "desk/dashboard_page.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QValueAxis>

#include "desk/dialogs.h"
#include "desk/report_terms.h"

namespace dojava::desk {
namespace {

struct Dimension {
  CountBy by;
  const char* label;
};
const Dimension kDimensions[] = {
    {CountBy::kWeek, QT_TRANSLATE_NOOP("DashboardPage", "week of arrival")},
    {CountBy::kDay, QT_TRANSLATE_NOOP("DashboardPage", "day of arrival")},
    {CountBy::kMonth, QT_TRANSLATE_NOOP("DashboardPage", "month of arrival")},
    {CountBy::kStatus, QT_TRANSLATE_NOOP("DashboardPage", "status")},
    {CountBy::kLabel, QT_TRANSLATE_NOOP("DashboardPage", "label")},
    {CountBy::kCountry, QT_TRANSLATE_NOOP("DashboardPage", "country")},
    {CountBy::kKind, QT_TRANSLATE_NOOP("DashboardPage", "kind of incident")},
};

QPushButton* Button(QWidget* parent, const QString& text, const char* name) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(QLatin1String(name));
  return b;
}

// What the table and the chart show for a counted value, in the app's
// language; the counts and the exports keep the value itself.
QString Shown(CountBy by, const QString& value) {
  if (value == QLatin1String("(none)")) return DashboardPage::tr("(none)");
  switch (by) {
    case CountBy::kStatus:
      return StatusLabel(value);
    case CountBy::kCountry:
      return ValueLabel(QStringLiteral("country"), value);
    case CountBy::kKind:
      return ValueLabel(QStringLiteral("kind"), value);
    default:
      return value;
  }
}

}  // namespace

DashboardPage::DashboardPage(QWidget* parent) : QWidget(parent) {
  by_ = new QComboBox(this);
  by_->setObjectName(QStringLiteral("countBy"));
  by_->setAccessibleName(tr("Count cases by"));
  for (const Dimension& d : kDimensions) {
    by_->addItem(tr(d.label), static_cast<int>(d.by));
  }
  connect(by_, &QComboBox::currentIndexChanged, this, &DashboardPage::Redraw);
  chart_ = new QChartView(this);
  chart_->setObjectName(QStringLiteral("chart"));
  chart_->setAccessibleName(tr("Chart of the counts"));
  chart_->setRenderHint(QPainter::Antialiasing);
  chart_->setMinimumHeight(300);
  table_ = new QTableWidget(0, 2, this);
  table_->setObjectName(QStringLiteral("counts"));
  table_->setAccessibleName(tr("Counts (what an export contains)"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setTabKeyNavigation(false);  // Tab leaves the table; arrows move in it
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setMaximumWidth(360);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("dashboardSummary"));
  summary_->setWordWrap(true);
  auto* csv = Button(this, tr("Export &CSV…"), "exportCsv");
  auto* json = Button(this, tr("Export &JSON…"), "exportJson");
  auto* back = Button(this, tr("&Back to the cases"), "backToCases");
  connect(csv, &QPushButton::clicked, this, [this] { AskExport(false); });
  connect(json, &QPushButton::clicked, this, [this] { AskExport(true); });
  connect(back, &QPushButton::clicked, this, &DashboardPage::backRequested);
  auto* top = new QHBoxLayout;
  auto* by_label = new QLabel(tr("Count cases &by:"), this);
  by_label->setBuddy(by_);
  top->addWidget(by_label);
  top->addWidget(by_);
  top->addStretch();
  top->addWidget(csv);
  top->addWidget(json);
  top->addWidget(back);
  auto* middle = new QHBoxLayout;
  middle->addWidget(chart_, 1);
  middle->addWidget(table_);
  auto* v = new QVBoxLayout(ScrolledContent(this));
  v->addLayout(top);
  v->addWidget(summary_);
  v->addLayout(middle, 1);
  Redraw();
}

// Charts are drawn only while the page is visible: listing 1,000 cases does
// not also rebuild a chart nobody sees.
void DashboardPage::SetRows(const QList<CaseRow>& rows) {
  rows_ = rows;
  stale_ = true;
  if (isVisible()) Redraw();
}

void DashboardPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Redraw();
  QWidget::changeEvent(event);
}

void DashboardPage::showEvent(QShowEvent* event) {
  if (stale_) Redraw();
  QWidget::showEvent(event);
}

CountBy DashboardPage::dimension() const {
  return static_cast<CountBy>(by_->currentData().toInt());
}

void DashboardPage::SetDimension(CountBy by) {
  by_->setCurrentIndex(by_->findData(static_cast<int>(by)));
}

QList<int> DashboardPage::BarValues() const {
  QList<int> out;
  for (const auto& [value, n] : counts_) out << n;
  return out;
}

void DashboardPage::Redraw() {
  stale_ = false;
  counts_ = CountCases(rows_, dimension());
  table_->setRowCount(static_cast<int>(counts_.size()));
  table_->setHorizontalHeaderLabels({by_->currentText(), tr("cases")});
  auto* set = new QBarSet(tr("cases"));
  QStringList categories;
  int max = 0;
  for (int i = 0; i < counts_.size(); ++i) {
    const QString shown = Shown(dimension(), counts_[i].first);
    table_->setItem(i, 0, new QTableWidgetItem(shown));
    table_->setItem(i, 1, new QTableWidgetItem(QString::number(counts_[i].second)));
    *set << counts_[i].second;
    categories << shown;
    max = qMax(max, counts_[i].second);
  }
  auto* series = new QBarSeries;
  series->append(set);
  auto* chart = new QChart;
  chart->addSeries(series);
  chart->setTitle(tr("Cases by %1").arg(by_->currentText()));
  chart->legend()->hide();
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  auto* y = new QValueAxis;
  y->setRange(0, qMax(1, max));
  y->setLabelFormat(QStringLiteral("%d"));
  y->setTickCount(qMin(qMax(1, max), 10) + 1);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  QChart* old = chart_->chart();
  chart_->setChart(chart);
  delete old;
  summary_->setText(
      tr("%n case(s) in the list. Exports hold only these counts, never a case's "
         "text or id.",
         nullptr, static_cast<int>(rows_.size())));
}

void DashboardPage::AskExport(bool json) {
  const QString path = AskForPath(
      this, tr("Export the counts"), QFileDialog::AnyFile,
      QStringLiteral("dojava-cases-by-%1.%2")
          .arg(DimensionName(dimension()), json ? QStringLiteral("json") : QStringLiteral("csv")));
  if (!path.isEmpty()) Export(path, json);
}

bool DashboardPage::Export(const QString& path, bool json) {
  QSaveFile f(path);
  const QByteArray bytes =
      json ? CountsJson(counts_, dimension()) : CountsCsv(counts_, dimension());
  const bool ok = f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() &&
                  f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) && f.commit();
  summary_->setText(ok ? tr("Exported to %1.").arg(path)
                       : tr("Could not write %1: %2").arg(path, f.errorString()));
  return ok;
}

}  // namespace dojava::desk
