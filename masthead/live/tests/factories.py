from datetime import datetime

from masthead.live.models import ChannelProgramme, LiveBlogPage, LiveChannelPage


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


def live_blog(parent, **fields) -> LiveBlogPage:
    fields.setdefault("title", "Storm Delia: live updates")
    fields.setdefault("slug", "storm-delia-live")
    fields.setdefault("summary", "Floods and high winds along the coast.")
    return publish(parent.add_child(instance=LiveBlogPage(**fields)))


def live_channel(home, *, programmes=(), **fields) -> LiveChannelPage:
    fields.setdefault("title", "Live")
    fields.setdefault("slug", "live")
    fields.setdefault("stream_url", "/media/live/en/stream.m3u8")
    channel = home.add_child(instance=LiveChannelPage(**fields))
    channel.programmes = [
        ChannelProgramme(start_at=start, end_at=end, title=title, sort_order=n)
        for n, (start, end, title) in enumerate(programmes)
    ]
    return publish(channel)


def slot(start: datetime, end: datetime, title: str):
    return (start, end, title)
