"""Response headers every public page carries."""

from django.conf import settings

# No inline script or style anywhere on the public site; the admin is excluded
# because Wagtail's editor relies on inline code.
PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        # blob: for the live channel's player (hls.js feeds the video element
        # through Media Source Extensions and parses segments in a worker).
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = ("/admin/", "/documents/", settings.STATIC_URL)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt_prefixes):
            response.headers.setdefault("Content-Security-Policy", PUBLIC_POLICY)
            response.headers.setdefault(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
            )
        return response
