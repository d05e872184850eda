"""Which addresses wire sources may be fetched from.

Only the hosts an operator listed in MASTHEAD_WIRE_HOSTS: a source's address is
typed by an administrator, and a server that fetches any address it is given can
be pointed at the newsroom's own internal services.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_SCHEMES = ("http", "https")


class DisallowedAddress(ValueError):
    """The address may not be fetched; str() says why, for editors and operators."""


def allowed_hosts() -> list[str]:
    return [host.strip().lower() for host in settings.MASTHEAD_WIRE_HOSTS if host]


def check_address(url: str) -> str:
    """The address's host name if it may be fetched; raises DisallowedAddress."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise DisallowedAddress(_("Not a valid address: %s") % error) from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise DisallowedAddress(
            _("Only http:// and https:// addresses can be fetched.")
        )
    host = (parts.hostname or "").lower()
    if not host:
        raise DisallowedAddress(_("The address has no host name."))
    if parts.username or parts.password:
        raise DisallowedAddress(_("Put no user name or password in the address."))
    allowed = allowed_hosts()
    # An entry is a host name, or a host name and port to allow that port only.
    if host in allowed or (port is not None and f"{host}:{port}" in allowed):
        return host
    if not allowed:
        raise DisallowedAddress(
            _(
                "Host %(host)s is not in MASTHEAD_WIRE_HOSTS, which is empty: "
                "an operator must list the agencies' hosts first."
            )
            % {"host": host}
        )
    raise DisallowedAddress(
        _("Host %(host)s is not in MASTHEAD_WIRE_HOSTS (allowed: %(allowed)s).")
        % {"host": host, "allowed": ", ".join(allowed)}
    )
