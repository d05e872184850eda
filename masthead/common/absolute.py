from django.conf import settings


def absolute_url(path: str) -> str:
    """The public address of a site-relative path, from MASTHEAD_BASE_URL.

    Wagtail's own full URLs use the Site record's host name, which a local install
    leaves as "localhost:80"; canonical links, feeds and structured data must use the
    address readers actually reach.
    """
    if path.startswith(("http://", "https://")):
        return path
    return settings.MASTHEAD_BASE_URL + path
