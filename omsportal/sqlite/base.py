"""Django's SQLite backend, except that it never re-creates a database file that went away.

SQLite creates a missing file on connect. A portal whose database file was
deleted (or whose disk was swapped) would then answer from an empty database
behind a 200. Once this process has opened the file, a missing file is an
error instead: pages fail and /healthz says 503. `migrate` on a new machine
still creates the file, as it opens it for the first time.
"""

import os

from django.db.backends.sqlite3 import base

_opened = set()


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        path = str(conn_params["database"])
        if not self.is_in_memory_db() and path in _opened and not os.path.exists(path):
            raise base.Database.OperationalError(
                f"the database file {path} is missing; refusing to create an empty one"
            )
        connection = super().get_new_connection(conn_params)
        if not self.is_in_memory_db():
            _opened.add(path)
        return connection
