"""Per-client request budgets for what the public can post or query, kept in the
shared cache.

Clients are told apart by a keyed hash of their address: the raw address is never
stored, and each counter expires with its window.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

# Replaced in tests to step past a window without waiting.
clock = time.time


@dataclass(frozen=True)
class Budget:
    scope: str  # what is being limited: "search", "contact"…
    limit: int  # requests…
    window: int  # …per this many seconds

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        return max(1, self.window - int(clock()) % self.window)


def client_address(request) -> str:
    """The client's address; behind a proxy, the one the proxy last appended.

    `CLIENT_ADDRESS_HEADER` (e.g. "X-Forwarded-For") names the header a trusted
    proxy sets. Its right-most entry is the one that proxy saw; entries to its left
    come from the client and could be forged.
    """
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", "")
    if header:
        forwarded = request.headers.get(header, "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-1]
    return request.META.get("REMOTE_ADDR", "")


def _client_key(request, budget: Budget, window_number: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"rate:{budget.scope}:{window_number}:{digest}"


def allow(request, budget: Budget) -> bool:
    """Count this request; False once the client has spent its budget."""
    key = _client_key(request, budget, int(clock()) // budget.window)
    cache.add(key, 0, timeout=budget.window)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=budget.window)
        count = 1
    return count <= budget.limit
