"""What the newsroom does with videos: ask for an upload to be prepared."""

from django.db import transaction

from .models import EncodingStatus, VideoEncoding
from .tasks import prepare_video


def request_preparation(source_name: str, *, again: bool = False) -> VideoEncoding:
    """Queue the preparation of an uploaded file once the transaction commits.

    A file already prepared is left alone; one that failed is tried again; with
    `again` (the editor's explicit retry) so is one a stopped worker left half done.
    """
    encoding, _ = VideoEncoding.objects.get_or_create(source=source_name)
    retry = {EncodingStatus.FAILED}
    if again:
        retry.add(EncodingStatus.PROCESSING)
    if encoding.status in retry:
        encoding.status = EncodingStatus.PENDING
        encoding.save(update_fields=["status", "updated_at"])
    if encoding.status == EncodingStatus.PENDING:
        transaction.on_commit(lambda: prepare_video.enqueue(source_name))
    return encoding
