from django.db import models


class CachedResponse(models.Model):
    """A rendered page kept for anonymous readers, until purged or expired."""

    cache_key = models.CharField(max_length=64, unique=True)  # sha256 of host+URL
    url = models.TextField()
    status = models.PositiveSmallIntegerField()
    headers = models.JSONField()
    body = models.BinaryField()
    body_gzip = models.BinaryField()
    body_br = models.BinaryField()
    stored_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.url


class CachedResponseKey(models.Model):
    """One surrogate key of a cached response: what the response shows."""

    response = models.ForeignKey(
        CachedResponse, on_delete=models.CASCADE, related_name="keys"
    )
    key = models.CharField(max_length=120, db_index=True)

    def __str__(self) -> str:
        return self.key


class PurgedKey(models.Model):
    """When each key was last purged, so a render that started before a purge is
    not kept after it."""

    key = models.CharField(max_length=120, unique=True)
    purged_at = models.FloatField()

    def __str__(self) -> str:
        return self.key
