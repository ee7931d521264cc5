"""An optional wellbeing check-in: energy, stress and workload on gentle 1-5 scales."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
)

from swreflect.models.journal import Wellbeing

SCALES = (
    ("energy", "Energy", "1 is running on empty, 5 is full of energy"),
    ("stress", "Stress", "1 is calm, 5 is very stretched"),
    ("workload", "Workload", "1 is light, 5 is more than you can hold"),
)


class WellbeingBox(QGroupBox):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__("How are you?")
        self.setAccessibleName("Wellbeing check-in")
        self.enabled_box = QCheckBox("Add a check-in to this entry")
        self.enabled_box.setAccessibleName("Add a wellbeing check-in")
        self.enabled_box.setToolTip(
            "Rate your energy, stress and workload with this entry; only you see it."
        )
        self.sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, hint in SCALES:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(1, 5)
            slider.setValue(3)
            slider.setPageStep(1)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setAccessibleName(f"{label}, 1 to 5")
            slider.setAccessibleDescription(hint)
            slider.setToolTip(hint)
            value = QLabel("3")
            slider.valueChanged.connect(lambda v, lab=value: lab.setText(str(v)))
            slider.valueChanged.connect(self.changed)
            self.sliders[key] = slider
            self._values[key] = value
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            form.addRow(f"{label}:", row)
        outer = QVBoxLayout(self)
        outer.addWidget(self.enabled_box)
        outer.addLayout(form)
        self.enabled_box.toggled.connect(self._on_enabled_box_toggled)
        self.enabled_box.toggled.connect(self.changed)
        self._on_enabled_box_toggled(False)

    def _on_enabled_box_toggled(self, on: bool) -> None:
        for slider in self.sliders.values():
            slider.setEnabled(on)

    def value(self) -> Wellbeing:
        if not self.enabled_box.isChecked():
            return Wellbeing()
        return Wellbeing(**{k: s.value() for k, s in self.sliders.items()})

    def set_value(self, wellbeing: Wellbeing) -> None:
        blockers = [self.enabled_box.blockSignals(True)]
        self.enabled_box.setChecked(not wellbeing.is_empty())
        self.enabled_box.blockSignals(blockers[0])
        self._on_enabled_box_toggled(not wellbeing.is_empty())
        for key, slider in self.sliders.items():
            old = slider.blockSignals(True)
            value = getattr(wellbeing, key) or 3
            slider.setValue(value)
            self._values[key].setText(str(value))
            slider.blockSignals(old)
