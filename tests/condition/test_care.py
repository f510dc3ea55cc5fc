"""Care advice: urgency levels, the clinic's numbers or a fallback, and one help page that answers when the database is down."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.urls import reverse

from condition.models import CareAdvice, ClinicProfile
from pagecache import cache as content_cache
from tests.factories import CareAdviceFactory, CareSectionFactory, PageFactory, SectionFactory, SourceFactory

pytestmark = pytest.mark.django_db

HELP = reverse("condition:help")


def clinic(**numbers):
    profile = ClinicProfile(status="published", name="Test Clinic", **numbers)
    profile.save()
    return profile


def box_html(html, key):
    start = html.index(f'<section id="{key}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    "urgency, how_fast",
    [
        (CareAdvice.Urgency.EMERGENCY, "Call the emergency number now."),
        (CareAdvice.Urgency.URGENT, "Call the clinic now, day or night."),
        (CareAdvice.Urgency.SOON, "Call the clinic the same day."),
    ],
)
def test_a_care_box_says_how_urgent_and_how_fast(client, urgency, how_fast):
    section = CareSectionFactory(care_advice__urgency=urgency, care_advice__key="box")
    html = box_html(client.get(section.page.get_absolute_url()).content.decode(), "box")
    assert f"care-{CareAdvice.Urgency(urgency).name.lower()}" in html
    assert how_fast in html
    assert "Look for" in html and "What to do" in html


def test_an_urgent_box_shows_the_clinics_daytime_and_after_hours_numbers_as_tap_to_call_links(client):
    clinic(phone="020 7946 0000", after_hours_phone="+44 20 7946 0999", emergency_phone="999")
    section = CareSectionFactory(care_advice__urgency=CareAdvice.Urgency.URGENT, care_advice__key="fever")
    html = box_html(client.get(section.page.get_absolute_url()).content.decode(), "fever")
    assert '<a class="call" href="tel:02079460000">Daytime: <span class="number">020 7946 0000</span></a>' in html
    assert 'href="tel:+442079460999">After hours: <span class="number">+44 20 7946 0999</span>' in html


def test_an_emergency_box_shows_the_local_emergency_number(client):
    clinic(phone="020 7946 0000", after_hours_phone="020 7946 0999", emergency_phone="999")
    section = CareSectionFactory(care_advice__urgency=CareAdvice.Urgency.EMERGENCY, care_advice__key="fit")
    html = box_html(client.get(section.page.get_absolute_url()).content.decode(), "fit")
    assert 'href="tel:999">Emergency: <span class="number">999</span>' in html
    assert "020 7946" not in html  # an emergency goes to the emergency number, not the clinic


@pytest.mark.parametrize("urgency", list(CareAdvice.Urgency))
def test_no_box_ever_shows_a_blank_while_numbers_are_missing(client, urgency):
    calls = calls_in_box(client, urgency)  # no numbers at all
    # The clinic's numbers are missing; only the country's emergency number is a link.
    assert set(re.findall(r'href="(tel:[^"]*)"', calls)) <= {"tel:911"}
    for item in re.findall(r"<li>(.*?)</li>", calls, flags=re.S):
        if 'class="call' in item:
            assert re.search(r'<span class="number">\d+</span>', item), f"blank number in {item!r}"
            continue
        label, _, rest = item.partition(":</strong>")
        assert rest.strip(), f"blank number in {item!r}"


def calls_in_box(client, urgency, **numbers):
    clinic(**numbers)
    section = CareSectionFactory(care_advice__urgency=urgency, care_advice__key="box")
    html = box_html(client.get(section.page.get_absolute_url()).content.decode(), "box")
    start = html.index('<ul class="care-calls">')
    return html[start : html.index("</ul>", start)]


def test_an_urgent_box_without_an_after_hours_number_sends_families_to_the_emergency_department(client):
    calls = calls_in_box(client, CareAdvice.Urgency.URGENT, phone="020 7946 0000", emergency_phone="112")
    assert "After hours:</strong> Go to the nearest emergency department now." in calls
    # Urgent means day or night: the after-hours line comes first; the emergency number is at hand too.
    assert calls.index("After hours:") < calls.index("Daytime:") < calls.index("Emergency:")
    assert 'href="tel:112">Emergency: <span class="number">112</span>' in calls


def test_a_same_day_box_without_numbers_waits_for_the_clinic_and_never_sends_families_to_the_emergency_number(client):
    calls = calls_in_box(client, CareAdvice.Urgency.SOON, emergency_phone="112")
    assert "Daytime:</strong> Call your child&#x27;s doctor today." in calls
    assert (
        "After hours:</strong> Call the clinic when it opens next morning, or your local out-of-hours medical service."
    ) in calls
    assert "emergency" not in calls.lower() and "112" not in calls
    assert calls.index("Daytime:") < calls.index("After hours:")


def test_an_emergency_box_without_the_clinics_number_offers_the_countrys_emergency_number_to_tap(client, settings):
    settings.EMERGENCY_NUMBER = "999"  # DJANGO_COUNTRY=GB
    calls = calls_in_box(client, CareAdvice.Urgency.EMERGENCY, phone="020 7946 0000")
    assert '<a class="call call-emergency" href="tel:999">Emergency: <span class="number">999</span></a>' in calls
    assert "020 7946" not in calls


def test_the_clinic_profiles_emergency_number_overrides_the_countrys(client, settings):
    settings.EMERGENCY_NUMBER = "112"
    calls = calls_in_box(client, CareAdvice.Urgency.EMERGENCY, emergency_phone="911")
    assert 'href="tel:911"' in calls and "112" not in calls


def test_get_help_now_offers_the_emergency_number_to_tap_on_a_new_install(client):
    html = client.get(HELP).content.decode()  # no clinic profile yet
    start = html.index('class="help-emergency"')
    emergency = html[start : html.index("</div>", start)]
    assert (
        '<a class="call call-emergency" href="tel:911">Emergency: call <span class="number">911</span></a>' in emergency
    )


@pytest.mark.parametrize("url, words", [("/help/", "Emergency: call "), ("/es/help/", "Emergencias: llame al\u00a0")])
def test_get_help_now_on_a_new_install_offers_the_countrys_emergency_number_from_the_settings(
    client, settings, url, words
):
    settings.EMERGENCY_NUMBER = "112"  # DJANGO_COUNTRY=ES
    assert not ClinicProfile.objects.exists()
    html = client.get(url).content.decode()
    start = html.index('class="help-emergency"')
    emergency = html[start : html.index("</div>", start)]
    assert f'<a class="call call-emergency" href="tel:112">{words}<span class="number">112</span></a>' in emergency


def test_the_admin_banner_never_counts_the_emergency_number_as_missing(settings):
    settings.EMERGENCY_NUMBER = "112"
    assert ClinicProfile(phone="1", after_hours_phone="").missing_numbers == ["after hours phone"]
    assert ClinicProfile(phone="1", after_hours_phone="2").missing_numbers == []


def test_the_same_advice_reads_word_for_word_on_every_page_that_places_it(client):
    advice = CareAdviceFactory(key="fever", action="Call now, day or night. [cite:nice]")
    SourceFactory(key="nice", citation="NICE CG151.")
    first = CareSectionFactory(care_advice=advice)
    second = CareSectionFactory(care_advice=advice, page=PageFactory())
    boxes = [
        box_html(client.get(section.page.get_absolute_url()).content.decode(), "fever") for section in (first, second)
    ]
    assert boxes[0] == boxes[1]
    assert "Call now, day or night." in boxes[0]


def test_care_advice_refuses_a_typed_phone_number_and_unknown_sources():
    advice = CareAdviceFactory.build(action="Call 0800 123 4567 at once.")
    with pytest.raises(ValidationError, match="Do not type phone numbers"):
        advice.full_clean()
    advice = CareAdviceFactory.build(action="Call 911.")
    with pytest.raises(ValidationError, match="Do not type phone numbers"):
        advice.full_clean()
    advice = CareAdviceFactory.build(look_for="- 38°C (100.4°F) or more for 5 minutes. [cite:nowhere]")
    with pytest.raises(ValidationError, match="No source with the key nowhere"):
        advice.full_clean()


def test_a_section_is_either_text_or_a_care_box():
    advice = CareAdviceFactory()
    with pytest.raises(ValidationError, match="leave the text empty"):
        SectionFactory.build(page=PageFactory(), care_advice=advice, body="Extra words").full_clean()
    with pytest.raises(ValidationError, match="Write the section's text"):
        SectionFactory.build(page=PageFactory(), body="").full_clean()


def test_clinic_numbers_accept_only_phone_characters():
    profile = ClinicProfile(status="published", name="Clinic", phone="javascript:alert(1)")
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_help_page_gathers_every_published_care_box_most_urgent_first(client, django_assert_num_queries):
    SourceFactory(key="nice")
    soon = CareSectionFactory(
        care_advice__urgency=CareAdvice.Urgency.SOON,
        care_advice__key="signs-back",
        care_advice__action="Call. [cite:nice]",
    )
    emergency = CareSectionFactory(care_advice__urgency=CareAdvice.Urgency.EMERGENCY, care_advice__key="fit")
    CareSectionFactory(care_advice=emergency.care_advice, page=PageFactory())  # placed twice, shown once
    urgent = CareSectionFactory(care_advice__urgency=CareAdvice.Urgency.URGENT, care_advice__key="fever")
    CareSectionFactory(care_advice__key="draft-only", page=PageFactory(status="draft"))
    with django_assert_num_queries(4):  # the content version, care advice, its sources, the clinic profile
        html = client.get(HELP).content.decode()
    order = [html.index(f'<section id="{a.care_advice.key}"') for a in (emergency, urgent, soon)]
    assert order == sorted(order)
    assert html.count('<section id="fit"') == 1
    assert 'id="draft-only"' not in html


def test_help_page_numbers_its_own_sources(client):
    SourceFactory(key="nice", citation="NICE CG151.")
    CareSectionFactory(care_advice__action="Call now. [cite:nice]", care_advice__key="fever")
    html = client.get(HELP).content.decode()
    assert 'href="#cite-1"' in html
    assert '<li id="cite-1">NICE CG151.' in html


def test_every_public_page_links_to_get_help_now(client):
    page = SectionFactory().page
    for url in [reverse("condition:home"), page.get_absolute_url(), reverse("condition:glossary"), HELP]:
        html = client.get(url).content.decode()
        assert f'<a class="get-help" href="{HELP}"' in html, url


def test_help_page_keeps_answering_from_the_last_good_copy_when_the_database_is_down(
    client, monkeypatch, settings, tmp_path
):
    settings.LAST_GOOD_DIR = tmp_path
    clinic(phone="020 7946 0000", after_hours_phone="020 7946 0999", emergency_phone="999")
    CareSectionFactory(care_advice__key="fever")
    assert client.get(HELP).status_code == 200

    from django.core.cache import cache

    from pagecache import cache as content_cache

    cache.clear()
    content_cache._local.clear()

    def database_down(*args, **kwargs):
        raise DatabaseError("unable to open database file")

    monkeypatch.setattr("condition.views.CareAdvice.objects.live", database_down)
    response = client.get(HELP)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:02079460999"' in html and 'id="fever"' in html
    assert response["Cache-Control"] == "no-store"


def test_help_page_with_no_copy_yet_lets_the_database_error_stand(client, monkeypatch, settings, tmp_path):
    settings.LAST_GOOD_DIR = tmp_path / "empty"

    def database_down(*args, **kwargs):
        raise DatabaseError("unable to open database file")

    monkeypatch.setattr("condition.views.CareAdvice.objects.live", database_down)
    with pytest.raises(DatabaseError):
        client.get(HELP)


def help_copy_kept(client, settings, tmp_path):
    """The help page served once with the database up: its last good copy is on disk. Returns the copy's file."""
    settings.LAST_GOOD_DIR = tmp_path
    clinic(phone="020 7946 0000", after_hours_phone="020 7946 0999", emergency_phone="999")
    CareSectionFactory(care_advice__key="fever")
    assert client.get(HELP).status_code == 200
    (copy,) = tmp_path.iterdir()
    return copy


