"""Slow clients cannot hold the portal (issue 10): the production gunicorn settings use threaded workers."""

import socket
import urllib.request

from bench.server import PortalServer

SLOW_CLIENTS = 8


def test_families_are_still_served_while_slow_clients_hold_connections_open():
    with PortalServer(
        workers=2, extra_env={"DJANGO_RATELIMIT": "false"}, gunicorn_args=("-c", "python:omsportal.gunicorn")
    ) as server:
        slow = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(SLOW_CLIENTS)]
        try:
            for connection in slow:
                connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the rest
            for _ in range(20):
                request = urllib.request.Request(server.url + "/topics/symptoms/", headers={"Host": "127.0.0.1"})
                # With 2 sync workers this never answers: both workers wait on slow clients.
                with urllib.request.urlopen(request, timeout=15) as response:
                    assert response.status == 200
        finally:
            for connection in slow:
                connection.close()
