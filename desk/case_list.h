// The case list: one row per case (unread mark, title, country, kind,
// status, labels, assignee, last activity, files), sortable by any column,
// filtered by status and by a search over the decrypted text, which exists
// in this process's memory only.
#ifndef DOJAVA_DESK_CASE_LIST_H_
#define DOJAVA_DESK_CASE_LIST_H_

#include <QComboBox>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QWidget>

#include "desk/desk_types.h"

namespace dojava::desk {

class CaseFilterModel : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void SetStatus(const QString& status);  // empty: all
  void SetSearch(const QString& text);

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  QString status_, search_;
};

class CaseList : public QWidget {
  Q_OBJECT
 public:
  enum Column {
    kUnread,
    kTitle,
    kCountry,
    kKind,
    kStatus,
    kLabels,
    kAssignee,
    kLast,
    kFiles,
    kCount
  };
  static constexpr int kIdRole = Qt::UserRole + 1;
  static constexpr int kSearchRole = Qt::UserRole + 2;
  static constexpr int kSortRole = Qt::UserRole + 3;

  explicit CaseList(QWidget* parent = nullptr);
  void SetRows(const QList<CaseRow>& rows);
  // Updates the row of `r.id` (status, labels, assignee, last activity, text).
  void UpdateRow(const CaseRow& r);
  // Marks case `id` read (after opening it).
  void MarkRead(const QString& id);
  void Clear();
  int visible_rows() const { return proxy_->rowCount(); }
  QTableView* table() { return table_; }

 signals:
  void caseChosen(QString id);

 protected:
  // Shows the statuses, countries and kinds in the new language.
  void changeEvent(QEvent* event) override;

 private:
  void Relabel();

  QStandardItemModel* model_;
  CaseFilterModel* proxy_;
  QTableView* table_;
  QLineEdit* search_;
  QComboBox* status_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_CASE_LIST_H_