class Database:
    """The database going down and coming back: the content version and the care advice cannot be read."""

    def __init__(self, monkeypatch):
        self.up = True
        real_version, real_live = content_cache._read_version, CareAdvice.objects.live

        def version(*args, **kwargs):
            return self.answer(real_version, *args, **kwargs)

        def live(*args, **kwargs):
            return self.answer(real_live, *args, **kwargs)

        monkeypatch.setattr("pagecache.cache._read_version", version)
        monkeypatch.setattr("condition.views.CareAdvice.objects.live", live)

    def answer(self, real, *args, **kwargs):
        if not self.up:
            raise DatabaseError("unable to open database file")
        return real(*args, **kwargs)


DAMAGE = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "corrupted": lambda data: data[:-200] + bytes([data[-200] ^ 0x20]) + data[-199:],
    "no checksum (an older copy)": lambda data: data.partition(b"\n")[2],
}


@pytest.mark.parametrize("damage", DAMAGE, ids=str)
def test_a_damaged_last_good_copy_is_never_served(client, monkeypatch, settings, tmp_path, caplog, damage):
    copy = help_copy_kept(client, settings, tmp_path)
    copy.write_bytes(DAMAGE[damage](copy.read_bytes()))
    database = Database(monkeypatch)
    database.up = False
    with pytest.raises(DatabaseError):  # as with no copy at all: never a blank or half page behind a 200
        client.get(HELP)
    assert "is damaged: not served" in caplog.text


