"""Reading offline (issue 12): the service worker, served by the portal from the site root.

The worker's code is static/js/sw.js. This view serves it at /sw.js (a worker
controls only the addresses under its own), with a first line naming the
content version, the addresses to save on install and the ones never to save.
Every content change, and every deploy that changes the stylesheet or the
worker, changes those bytes, so browsers install the new worker: it saves
fresh copies of what the family had saved and deletes the old ones.

Cached as a public page (condition.cache): `public, no-cache` with an ETag, so
browsers revalidate it on every check and get a 304 while nothing changed.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from condition.cache import content_version

SOURCE = "js/sw.js"


@functools.cache
def _source():
    with open(finders.find(SOURCE), encoding="utf-8") as file:
        return file.read()


def worker_config(request):
    """What the worker needs from the server: names, addresses and the version of what it saves."""
    precache = [
        reverse("condition:home"),
        reverse("condition:help"),
        static("css/portal.css"),
        static("js/offline.js"),
        static("favicon.svg"),
    ]
    languages = [_language(code) for code, _name in settings.LANGUAGES]
    # The home and help pages in every other language are saved too (issue 13).
    precache += [url for language in languages for url in (language["home"], language["help"]) if url not in precache]
    # The stylesheet's address changes with its content in production (hashed names).
    words = json.dumps(languages, sort_keys=True)
    build = hashlib.blake2b("\n".join([_source(), *precache, words]).encode(), digest_size=6).hexdigest()
    return {
        "cache": f"oms-offline-{content_version(request)}-{build}",
        "precache": precache,
        # The prefix of every static file's address. static("") would name a file, and with hashed
        # names (production) there is no file called "": the worker was a 500 there.
        "static": settings.STATIC_URL,
        # Staff pages, the quiz (its form carries a CSRF token, its results are one family's),
        # in every language: the worker matches them after the language prefix.
        "never": [reverse("admin:index"), reverse("quizzes:index")],
        # Longest prefix first: the worker picks the words of the language of the page's address.
        "languages": sorted(languages, key=lambda language: -len(language["prefix"])),
    }


def _language(code):
    """The worker's words in one language, with the address prefix that language's pages start with."""
    with translation.override(code):
        home = reverse("condition:home")
        return {
            "lang": code,
            "prefix": home.rstrip("/"),
            "home": home,
            "help": reverse("condition:help"),
            "offline": gettext("You are offline."),
            "slow": gettext("The network is not answering."),
            "savedOn": gettext("This is the copy saved on {date}."),
            "title": gettext("You are offline"),
            "notSaved": gettext("You are offline, and this page was not saved on this phone."),
            # {help} and {home} become the links' opening tags; </a> closes them.
            "links": gettext(
                "{help}Get help now</a> and the {home}list of topics</a> are saved. Try again when you have a signal."
            ),
        }


def service_worker(request):
    config = json.dumps(worker_config(request), separators=(",", ":"))
    response = HttpResponse(f"self.OMS_OFFLINE = {config};\n{_source()}", content_type="text/javascript; charset=utf-8")
    # The worker's scope is the whole site (the default for a script at the root; said outright).
    response["Service-Worker-Allowed"] = "/"
    return response
