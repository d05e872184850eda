from .embargo import Embargo
from .review import DeskReviewTask, LegalReferral, LegalReviewTask

__all__ = ["DeskReviewTask", "Embargo", "LegalReferral", "LegalReviewTask"]