def test_a_damaged_copy_is_made_again_once_the_database_answers_and_then_served(
    client, monkeypatch, settings, tmp_path
):
    copy = help_copy_kept(client, settings, tmp_path)
    good = copy.read_bytes()
    copy.write_bytes(b"")
    database = Database(monkeypatch)
    database.up = False
    with pytest.raises(DatabaseError):
        client.get(HELP)
    database.up = True
    assert client.get(HELP).status_code == 200  # the page is still in the page cache: the view answers anyway
    assert copy.read_bytes() == good
    database.up = False
    response = client.get(HELP)
    assert response.status_code == 200 and 'href="tel:02079460999"' in response.content.decode()


def test_a_copy_damaged_on_disk_while_the_database_is_up_is_made_again_at_the_next_request(client, settings, tmp_path):
    copy = help_copy_kept(client, settings, tmp_path)
    good = copy.read_bytes()
    copy.write_bytes(good[:100])
    assert client.get(HELP).status_code == 200
    assert copy.read_bytes() == good


def test_a_whole_copy_another_worker_wrote_since_is_left_alone(client, settings, tmp_path):
    copy = help_copy_kept(client, settings, tmp_path)
    other = tmp_path / "written-by-another-worker"
    other.write_bytes(copy.read_bytes())
    other.replace(copy)  # the same page, a new file: workers must not rewrite each other's copies in turn
    written = copy.stat()
    assert client.get(HELP).status_code == 200
    assert (copy.stat().st_ino, copy.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_a_cached_help_page_costs_no_copy_check_beyond_a_file_status_while_the_copy_is_whole(
    client, settings, tmp_path, monkeypatch
):
    copy = help_copy_kept(client, settings, tmp_path)
    reads = []
    real_read = type(copy).read_bytes
    monkeypatch.setattr(type(copy), "read_bytes", lambda path: reads.append(path) or real_read(path))
    for _ in range(3):
        assert client.get(HELP).status_code == 200
    assert reads == []


def test_admin_warns_on_every_page_while_a_clinic_number_is_missing(admin_client):
    before = admin_client.get(reverse("admin:index")).content.decode()  # a new install: no profile to change yet
    assert f'<a href="{reverse("admin:condition_clinicprofile_add")}">Set the clinic' in before
    clinic(phone="020 7946 0000")
    for url in [reverse("admin:index"), reverse("admin:condition_page_changelist")]:
        html = admin_client.get(url).content.decode()
        assert "The clinic profile has no after hours phone." in html
        # The banner's link opens the profile's own form, not the list of one profile.
        assert f'<a href="{reverse("admin:condition_clinicprofile_change", args=[1])}">Set the clinic' in html
    clinic(phone="020 7946 0000", after_hours_phone="020 7946 0999")
    assert "The clinic profile has no" not in admin_client.get(reverse("admin:index")).content.decode()


def test_the_admin_banner_opens_the_profile_being_written_before_one_is_approved(admin_client):
    written = ClinicProfile.objects.create(name="Riverside Neurology", phone="020 7946 0000", status="draft")
    form = reverse("admin:condition_clinicprofile_change", args=[written.pk])
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "The clinic profile has no phone, after hours phone." in html  # families see no profile yet
    assert f'<a href="{form}">Set the clinic' in html  # not the add form, which refuses a second profile
    opened = admin_client.get(form)
    assert opened.status_code == 200 and 'name="after_hours_phone"' in opened.content.decode()
    assert admin_client.get(reverse("admin:condition_clinicprofile_add")).status_code == 403


def test_care_advice_changes_only_through_an_approved_draft_and_a_reviewer_can_take_it_down_at_once(
    client, editor_client, editor, reviewer
):
    from condition import drafts
    from condition.drafts import Revision

    page_url = PageFactory().get_absolute_url()
    live = CareSectionFactory(page__slug="fever-page", care_advice__key="live-advice").care_advice
    page_url = live.placements.get().page.get_absolute_url()

    def change(advice, title):
        url = reverse("admin:condition_careadvice_change", args=[advice.pk])
        data = {"title": title, "key": advice.key, "urgency": 2, "look_for": "- x", "action": "y"}
        return editor_client.post(url, data).status_code

    assert change(live, "Changed") == 403
    editor_client.post(reverse("admin:condition_careadvice_workflow", args=[live.pk, "draft"]))
    draft = live.drafts.get()
    assert change(draft, "Changed") == 302
    assert "Changed" not in client.get(page_url).content.decode()  # families keep the approved advice
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    assert "Changed" in client.get(page_url).content.decode()

    drafts.take_down(CareAdvice.objects.get(pk=live.pk), reviewer, "The advice on fluids is wrong.")
    html = client.get(page_url).content.decode()
    assert 'id="live-advice"' not in html and 'id="live-advice"' not in client.get(HELP).content.decode()
    logged = Revision.of(live).first()
    assert (logged.action, logged.note, logged.reviewer) == ("taken_down", "The advice on fluids is wrong.", reviewer)


def test_the_word_list_sorts_without_regard_to_capitals(client):
    from tests.factories import GlossaryTermFactory

    for term in ["OMS", "antibody", "Biopsy", "ataxia"]:
        GlossaryTermFactory(term=term, slug=term.lower())
    html = client.get(reverse("condition:glossary")).content.decode()
    positions = [html.index(f'id="term-{slug}"') for slug in ["antibody", "ataxia", "biopsy", "oms"]]
    assert positions == sorted(positions)


def test_care_boxes_that_stand_together_read_most_urgent_first(client):
    page = PageFactory()
    SectionFactory(page=page, order=1, anchor="intro")
    CareSectionFactory(page=page, order=2, care_advice__urgency=CareAdvice.Urgency.SOON, care_advice__key="soon")
    CareSectionFactory(page=page, order=3, care_advice__urgency=CareAdvice.Urgency.URGENT, care_advice__key="urgent")
    CareSectionFactory(
        page=page, order=4, care_advice__urgency=CareAdvice.Urgency.EMERGENCY, care_advice__key="emergency"
    )
    SectionFactory(page=page, order=5, anchor="after")
    html = client.get(page.get_absolute_url()).content.decode()
    positions = [html.index(f'<section id="{anchor}"') for anchor in ["intro", "emergency", "urgent", "soon", "after"]]
    assert positions == sorted(positions)


def test_a_box_that_points_to_another_box_on_the_page_links_to_it(client):
    page = PageFactory()
    fever = CareSectionFactory(page=page, care_advice__title="Fever during treatment", care_advice__key="fever")
    CareSectionFactory(
        page=page, care_advice__key="ivig", care_advice__action='For a fever, follow "Fever during treatment".'
    )
    CareSectionFactory(page=PageFactory(), care_advice__key="other", care_advice__action='See "Not on this page".')
    html = client.get(page.get_absolute_url()).content.decode()
    assert f'follow "<a href="#{fever.care_advice.key}">Fever during treatment</a>"' in html
    help_html = client.get(HELP).content.decode()
    assert 'follow "<a href="#fever">Fever during treatment</a>"' in help_html
    assert 'See "Not on this page".' in help_html


def test_help_page_answers_from_its_copy_when_even_the_content_version_cannot_be_read(
    client, monkeypatch, settings, tmp_path
):
    settings.LAST_GOOD_DIR = tmp_path
    clinic(phone="020 7946 0000", after_hours_phone="020 7946 0999", emergency_phone="999")
    CareSectionFactory(care_advice__key="fever")
    assert client.get(HELP).status_code == 200

    def database_down(*args, **kwargs):
        raise DatabaseError("unable to open database file")

    monkeypatch.setattr("pagecache.cache._read_version", database_down)
    monkeypatch.setattr("condition.views.CareAdvice.objects.live", database_down)
    response = client.get(HELP)
    assert response.status_code == 200
    assert 'href="tel:999"' in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "Call 0207.946.0000",
        "Call 020\u00a07946\u00a00000",
        "Call 020\u20137946\u20130000",
        "Call 020/7946/0000",
        "Call 9 1 1",
        "Ring 9-9-9",
        "Call &#48;&#50;&#48;&#55;&#57;&#52;&#54;&#48;&#48;&#48;",
        "Call \uff10\uff12\uff10\uff17\uff19\uff14\uff16\uff10",
    ],
)
def test_a_phone_number_cannot_hide_behind_separators_entities_or_other_digits(typed):
    with pytest.raises(ValidationError, match="Do not type phone numbers"):
        CareAdviceFactory.build(action=typed).full_clean()


@pytest.mark.parametrize("fine", ["38°C (100.4°F) or more", "for more than 5 minutes", "for 1 to 2 years", "98 in 100"])
def test_numbers_that_are_not_phone_numbers_are_allowed_in_advice(fine):
    CareAdviceFactory.build(action=fine).full_clean()
