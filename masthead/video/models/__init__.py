from .captions import VideoCaption
from .encoding import VideoEncoding
from .kinds import EncodingStatus, SeriesKind, VideoKind
from .pages import SeriesPage, VideoPage, attach_encodings

__all__ = [
    "EncodingStatus",
    "SeriesKind",
    "SeriesPage",
    "VideoCaption",
    "VideoEncoding",
    "VideoKind",
    "VideoPage",
    "attach_encodings",
]
