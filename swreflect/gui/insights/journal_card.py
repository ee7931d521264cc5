"""The vault owner's own journal on the Insights page: check-in trends, writing rhythm and
templates, with a gentle note (never an alarm) when stress has stayed high for a while."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QWidget

from swreflect.core.insights_wellbeing import WellbeingInsight
from swreflect.gui.hfw_layout import HfwColumn
from swreflect.gui.insights.pair_card import readable
from swreflect.gui.insights.wellbeing_chart import WellbeingChart
from swreflect.gui.ui import content_label, label


class JournalCard(QFrame):
    def __init__(
        self, insight: WellbeingInsight, support: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.insight = insight
        self.setProperty("role", "card")
        self.setAccessibleName("Your journal and wellbeing")
        layout = HfwColumn(self)  # see hfw_layout
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        self.rhythm = readable(content_label(insight.rhythm_wording), "How often you reflected")
        layout.addWidget(self.rhythm)
        self.stress = readable(content_label(insight.stress_note or ""), "A note about stress")
        self.stress.setProperty("role", "calm")
        self.stress.setVisible(insight.stress_note is not None)
        layout.addWidget(self.stress)
        # The organisation's own support details, beside the note (Settings, "Your organisation").
        self.support = readable(content_label(support), "Support if you need it")
        self.support.setProperty("role", "calm")
        self.support.setVisible(insight.stress_note is not None and bool(support))
        layout.addWidget(self.support)
        layout.addWidget(label("Check-ins, week by week", "subsection"))
        self.chart = WellbeingChart()
        self.chart.set_weeks(insight.weeks)
        self.chart.setVisible(insight.has_checkins)
        layout.addWidget(self.chart)
        self.trend = readable(content_label(insight.trend_wording), "Your check-ins in words")
        layout.addWidget(self.trend)
        layout.addWidget(label("Templates", "subsection"))
        self.templates = readable(content_label(insight.templates_wording), "Templates you used")
        layout.addWidget(self.templates)
