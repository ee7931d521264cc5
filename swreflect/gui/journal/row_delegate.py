"""Paints a list row as a title, a date and a two-line preview or highlighted snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from swreflect.gui.journal.list_model import HtmlRole, JournalListModel

PADDING = 8


def entry_list_view(
    accessible_name: str, model: JournalListModel, description: str = ""
) -> QListView:
    """A list of journal entries painted by ``RowDelegate`` (the journal list and the Trash)."""
    view = QListView()
    view.setAccessibleName(accessible_name)
    view.setAccessibleDescription(
        description or "Entries, newest first; choose one to open it. Arrow keys move."
    )
    view.setModel(model)
    view.setItemDelegate(RowDelegate(view))
    view.setUniformItemSizes(True)
    return view


class RowDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: Any) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HtmlRole) or ""))
        doc.setTextWidth(max(50, option.rect.width() - 2 * PADDING))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_role = QPalette.ColorRole.Text
        if option.state & QStyle.StateFlag.State_Selected:
            text_role = QPalette.ColorRole.HighlightedText
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text,
            option.palette.color(text_role),
        )
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PADDING, rect.top() + PADDING / 2)
        context.clip = QRectF(0, 0, rect.width() - 2 * PADDING, rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, int(line * 3.6) + PADDING)
