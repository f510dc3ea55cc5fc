"""Pictures families see (in sections, the clinic's logo): checked, cleaned and resized once, at upload.

An upload is accepted only when Pillow decodes it as JPEG, PNG or WebP
(whatever its name says), within MAX_BYTES and MAX_PIXELS (a guard against
decompression bombs too). It is turned upright by its EXIF orientation, then
re-encoded, which drops EXIF (GPS included) and every other kind of metadata.
The cleaned original and its resized copies (each width in WebP and in the
original's format) are written once through Django's storage API under a new
folder per upload, so files never change: a draft and the live row share
them, and deleting a draft never deletes a file a live row uses.
"""

import contextlib
import io
import re
import threading
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from condition.languages import default_url

FOLDER = "images"
ALT_MAX = 250
ALT_FILE_NAME_RE = re.compile(r"\.(jpe?g|png|webp|gif|svg)\b|^(img|dsc|image)[-_ ]?\d+", re.I)
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
SECTION_WIDTHS = (480, 960, 1440)
LOGO_WIDTHS = (160, 320)
# Pillow format -> (file extension, content type)
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
ACCEPT = ",".join(content_type for _, content_type in FORMATS.values())
REFUSED = "Upload a JPEG, PNG or WebP picture (a photo or a drawing saved as PNG)."


def _too_many_pixels(width, height):
    return width * height > MAX_PIXELS


def open_checked(upload):
    """The upload decoded by Pillow, or a ValidationError in words for staff."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(f"This file is {upload.size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 2**20} MB.")
    upload.seek(0)
    with _strict_decoding():
        return _decode(upload)


@contextlib.contextmanager
def _strict_decoding():
    """A cut-short file is refused, even after WeasyPrint (handouts) told Pillow to load them."""
    with _decode_lock:
        previous, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


_decode_lock = threading.Lock()


def _decode(upload):
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(f"This file is over the {MAX_BYTES // 2**20} MB limit.")
    try:
        # formats= refuses SVG, GIF and everything else before any decoding.
        image = Image.open(io.BytesIO(data), formats=list(FORMATS))
        if _too_many_pixels(*image.size):
            raise ValidationError(
                f"This picture is {image.width} x {image.height} pixels; the limit is {MAX_PIXELS // 1_000_000} "
                "megapixels. Make it smaller first."
            )
        image.load()  # decodes every pixel: a truncated or disguised file fails here
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            f"This picture has too many pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(f"This file is not a picture the portal can use. {REFUSED}") from error
    finally:
        upload.seek(0)
    return image


def validate_upload(file):
    """Field validator: only new uploads are checked (a stored name is already clean)."""
    if getattr(file, "_committed", True) is False:
        open_checked(file)


def _encode(image, pillow_format):
    out = io.BytesIO()
    if pillow_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
    elif pillow_format == "PNG":
        # zlib's default level: optimize=True made the default drawing 4% smaller at six times
        # the time (141 against 24 ms), and browsers take the WebP copy first.
        image.save(out, "PNG", compress_level=6)
    else:
        image.save(out, "WEBP", quality=82, method=4)
    return out.getvalue()


def _clean_mode(image, pillow_format):
    if pillow_format == "JPEG":
        return image.convert("RGB")
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        return image.convert("RGBA" if "transparency" in image.info or image.mode == "P" else "RGB")
    return image


def store(upload, widths):
    """Check, clean and resize `upload`; write every file; returns (name, width, height, renditions)."""
    image = open_checked(upload)
    pillow_format = image.format
    extension = FORMATS[pillow_format][0]
    image = ImageOps.exif_transpose(image)  # upright first, then no metadata survives re-encoding
    image = _clean_mode(image, pillow_format)
    image.info.clear()
    folder = f"{FOLDER}/{uuid.uuid4().hex}"
    name = default_storage.save(f"{folder}/full.{extension}", ContentFile(_encode(image, pillow_format)))
    renditions = []
    for width in sorted({min(w, image.width) for w in widths}):
        height = max(1, round(image.height * width / image.width))
        copy = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        entry = {"w": width, "h": height}
        for key, fmt in (("webp", "WEBP"), ("fallback", pillow_format)):
            data = _encode(copy, fmt)
            entry[key] = default_storage.save(f"{folder}/w{width}.{FORMATS[fmt][0]}", ContentFile(data))
        renditions.append(entry)
    return name, image.width, image.height, renditions


def folder_of(name):
    """The upload's folder ("images/<hex>/") of one of the files `store` writes, or None for any other name."""
    extensions = "|".join(extension for extension, _ in FORMATS.values())
    match = re.fullmatch(rf"({re.escape(FOLDER)}/[0-9a-f]{{32}}/)(?:full|w[0-9]+)\.(?:{extensions})", name or "")
    return match.group(1) if match else None


def url(name):
    # The same file in every language: always the address without a language prefix.
    return default_url("condition:image", kwargs={"name": name})


MEDIA_PATH_PREFIX = "/media/"  # where condition:image serves files (the handout PDF fetcher reads them directly)


class Picture:
    """What a template needs to show one stored picture: src, srcsets, size, alt."""

    def __init__(self, *, name, width, height, renditions, alt, caption=""):
        self.name, self.width, self.height, self.alt, self.caption = name, width, height, alt, caption
        self.renditions = renditions or []

    @property
    def webp_srcset(self):
        return ", ".join(f"{url(r['webp'])} {r['w']}w" for r in self.renditions)

    @property
    def srcset(self):
        return ", ".join(f"{url(r['fallback'])} {r['w']}w" for r in self.renditions)

    @property
    def src(self):
        """The largest fallback copy up to 960 px wide (browsers without srcset, and handouts)."""
        fitting = [r for r in self.renditions if r["w"] <= 960] or self.renditions[:1]
        return url(fitting[-1]["fallback"]) if fitting else url(self.name)


class StoredImageField(models.FileField):
    """A picture upload held to the rules above; the model's save() stores it (see prepare())."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("validators", [validate_upload])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        from condition.picture_input import PictureInput

        field = super().formfield(**kwargs)
        if field is not None:
            field.widget = PictureInput(attrs={"accept": ACCEPT})
            field.widget.is_required = field.required  # no "Clear" box on a picture that must be there
        return field

    def pre_save(self, model_instance, add):
        # The model's save() has stored a new upload already; never write the raw upload.
        return getattr(model_instance, self.attname).name or ""


def prepare(instance, field, *, widths, size_fields, renditions_field):
    """Before saving: store a new upload in `field` and record its size and copies on `instance`."""
    file = getattr(instance, field)
    width_field, height_field = size_fields
    if file and getattr(file, "_committed", True) is False:
        name, width, height, renditions = store(file.file, widths)
        setattr(instance, field, name)
        setattr(instance, width_field, width)
        setattr(instance, height_field, height)
        setattr(instance, renditions_field, renditions)
    elif not file:
        setattr(instance, width_field, None)
        setattr(instance, height_field, None)
        setattr(instance, renditions_field, [])


def check_alt(text):
    """Alt text is plain words a screen reader says: no markup, no file names."""
    text = (text or "").strip()
    if "<" in text or ">" in text:
        raise ValidationError("Write plain words, without < or >.")
    if ALT_FILE_NAME_RE.search(text):
        raise ValidationError("Say what the picture shows, not its file name.")
