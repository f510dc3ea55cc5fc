"""A minimal browser-like client (cookies, CSRF, where a post came from) over one keep-alive connection,
and SlowClients: connections that hold a server by sending their requests a byte at a time."""

import http.client
import re
import socket
import threading
from urllib.parse import urlencode

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RADIO_RE = re.compile(r'name="(question_\d+)" value="(\d+)"')
HOST = "127.0.0.1"
# What a browser says when it posts a form of the page it shows (condition.origin).
SAME_ORIGIN = {"Origin": f"http://{HOST}", "Sec-Fetch-Site": "same-origin"}


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}{path}"
            headers.update(SAME_ORIGIN)
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content.decode("utf-8", "replace")

    def quiz_form(self, slug="oms-basics"):
        """Per question of the quiz page (cached whole, no CSRF token), its choice ids."""
        status, html = self.request("GET", f"/quiz/{slug}/")
        assert status == 200, status
        choices = {}
        for name, value in RADIO_RE.findall(html):
            choices.setdefault(name, []).append(value)
        return choices

    def feedback_token(self, slug="symptoms"):
        status, html = self.request("GET", f"/topics/{slug}/feedback/?helpful=yes")
        assert status == 200, status
        return TOKEN_RE.search(html).group(1)

    @staticmethod
    def encode(data):
        return urlencode(data, doseq=True)

    def close(self):
        self.conn.close()


class SlowClients:
    """Connections to 127.0.0.1:`port` that never finish their request, sending a byte every `every` seconds.

    `headers` of them trickle their headers (slowloris); `bodies` send whole headers for a POST to `post_path`
    and trickle its body. Used as a context manager: connected on entry, closed on exit.
    """

    def __init__(self, port, *, headers=40, bodies=40, post_path="/topics/symptoms/vote/", every=0.5):
        self.port, self.every = port, every
        self.kinds = {"headers": headers, "bodies": bodies}
        self.post_path = post_path
        self.connections = []
        self._stop = threading.Event()
        self._dripper = threading.Thread(target=self._drip, daemon=True)

    def __enter__(self):
        head = f"POST {self.post_path} HTTP/1.1\r\nHost: {HOST}\r\n"
        head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
        starts = [b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"] * self.kinds["headers"]
        starts += [head.encode() + b"helpful=yes&x="] * self.kinds["bodies"]
        for start in starts:
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            connection.sendall(start)
            self.connections.append(connection)
        self._dripper.start()
        return self

    def _drip(self):
        while not self._stop.wait(self.every):
            for index, connection in enumerate(self.connections):
                byte = b"X" if index < self.kinds["headers"] else b"a"  # a header name that never ends, or body
                try:
                    connection.send(byte)
                except OSError:
                    pass

    def still_open(self):
        """How many connections the server still holds open, waiting for the rest of their request."""
        held = 0
        for connection in self.connections:
            connection.settimeout(0)
            try:
                connection.recv(1)  # b"" (closed) or an early answer (a 408, a 400): not held
            except BlockingIOError:
                held += 1  # nothing to read and not closed: the server still waits for the rest
            except OSError:
                pass  # reset by the server
            finally:
                connection.settimeout(5)
        return held

    def __exit__(self, *exc):
        self._stop.set()
        self._dripper.join()
        for connection in self.connections:
            connection.close()
