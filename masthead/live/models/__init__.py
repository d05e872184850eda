from .blog import LiveBlogEntry, LiveBlogPage, LiveBlogStatus
from .channel import ChannelProgramme, LiveChannelPage

__all__ = [
    "ChannelProgramme",
    "LiveBlogEntry",
    "LiveBlogPage",
    "LiveBlogStatus",
    "LiveChannelPage",
]
