from .roles import ensure_roles
from .workflows import ensure_review_workflows


def ensure_newsroom() -> dict:
    """The roles' groups and the review workflows; safe to run again."""
    groups = ensure_roles()
    ensure_review_workflows(groups)
    return groups
