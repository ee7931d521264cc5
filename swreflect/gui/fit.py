"""Let a page give way on a small screen instead of widening the window.

Three habits made pages wider than a 1024-px laptop allows: combo boxes sized to their
longest entry (a long tag or template name), form rows that kept label and field side by side
however narrow, and long sentences in labels that never wrap. ``let_shrink`` changes those on
every widget of a page; it is idempotent, so it runs again whenever the page's widgets change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

COMBO_MIN_CHARS = 10
COMBO_WIDE_PX = 200  # narrower combos are left as they are
WRAP_FROM_CHARS = 40


def let_shrink(root: QWidget) -> None:
    policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    for combo in root.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() != policy and combo.sizeHint().width() > COMBO_WIDE_PX:
            combo.setSizeAdjustPolicy(policy)
            combo.setMinimumContentsLength(COMBO_MIN_CHARS)
    for label in root.findChildren(QLabel):
        long_text = len(label.text()) >= WRAP_FROM_CHARS
        if long_text and not label.wordWrap() and label.pixmap().isNull():
            label.setWordWrap(True)
    # Layouts are found as objects, never by walking layout items (see tab_order).
    for form in root.findChildren(QFormLayout):
        if form.rowWrapPolicy() != QFormLayout.RowWrapPolicy.WrapLongRows:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
