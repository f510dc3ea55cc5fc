"""Pictures in sections and the clinic's logo: upload rules, copies, markup, drafts, handouts."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from condition import drafts, images
from condition.models import ClinicProfile, Page, Section, SectionImage
from tests.factories import PageFactory

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def picture_bytes(fmt="PNG", size=(1200, 800), color=(10, 80, 160), exif=None):
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.putpixel((0, 0), (255, 255, 255))  # not one flat colour: the top-left corner marks orientation
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def upload(data=None, name="picture.png", content_type="image/png"):
    return SimpleUploadedFile(name, picture_bytes() if data is None else data, content_type=content_type)


@pytest.fixture
def section(db):
    page = PageFactory(slug="treatment", title="Treatment")
    return Section.objects.create(page=page, heading="The aim", anchor="aim", body="Calm the immune system.")


def add_image(section, data=None, name="picture.png", alt="A timeline of care", caption="", order=0):
    image = SectionImage(section=section, image=upload(data, name), alt=alt, caption=caption, order=order)
    image.full_clean()
    image.save()
    return image


def refusal(section, data, name):
    image = SectionImage(section=section, image=upload(data, name), alt="Words")
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    return " ".join(refused.value.message_dict["image"])


# --- upload rules ----------------------------------------------------------------------

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (SVG, "drawing.svg"),
        (SVG, "drawing.png"),
        (picture_bytes("GIF", (40, 40)), "moving.gif"),
        (picture_bytes("BMP", (40, 40)), "old.bmp"),
        (b"this is a text file, not a picture", "photo.jpg"),
        (picture_bytes("PNG")[:200], "cut-short.jpg"),  # a PNG that is not whole, renamed .jpg
        (b"%PDF-1.4 not a picture", "leaflet.png"),
    ],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused_with_a_clear_message(section, data, name):
    message = refusal(section, data, name)
    assert "JPEG, PNG or WebP" in message
    assert not default_storage.exists(images.FOLDER) or not SectionImage.objects.exists()


def test_a_png_named_jpg_is_judged_by_its_content_and_kept_as_a_png(section):
    image = add_image(section, picture_bytes("PNG"), name="holiday.jpg")
    assert image.image.name.endswith("/full.png")
    with default_storage.open(image.image.name) as stored:
        assert Image.open(stored).format == "PNG"


def test_a_file_over_the_size_limit_is_refused(section, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    message = refusal(section, picture_bytes("PNG", (600, 600), color=None) + b"\0" * 2000, "big.png")
    assert "limit" in message and "MB" in message


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(section):
    # 50 megapixels of one colour: a small file that would take 150 MB to decode (a decompression bomb).
    data = picture_bytes("PNG", (10_000, 5_000))
    assert len(data) < images.MAX_BYTES
    message = refusal(section, data, "bomb.png")
    assert "40 megapixels" in message


def test_a_huge_bomb_past_pillows_own_limit_gets_the_same_clear_message(section, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # Pillow refuses past twice this
    message = refusal(section, picture_bytes("PNG", (100, 100)), "bomb.png")
    assert "too many pixels" in message


def test_location_and_camera_details_are_removed_and_the_photo_is_turned_upright(section):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[ORIENTATION] = 6  # taken sideways: turn 90 degrees
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    data = picture_bytes("JPEG", (1200, 800), exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the upload does carry a location

    image = add_image(section, data, name="photo.jpg")

    assert (image.width, image.height) == (800, 1200)  # upright
    names = [image.image.name] + [r[key] for r in image.renditions for key in ("webp", "fallback")]
    for name in names:
        with default_storage.open(name) as stored:
            content = stored.read()
        opened = Image.open(io.BytesIO(content))
        assert not opened.getexif(), name
        assert "exif" not in opened.info and "xmp" not in opened.info, name
        assert b"PhoneMaker" not in content


def test_resized_copies_are_made_once_in_webp_and_the_original_format(section):
    image = add_image(section, picture_bytes("JPEG", (2000, 1000)), name="wide.jpg")
    assert [(r["w"], r["h"]) for r in image.renditions] == [(480, 240), (960, 480), (1440, 720)]
    for rendition in image.renditions:
        with default_storage.open(rendition["webp"]) as stored:
            assert Image.open(stored).format == "WEBP"
        with default_storage.open(rendition["fallback"]) as stored:
            copy = Image.open(stored)
            assert (copy.format, copy.width) == ("JPEG", rendition["w"])


def test_a_small_picture_is_never_made_larger(section):
    image = add_image(section, picture_bytes("PNG", (300, 200)))
    assert [(r["w"], r["h"]) for r in image.renditions] == [(300, 200)]


@pytest.mark.parametrize(
    ("alt", "says"),
    [
        ("", "This field cannot be blank"),
        ("<b>Timeline</b>", "plain words"),
        ("IMG_1234.jpg", "not its file name"),
        ("x" * 251, "at most 250"),
    ],
)
def test_alt_text_is_required_plain_and_short(section, alt, says):
    image = SectionImage(section=section, image=upload(), alt=alt)
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert says in " ".join(refused.value.message_dict["alt"])


# --- what families see ------------------------------------------------------------------


def test_the_topic_page_shows_the_picture_with_srcset_webp_size_lazy_loading_alt_and_caption(client, section):
    image = add_image(section, picture_bytes("JPEG", (2000, 1000)), name="wide.jpg", caption="Tests come first.")
    html = client.get(section.page.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="picture">.*?</figure>', html, re.S).group(0)
    webp = [images.url(r["webp"]) for r in image.renditions]
    assert f'<source type="image/webp" srcset="{webp[0]} 480w, {webp[1]} 960w, {webp[2]} 1440w"' in figure
    assert 'sizes="(min-width: 46rem) 42rem, 100vw"' in figure
    assert f'src="{images.url(image.renditions[1]["fallback"])}"' in figure
    assert 'width="2000" height="1000"' in figure
    assert 'alt="A timeline of care"' in figure
    assert 'loading="lazy"' in figure and 'decoding="async"' in figure
    assert "<figcaption>Tests come first.</figcaption>" in figure


def test_every_copy_named_in_the_page_is_served_with_its_type_and_cached_for_a_year(client, section):
    image = add_image(section, picture_bytes("JPEG", (1000, 500)), name="wide.jpg")
    html = client.get(section.page.get_absolute_url()).content.decode()
    urls = set(re.findall(r"(/media/images/[0-9a-f]{32}/[\w.]+)", html))
    assert len(urls) == 2 * len(image.renditions)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] in {"image/webp", "image/jpeg"}
        assert "immutable" in response["Cache-Control"]
        Image.open(io.BytesIO(b"".join(response.streaming_content))).verify()


def test_only_picture_files_are_served(client, db):
    assert client.get("/media/handouts/oms/1-2026-01-01-a4-abc.pdf").status_code == 404
    assert client.get("/media/images/../../etc/passwd").status_code == 404
    assert client.get(f"/media/images/{'a' * 32}/w480.webp").status_code == 404


def test_the_topic_page_costs_the_same_queries_with_one_picture_or_many(client, section, settings):
    url = section.page.get_absolute_url()

    def queries():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_image(section)
    with_one = queries()
    other = Section.objects.create(page=section.page, heading="More", anchor="more", body="More words.", order=5)
    for order in range(4):
        add_image(other, order=order)
    assert queries() == with_one


def test_the_handout_prints_the_pictures_read_from_storage(client, section):
    from pypdf import PdfReader

    def pictures_in_pdf():
        response = client.get(reverse("condition:page_handout_pdf", args=[section.page.slug]))
        pages = PdfReader(io.BytesIO(response.content)).pages  # pages may share one resource list
        return len({picture.data for page in pages for picture in page.images})

    without = pictures_in_pdf()
    image = add_image(section, picture_bytes("PNG", (900, 600)), caption="Printed too.")
    handout = client.get(reverse("condition:page_handout", args=[section.page.slug])).content.decode()
    assert f'src="{images.url(image.renditions[-1]["fallback"])}"' in handout
    assert 'alt="A timeline of care"' in handout and "Printed too." in handout

    assert pictures_in_pdf() == without + 1


def test_the_handout_fetcher_refuses_files_outside_the_pictures(db):
    from condition.handouts import _static_fetcher

    with pytest.raises(ValueError):
        _static_fetcher("http://testserver/media/handouts/oms/x.pdf")
    assert images.url(f"images/{'a' * 32}/w480.png").startswith(images.MEDIA_PATH_PREFIX)


# --- drafts and review --------------------------------------------------------------------


def test_a_picture_added_to_a_draft_reaches_families_only_when_approved_and_keeps_its_id(
    client, section, editor, reviewer
):
    page = section.page
    draft = drafts.start_draft(page, editor)
    draft_section = draft.sections.get()
    image = add_image(draft_section, caption="A new picture.")
    file_url = images.url(image.renditions[0]["webp"])

    assert "A new picture." not in client.get(page.get_absolute_url()).content.decode()
    assert client.get(file_url).status_code == 404  # not live: not served to families

    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    live_image = SectionImage.objects.get(section__page=page)
    assert "A new picture." in client.get(page.get_absolute_url()).content.decode()
    assert client.get(file_url).status_code == 200

    # A second draft shares the file; changing its caption and approving keeps the live row's id and file.
    second = drafts.start_draft(Page.objects.get(pk=page.pk), editor)
    copy = SectionImage.objects.get(section__page=second)
    assert copy.image.name == live_image.image.name and copy.origin_id == live_image.pk
    copy.caption = "Changed words."
    copy.save()
    drafts.submit(second, editor)
    drafts.approve(second, reviewer)
    after = SectionImage.objects.get(section__page=page)
    assert (after.pk, after.caption, after.image.name) == (live_image.pk, "Changed words.", live_image.image.name)
    assert default_storage.exists(after.image.name)


def test_deleting_a_draft_keeps_the_files_its_live_page_uses(client, section, editor):
    image = add_image(section)
    draft = drafts.start_draft(section.page, editor)
    draft.delete()
    assert default_storage.exists(image.image.name)
    assert client.get(images.url(image.renditions[0]["webp"])).status_code == 200


def test_staff_see_a_drafts_picture_but_it_is_never_cached_as_public(admin_client, section, editor):
    draft = drafts.start_draft(section.page, editor)
    image = add_image(draft.sections.get())
    response = admin_client.get(images.url(image.renditions[0]["webp"]))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


def test_an_approved_version_keeps_its_pictures_by_name(section, editor, reviewer):
    draft = drafts.start_draft(section.page, editor)
    add_image(draft.sections.get())
    drafts.submit(draft, editor)
    live = drafts.approve(draft, reviewer)
    data = drafts.Revision.of(live).first().data
    [stored] = data["sections"][0]["images"]
    assert stored["image"].startswith("images/") and stored["alt"] == "A timeline of care"


# --- the admin ------------------------------------------------------------------------------


def test_staff_add_a_picture_on_the_sections_page_of_a_draft_and_a_bad_file_is_a_form_error(
    admin_client, section, editor
):
    from tests.admin_forms import inline_rows

    draft = drafts.start_draft(section.page, editor)
    draft_section = draft.sections.get()
    url = reverse("admin:condition_section_change", args=[draft_section.pk])
    form = {
        "page": draft.pk,
        "heading": draft_section.heading,
        "anchor": draft_section.anchor,
        "body": draft_section.body,
        "order": 0,
    }
    bad = {**form, **inline_rows("images", [{"alt": "Words", "caption": "", "order": 0}], initial=0)}
    bad["images-0-image"] = upload(SVG, "drawing.svg", "image/svg+xml")
    response = admin_client.post(url, bad)
    assert response.status_code == 200
    assert "JPEG, PNG or WebP" in response.content.decode()
    assert not SectionImage.objects.exists()

    good = {**form, **inline_rows("images", [{"alt": "A timeline", "caption": "", "order": 0}], initial=0)}
    good["images-0-image"] = upload()
    response = admin_client.post(url, good)
    assert response.status_code == 302, (
        response.context["errors"],
        response.context["inline_admin_formsets"][0].formset.errors,
    )
    assert draft_section.images.get().renditions


def test_the_page_form_links_each_section_to_its_own_page_for_pictures(admin_client, section, editor):
    draft = drafts.start_draft(section.page, editor)
    html = admin_client.get(reverse("admin:condition_page_change", args=[draft.pk])).content.decode()
    assert reverse("admin:condition_section_change", args=[draft.sections.get().pk]) in html


# --- the clinic's identity -------------------------------------------------------------------


def live_clinic(**fields):
    clinic = ClinicProfile(name="Riverside Children's Hospital", status=ClinicProfile.Status.PUBLISHED, **fields)
    clinic.full_clean()
    clinic.save()
    return clinic


def test_the_header_shows_the_logo_named_for_the_clinic_and_its_short_name(client, section):
    clinic = live_clinic(short_name="Riverside Neurology", logo=upload(picture_bytes("PNG", (400, 200))))
    html = client.get(section.page.get_absolute_url()).content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    logo = clinic.logo_picture
    assert f'<img class="site-logo" src="{logo.src}"' in header
    assert 'alt="Riverside Children&#x27;s Hospital"' in header
    assert "Riverside Neurology" in header and "OMS family guide" not in header
    assert client.get(logo.src).status_code == 200

    handout = client.get(reverse("condition:page_handout", args=[section.page.slug])).content.decode()
    assert f'<img class="clinic-logo" src="{logo.src}"' in handout and "Riverside Neurology" in handout


def test_without_a_logo_or_short_name_the_header_is_as_before(client, section):
    live_clinic()
    html = client.get(section.page.get_absolute_url()).content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    assert "OMS family guide" in header and "<img" not in header


def test_a_logo_follows_the_same_upload_rules(db):
    clinic = ClinicProfile(name="Clinic", logo=upload(SVG, "logo.svg", "image/svg+xml"))
    with pytest.raises(ValidationError) as refused:
        clinic.full_clean()
    assert "JPEG, PNG or WebP" in " ".join(refused.value.message_dict["logo"])


# --- the default content and backups ---------------------------------------------------------


def test_the_default_content_ships_a_visual_aid_through_the_upload_rules(client, oms_content):
    image = SectionImage.objects.select_related("section__page").get(section__page__translation_of=None)
    assert image.section.page.slug == "treatment" and image.section.page.is_live
    assert image.alt.startswith("Four parts of care for OMS") and image.width == 720
    assert [r["w"] for r in image.renditions] == [480, 720]
    html = client.get(image.section.page.get_absolute_url()).content.decode()
    assert f'alt="{image.alt}"' in html


def test_picture_files_live_in_the_media_folder_that_backups_copy(section, settings):
    from pathlib import Path

    from condition import backups

    image = add_image(section)
    assert backups._media_root() == Path(settings.MEDIA_ROOT)
    for name in [image.image.name, image.renditions[0]["webp"], image.renditions[0]["fallback"]]:
        assert (Path(settings.MEDIA_ROOT) / name).is_file()


def test_a_cut_short_file_is_refused_even_after_weasyprint_let_pillow_load_them(section):
    import weasyprint.images  # noqa: F401 (sets ImageFile.LOAD_TRUNCATED_IMAGES for its own use)
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        assert "JPEG, PNG or WebP" in refusal(section, picture_bytes("PNG")[:200], "cut-short.png")
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False


def test_staff_upload_a_logo_to_a_draft_of_the_clinic_profile(admin_client, editor):
    live = live_clinic()
    draft = drafts.start_draft(live, editor)
    url = reverse("admin:condition_clinicprofile_change", args=[draft.pk])
    assert 'enctype="multipart/form-data"' in admin_client.get(url).content.decode()
    form = {"name": draft.name, "phone": "", "after_hours_phone": "", "emergency_phone": "", "address": ""}
    response = admin_client.post(url, {**form, "short_name": "Riverside", "logo": upload()})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.logo.name.startswith("images/") and draft.logo_renditions
    live.refresh_from_db()
    assert not live.logo  # live only once a reviewer approves


def test_odd_picture_names_are_not_found_never_an_error(client, db):
    for name in (f"{'a' * 32}/full.png%00", f"{'.' * 32}/full.png", f"{'A' * 32}/full.png", f"{'a' * 32}/x.png"):
        assert client.get(f"/media/images/{name}").status_code == 404, name


def test_a_picture_in_a_care_box_taken_down_is_no_longer_public(client, section, reviewer):
    from tests.factories import CareSectionFactory

    box = CareSectionFactory(page=section.page, care_advice__key="wrong-advice")
    image = add_image(box)
    url = images.url(image.renditions[0]["webp"])
    assert client.get(url).status_code == 200
    drafts.take_down(box.care_advice, reviewer, "The advice is wrong.")
    assert client.get(url).status_code == 404


def test_a_drafts_picture_needs_a_staff_login_the_admin_accepts_with_the_right_to_see_pages(client, section, editor):
    from django.contrib.auth.models import User

    draft = drafts.start_draft(section.page, editor)
    url = images.url(add_image(draft.sections.get()).renditions[0]["webp"])
    client.force_login(User.objects.create_user("nobody", is_staff=True))  # staff, but no permissions
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200


# --- the review screen ------------------------------------------------------------------------


def test_the_review_screen_shows_a_new_picture_itself_with_its_alt_text_not_its_file_names(
    admin_client, section, editor
):
    draft = drafts.start_draft(section.page, editor)
    add_image(draft.sections.get(), alt='A timeline: "tests first" & then surgery')
    html = admin_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    picture = draft.sections.get().images.get()
    smallest = picture.renditions[0]["fallback"]
    thumbnail = re.search(r'<figure class="review-picture"><img src="([^"]+)" alt="([^"]*)"', html)
    assert thumbnail, "no thumbnail of the picture"
    assert thumbnail.group(1) == images.url(smallest)
    assert thumbnail.group(2) == "A timeline: &quot;tests first&quot; &amp; then surgery"  # staff's words escaped
    assert "1200 × 800 pixels" in html
    assert "full.png" not in html and "Renditions" not in html and "fallback" not in html
    assert ">Width<" not in html and ">Height<" not in html
    assert admin_client.get(images.url(smallest)).status_code == 200  # staff see the draft's picture


def test_the_review_screen_shows_a_replaced_picture_old_and_new(admin_client, section, editor):
    add_image(section, alt="The old drawing")
    draft = drafts.start_draft(section.page, editor)
    picture = draft.sections.get().images.get()
    picture.image = upload(picture_bytes("PNG", (600, 300)), "new.png")
    picture.save()
    html = admin_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert html.count('<figure class="review-picture">') == 2
    assert "1200 × 800 pixels" in html and "600 × 300 pixels" in html
    assert "Renditions" not in html


# --- the section's picture rows in the admin ------------------------------------------------


def section_form(draft_section, rows, initial=0):
    from tests.admin_forms import inline_rows

    return {
        "page": draft_section.page_id,
        "heading": draft_section.heading,
        "anchor": draft_section.anchor,
        "body": draft_section.body,
        "order": 0,
        **inline_rows("images", rows, initial=initial),
    }


def test_a_drafts_section_has_an_empty_picture_row_ready_and_left_empty_it_saves_nothing(admin_client, section, editor):
    draft = drafts.start_draft(section.page, editor)
    draft_section = draft.sections.get()
    url = reverse("admin:condition_section_change", args=[draft_section.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="images-TOTAL_FORMS" value="1"' in html and 'id="id_images-0-image"' in html
    response = admin_client.post(url, section_form(draft_section, [{"alt": "", "caption": "", "order": 0}]))
    assert response.status_code == 302
    assert not SectionImage.objects.exists()
    live_html = admin_client.get(reverse("admin:condition_section_change", args=[section.pk])).content.decode()
    assert 'id="id_images-0-image"' not in live_html  # a live page's section: no row to add


def test_a_missing_alt_text_is_shown_beside_its_field_linked_from_the_top_and_the_file_is_asked_again(
    admin_client, section, editor
):
    draft = drafts.start_draft(section.page, editor)
    draft_section = draft.sections.get()
    url = reverse("admin:condition_section_change", args=[draft_section.pk])
    data = section_form(draft_section, [{"alt": "", "caption": "", "order": 0}])
    data["images-0-image"] = upload(name='timeline "v2" & <b>.png')
    html = admin_client.post(url, data).content.decode()
    assert not SectionImage.objects.exists()
    summary = html[html.index('<ul class="error-summary"') :].split("</ul>")[0]
    assert '<a href="#id_images-0-alt">Picture 1 › Alt text: This field is required.</a>' in summary
    row = html[html.index('<div class="form-row') : html.index('id="id_images-0-caption"')]
    alt_row = row[row.index('id="id_images-0-alt_error"') :]
    assert alt_row.index("This field is required.") < alt_row.index('id="id_images-0-alt"')  # beside the field
    again = re.search(r'<p class="picture-again" role="alert">([^<]*)</p>', html)
    assert again, "the staff member is not asked to choose the file again"
    assert "Choose the picture again: “timeline &quot;v2&quot; &amp; &lt;b&gt;.png” was not kept" in again.group(1)
    # Beside the file field it asks for, in the same picture row.
    assert html.index('id="id_images-0-image"') < again.start() < html.index('id="id_images-0-alt"')


def test_the_picture_field_shows_the_stored_picture_not_its_file_name_and_cannot_be_cleared(
    admin_client, section, editor
):
    draft = drafts.start_draft(section.page, editor)
    picture = add_image(draft.sections.get(), alt='Tests "first"')
    url = reverse("admin:condition_section_change", args=[picture.section_id])
    html = admin_client.get(url).content.decode()
    stored = re.search(r'<img class="picture-stored" src="([^"]+)" alt="([^"]*)" width="480" height="320">', html)
    assert stored and stored.group(1) == images.url(picture.renditions[0]["fallback"])
    assert stored.group(2) == "Tests &quot;first&quot;"
    assert f'href="{images.url(picture.image.name)}">open the stored picture</a>' in html
    assert f">{picture.image.name}<" not in html  # the folder and file name are not what staff read
    assert 'name="images-0-image-clear"' not in html
    assert "js/admin-picture-preview" in html and "data-picture-preview=" in html
