"""Rows of the case page's tables that carry the id of what they show, and fitting them to their text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QTableWidget, QTableWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole


def titled(box: QGroupBox, title: str) -> None:
    """A panel's title, and its accessible name with it: a group box inside another is otherwise named
    by the outer one's title ("Children" for "Add a child")."""
    box.setTitle(title)
    box.setAccessibleName(title)


def set_row(table: QTableWidget, row: int, item_id: str, values: list[str]) -> None:
    for col, value in enumerate(values):
        item = QTableWidgetItem(value)
        item.setData(ID_ROLE, item_id)
        item.setToolTip(value)
        table.setItem(row, col, item)


def selected_id(table: QTableWidget) -> str | None:
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(ID_ROLE) if item is not None else None


def select_id(table: QTableWidget, item_id: str | None) -> None:
    if item_id is None:
        return
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(ID_ROLE) == item_id:
            table.selectRow(row)
            return


def fit_rows_now(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    table.updateGeometry()


def cap_columns(table: QTableWidget, whole: list[str]) -> None:
    """Long free text (a disability, say) is elided, with the full text in the tooltip; the
    texts in `whole` (template titles) always fit."""
    metrics = table.fontMetrics()
    widest = max([metrics.horizontalAdvance("x" * 28)] + [metrics.horizontalAdvance(t + "  ") for t in whole])
    table.horizontalHeader().setMaximumSectionSize(widest + 16)
