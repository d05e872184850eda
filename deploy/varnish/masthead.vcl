# Varnish in front of Masthead: caches what the application marks shareable,
# purges by surrogate key (the xkey module from varnish-modules).
#
# The application sends, on every page, `xkey: page:12 listing:3 menu:en …` naming
# what the page shows, and on every editorial change a request
#   PURGE /   with   xkey-purge: page:12 listing:3
# to each URL in FRONT_CACHE_PURGE_URLS.
vcl 4.1;

import std;
import xkey;

# Replaced by the deployment (see docs/deployment.md): where `masthead serve` listens.
backend masthead {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the application servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "An xkey-purge header is required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, search results and the view beacon are never cached.
    if (req.url ~ "^/(admin|documents)/" ||
        req.url ~ "^/([a-z][a-z]/)?(search|discovery)/") {
        return (pass);
    }
    # Signed-in editors see the site as it is, uncached.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anything else a reader's browser sends as cookies does not change the page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the application marked shareable is kept.
    if (beresp.http.Set-Cookie ||
        beresp.http.Cache-Control !~ "public" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage sets the lifetime; keep expired copies to serve while refreshing
    # (stale-while-revalidate) or while the application is down (stale-if-error).
    set beresp.grace = 60s;
    set beresp.keep = 24h;
    return (deliver);
}

sub vcl_backend_error {
    # With the application unreachable, an expired copy is better than an error.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Keys are for caches, not readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
