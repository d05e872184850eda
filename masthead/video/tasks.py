from django_tasks import task

from .processing import prepare_upload


@task()
def prepare_video(source_name: str) -> None:
    """Transcode an uploaded video, take its poster frame and read its duration."""
    prepare_upload(source_name)
