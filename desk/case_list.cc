#include "desk/case_list.h"

#include <QDate>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

#include "desk/report_terms.h"

namespace dojava::desk {
namespace {

QString DayText(qint64 day) { return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate); }

}  // namespace

void CaseFilterModel::SetStatus(const QString& status) {
  status_ = status;
  invalidateFilter();
}

void CaseFilterModel::SetSearch(const QString& text) {
  search_ = text.trimmed();
  invalidateFilter();
}

bool CaseFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const {
  const QModelIndex first = sourceModel()->index(row, 0, parent);
  if (!status_.isEmpty() &&
      sourceModel()->index(row, CaseList::kStatus, parent).data(CaseList::kSortRole).toString() !=
          status_) {
    return false;
  }
  if (search_.isEmpty()) return true;
  return first.data(CaseList::kSearchRole).toString().contains(search_, Qt::CaseInsensitive);
}

CaseList::CaseList(QWidget* parent) : QWidget(parent) {
  model_ = new QStandardItemModel(0, kCount, this);
  model_->setHorizontalHeaderLabels({tr("New"), tr("Title"), tr("Country"), tr("Kind"),
                                     tr("Status"), tr("Labels"), tr("Assignee"),
                                     tr("Last activity"), tr("Files")});
  proxy_ = new CaseFilterModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(kSortRole);
  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("search"));
  search_->setAccessibleName(tr("Search in the cases' text"));
  search_->setPlaceholderText(tr("Search in the decrypted text (Ctrl+F)"));
  search_->setClearButtonEnabled(true);
  status_ = new QComboBox(this);
  status_->setObjectName(QStringLiteral("statusFilter"));
  status_->setAccessibleName(tr("Show cases with status"));
  status_->addItem(tr("All statuses"), QString());
  for (const char* s : kCaseStatuses)
    status_->addItem(StatusLabel(QLatin1String(s)), QLatin1String(s));
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("cases"));
  table_->setAccessibleName(tr("Cases"));
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setTabKeyNavigation(false);  // arrows move between cases; Tab leaves the list
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->sortByColumn(kLast, Qt::DescendingOrder);
  connect(search_, &QLineEdit::textChanged, proxy_, &CaseFilterModel::SetSearch);
  connect(status_, &QComboBox::currentIndexChanged, this,
          [this](int i) { proxy_->SetStatus(status_->itemData(i).toString()); });
  auto choose = [this](const QModelIndex& i) {
    if (i.isValid()) emit caseChosen(i.siblingAtColumn(0).data(kIdRole).toString());
  };
  connect(table_, &QTableView::activated, this, choose);
  connect(table_, &QTableView::clicked, this, choose);
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  auto* search_label = new QLabel(tr("&Search:"), this);
  search_label->setBuddy(search_);
  auto* top = new QHBoxLayout;
  top->addWidget(search_label);
  top->addWidget(search_, 1);
  top->addWidget(status_);
  v->addLayout(top);
  v->addWidget(table_);
}

namespace {
constexpr int kColumnWidthSampleRows = 50;
}  // namespace

// The model is detached from the filter while it is filled (no sorting and
// filtering per row), and column widths are measured on the first rows only:
// 1,000 cases fill the list without stalling the window.
void CaseList::SetRows(const QList<CaseRow>& rows) {
  proxy_->setSourceModel(nullptr);
  model_->removeRows(0, model_->rowCount());
  for (const CaseRow& r : rows) {
    QList<QStandardItem*> items;
    auto add = [&](const QString& text, const QVariant& sort) {
      auto* it = new QStandardItem(text);
      it->setData(sort, kSortRole);
      it->setToolTip(text);
      items << it;
    };
    add(r.unread ? QStringLiteral("●") : QString(), r.unread ? 1 : 0);
    items.back()->setData(r.id, kIdRole);
    items.back()->setData(r.search_text, kSearchRole);
    items.back()->setData(r.unread ? tr("unread") : tr("read"), Qt::AccessibleTextRole);
    add(r.failures > 0 ? tr("⚠ %1").arg(r.title) : r.title, r.title.toLower());
    // The sort role keeps the protocol value: the status filter compares
    // it, and Relabel() shows it again in another language.
    add(ValueLabel(QStringLiteral("country"), r.country), r.country);
    add(ValueLabel(QStringLiteral("kind"), r.kind), r.kind);
    add(StatusLabel(r.status), r.status);
    add(r.labels.join(QStringLiteral(", ")), r.labels.join(QStringLiteral(", ")));
    add(r.assignee, r.assignee);
    add(DayText(r.last_day), r.last_day);
    add(QString::number(r.files), r.files);
    if (r.unread) {
      QFont f = items[kTitle]->font();
      f.setBold(true);
      items[kTitle]->setFont(f);
    }
    model_->appendRow(items);
  }
  proxy_->setSourceModel(model_);
  table_->horizontalHeader()->setResizeContentsPrecision(kColumnWidthSampleRows);
  table_->resizeColumnsToContents();
  table_->setColumnWidth(kTitle, qBound(160, table_->columnWidth(kTitle), 320));
}

void CaseList::UpdateRow(const CaseRow& r) {
  for (int i = 0; i < model_->rowCount(); ++i) {
    if (model_->item(i, kUnread)->data(kIdRole).toString() != r.id) continue;
    auto set = [&](int col, const QString& text, const QVariant& sort) {
      model_->item(i, col)->setText(text);
      model_->item(i, col)->setData(sort, kSortRole);
    };
    const QString labels = r.labels.join(QStringLiteral(", "));
    set(kStatus, StatusLabel(r.status), r.status);
    set(kLabels, labels, labels);
    set(kAssignee, r.assignee, r.assignee);
    set(kLast, DayText(r.last_day), r.last_day);
    model_->item(i, kUnread)->setData(r.search_text, kSearchRole);
  }
  for (int col : {kStatus, kLabels, kAssignee}) table_->resizeColumnToContents(col);
}

void CaseList::MarkRead(const QString& id) {
  for (int i = 0; i < model_->rowCount(); ++i) {
    QStandardItem* first = model_->item(i, kUnread);
    if (first->data(kIdRole).toString() != id) continue;
    first->setText({});
    first->setData(0, kSortRole);
    first->setData(tr("read"), Qt::AccessibleTextRole);
    QFont f = model_->item(i, kTitle)->font();
    f.setBold(false);
    model_->item(i, kTitle)->setFont(f);
  }
}

void CaseList::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Relabel();
  QWidget::changeEvent(event);
}

void CaseList::Relabel() {
  for (int i = 0; i < model_->rowCount(); ++i) {
    auto value = [&](int col) { return model_->item(i, col)->data(kSortRole).toString(); };
    model_->item(i, kCountry)->setText(ValueLabel(QStringLiteral("country"), value(kCountry)));
    model_->item(i, kKind)->setText(ValueLabel(QStringLiteral("kind"), value(kKind)));
    model_->item(i, kStatus)->setText(StatusLabel(value(kStatus)));
    const bool unread = model_->item(i, kUnread)->data(kSortRole).toInt() != 0;
    model_->item(i, kUnread)->setData(unread ? tr("unread") : tr("read"), Qt::AccessibleTextRole);
  }
}

void CaseList::Clear() {
  model_->removeRows(0, model_->rowCount());
  search_->clear();
}

}  // namespace dojava::desk
