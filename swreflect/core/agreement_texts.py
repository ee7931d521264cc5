"""Starting wording for a new supervision agreement (agreement v2), in our own words.

Each paragraph is offered as a default the pair can edit before they agree it. The paragraph on
who can see the record (``DEFAULT_ACCESS``) stands on its own, separately from the
confidentiality paragraph in ``agreements``, so that either can be reworded without touching
the other.
"""

from __future__ import annotations

DEFAULT_PURPOSE = (
    "Supervision is protected time for four things: making sure the work is sound and "
    "accountable; learning and development; support with the emotional side of the work; and "
    "a link between the worker and the organisation, so that what we learn from practice "
    "reaches the people who can change things. We draw on Social Work England's professional "
    "standards and the relevant knowledge and skills statements."
)
DEFAULT_LOCATION = "A private room where we won't be overheard or interrupted."
DEFAULT_PREPARATION = (
    "Both of us come with the topics we want to bring. The supervisee may share excerpts from "
    "their own reflections if they choose; the supervisor reads back over the last record and "
    "any open actions."
)
DEFAULT_CANCELLATION = (
    "We only cancel when we have to, and whoever cancels offers a new date within a week. Each "
    "cancelled session is recorded with who cancelled it and, if they wish, why, so that a "
    "pattern can be noticed and put right."
)
DEFAULT_RECORD_PLACE = "The agreed record is kept on the supervisee's supervision file."
# Who can see the record: a separate, clearly named paragraph (see the module docstring).
DEFAULT_ACCESS = (
    "The agreed record can be read by the two of us and, where the organisation's policy allows, "
    "by the supervisor's manager and in audits or inspections. The supervisee can ask for a copy "
    "of anything recorded about them at any time."
)
DEFAULT_ESCALATION = (
    "If we can't settle a disagreement between us, either of us can take it to the supervisor's "
    "manager or to the principal social worker, and we tell each other that we are doing so."
)
DEFAULT_DIFFERENCE = (
    "We will talk openly about difference between us and in the work, including ethnicity, "
    "culture, faith, gender, age, class and disability, and about racism and other "
    "discrimination when it touches the work or either of us. Either of us can bring it up, "
    "and it will be taken seriously."
)
DEFAULT_ASSESSMENT = (
    "Where supervision sits alongside an assessment (such as the ASYE), we agree at the time "
    "what from supervision may be used as evidence. Reflective and learning notes are not used "
    "as evidence about capability or performance without a fresh conversation and agreement."
)
DEFAULT_PROTECTED_TIME = (
    "Protected development time of around 10% of working hours (about half a day a week)."
)
