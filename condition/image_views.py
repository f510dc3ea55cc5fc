"""Pictures served from file storage (condition.images): the same files on every app server.

A file is public while a live row uses it (a section of a live page, the live
clinic logo); a draft's new picture is shown to signed-in staff only. Names
never change, so a public file is cached for a year.
"""

import mimetypes

from django.contrib import admin
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from condition import images
from condition.models import ClinicProfile, Page, Section, SectionImage

YEAR = 60 * 60 * 24 * 365


def is_public(folder):
    """Used by a section families can read now (a live page, and not a care box taken down) or the live logo."""
    shown = Section.objects.shown().filter(page__status=Page.Status.PUBLISHED)
    in_live_page = SectionImage.objects.filter(image__startswith=folder, section__in=shown)
    return in_live_page.exists() or ClinicProfile.objects.live().filter(logo__startswith=folder).exists()


@require_safe
def picture(request, name):
    folder = images.folder_of(name)
    if folder is None:
        raise Http404("No such picture")
    public = is_public(folder)
    # Drafts: staff signed in to the admin as it asks (a one-time code for reviewers) and allowed to see pages.
    staff = admin.site.has_permission(request) and request.user.has_perm("condition.view_page")
    if not public and not staff:
        raise Http404("No such picture")
    try:
        stored = default_storage.open(name)
    except (FileNotFoundError, OSError) as missing:
        raise Http404("No such picture") from missing
    response = FileResponse(stored, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if public else "private, no-store"
    return response
