"""A minimal browser-like client (cookies + CSRF) over one keep-alive connection."""

import http.client
import re
from urllib.parse import urlencode

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RADIO_RE = re.compile(r'name="(question_\d+)" value="(\d+)"')


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.conn.port}{path}"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content.decode("utf-8", "replace")

    def quiz_form(self, slug="oms-basics"):
        """The quiz page's CSRF token and, per question, its choice ids."""
        status, html = self.request("GET", f"/quiz/{slug}/")
        assert status == 200, status
        choices = {}
        for name, value in RADIO_RE.findall(html):
            choices.setdefault(name, []).append(value)
        return TOKEN_RE.search(html).group(1), choices

    def feedback_token(self, slug="symptoms"):
        status, html = self.request("GET", f"/topics/{slug}/feedback/?helpful=yes")
        assert status == 200, status
        return TOKEN_RE.search(html).group(1)

    @staticmethod
    def encode(data):
        return urlencode(data, doseq=True)

    def close(self):
        self.conn.close()
