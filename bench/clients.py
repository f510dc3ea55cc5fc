"""A minimal browser-like client (cookies, CSRF, where a post came from) over one keep-alive connection."""

import http.client
import re
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
