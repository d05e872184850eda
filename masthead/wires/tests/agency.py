"""A real HTTP server on 127.0.0.1 playing an agency, for the fetch tests."""

import contextlib
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from masthead.wires.parsers import MAX_DOCUMENT_BYTES

FEED = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


class Agency(BaseHTTPRequestHandler):
    """Answers by path; remembers the headers of the requests it got."""

    seen: list = []
    document = b""  # what /document serves, with its hash as the ETag

    def log_message(self, *args):
        pass

    def do_GET(self):
        type(self).seen.append(dict(self.headers))
        route = getattr(self, "route_" + self.path.strip("/").replace("-", "_"), None)
        if route is None:
            self.send_error(404)
        else:
            route()

    def _send(self, body: bytes, status=200, **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_feed(self):
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self._send(FEED, ETag='"v1"', Last_Modified="Tue, 01 Apr 2025 10:00:00 GMT")

    def route_document(self):
        etag = f'"{hashlib.sha256(self.document).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self._send(self.document, ETag=etag)

    def route_broken(self):
        self.send_error(503)

    def route_error(self):
        self.send_error(500)

    def route_huge(self):
        self._send(b"x" * (MAX_DOCUMENT_BYTES + 1))

    def route_huge_no_length(self):
        # No Content-Length: the body runs until the connection closes.
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(MAX_DOCUMENT_BYTES // len(chunk) + 2):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def route_huge_chunked(self):
        self.protocol_version = "HTTP/1.1"
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(MAX_DOCUMENT_BYTES // len(chunk) + 2):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def route_slow(self):
        time.sleep(1.5)
        self._send(FEED)

    def route_to_evil(self):
        self._send(b"", status=302, Location="http://evil.example/feed")

    def route_to_feed(self):
        self._send(b"", status=301, Location="/feed")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hanging up on a refused body is the point


@contextlib.contextmanager
def serving():
    """The agency's base address while the block runs."""
    Agency.seen = []
    Agency.document = b""
    server = QuietServer(("127.0.0.1", 0), Agency)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
