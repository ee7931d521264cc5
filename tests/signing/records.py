"""Records shaped like the supervision service's ``record_content``, built directly for tests."""

from __future__ import annotations

from typing import Any

RECORD_ID = "5b0c2f1e-8a51-4d7e-9f3b-2d0c6a7e4f11"


def make_record(version: int = 1, summary: str = "We talked about workload.") -> dict[str, Any]:
    return {
        "record_id": RECORD_ID,
        "version": version,
        "kind": "supervision-record",
        "agreement": {"frequency": "monthly", "usual_minutes": 90},
        "parties": {
            "supervisor": {"name": "Sam Okafor", "role": "supervisor"},
            "supervisee": {"name": "Priya Shah", "role": "supervisee"},
        },
        "session": {"date": "2026-03-02", "duration_minutes": 85},
        "stages": [
            {
                "key": "check-in",
                "title": "Arriving",
                "notes": [{"prompt": "How are you arriving today?", "text": "Tired but steady."}],
            }
        ],
        "functions_minutes": {"management": 20, "development": 25, "support": 30, "mediation": 10},
        "actions": [
            {
                "description": "Book the training day",
                "owner": "supervisee",
                "due": "2026-03-20",
                "status": "open",
            }
        ],
        "ratings": None,
        "case_file_decisions": ["Family A: review the plan at the next core group."],
        "summary": summary,
    }
