"""Sign-up detection: one forum reply in, a join/leave/none decision out.

Pure text processing with language knowledge in `lang/*.toml`; nothing here
talks to Discourse, Discord or the database.
"""

from bot.detection.decision import LOW_CONFIDENCE, Decision, GroupRef
from bot.detection.detector import Detector

__all__ = ["LOW_CONFIDENCE", "Decision", "Detector", "GroupRef"]
