"""Draws the default content's visual aid with Pillow (run: python condition/shipped/pictures/draw.py).

One drawing per language that ships content, from the words in
condition/shipped/<code>/drawing.toml (care-for-oms.png in English,
care-for-oms-es.png in Spanish), so each page shows words in its language.

Made for this portal; the PNG is committed and loaded by load_oms_content
through the same upload rules as staff pictures. Every fact comes from the
clinic's fact-check (shared brief, content-facts.md), by its row and keys:
  - testing: every child with OMS is checked for a neuroblastoma, scans and urine tests; small tumours
    can hide, so scans may be repeated (NORD, ARTICLE)
  - tumour care / tumour vs symptoms: usually removed by surgery; that often does not stop OMS, and
    immune treatment is still needed (RUSSO, ARTICLE, BOSTON)
  - treatment: several immune treatments together: steroids or ACTH, IVIG, often rituximab when
    moderate or severe (ROSSOR, BOSTON, RITUX)
  - course: treatment lasts at least 1-2 years, often longer; relapses are common, with infections or
    when medicine is lowered too fast (BRUNK, BOSTON); never stop or lower steroids suddenly (MFC, ROSSOR)
The parts often happen at the same time, not one after another (the page's "aim of treatment";
outcome row, HASEGAWA), so the picture has no numbers and no arrows (clinician review).
Large text, black on white with a dark blue accent, readable at 360 px wide.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FOLDER = Path(__file__).parent
WIDTH, MARGIN = 720, 28
INK, ACCENT, TINT = (17, 17, 17), (13, 59, 102), (232, 240, 250)


def wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def draw_picture(title, subtitle, steps, out):
    title_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 40)
    head_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 36)
    body_font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34)
    scratch = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text_x = MARGIN + 64
    text_width = WIDTH - text_x - MARGIN - 12
    blocks = []
    for heading, body in steps:
        blocks.append((wrap(scratch, heading, head_font, text_width), wrap(scratch, body, body_font, text_width)))
    title_lines = wrap(scratch, title, title_font, WIDTH - 2 * MARGIN)
    subtitle_lines = wrap(scratch, subtitle, body_font, WIDTH - 2 * MARGIN)
    height = MARGIN + 50 * len(title_lines) + 44 * len(subtitle_lines) + 24
    for head, body in blocks:
        height += 24 + 46 * len(head) + 44 * len(body) + 24 + 24
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 50
    for line in subtitle_lines:
        draw.text((MARGIN, y), line, font=body_font, fill=INK)
        y += 44
    y += 24
    for head, body in blocks:
        box_height = 24 + 46 * len(head) + 44 * len(body) + 24
        draw.rounded_rectangle(
            (MARGIN, y, WIDTH - MARGIN, y + box_height), radius=14, fill=TINT, outline=ACCENT, width=4
        )
        draw.rectangle((MARGIN + 20, y + 36, MARGIN + 44, y + 60), fill=ACCENT)  # a bullet, not a step number
        text_y = y + 22
        for line in head:
            draw.text((text_x, text_y), line, font=head_font, fill=ACCENT)
            text_y += 46
        for line in body:
            draw.text((text_x, text_y), line, font=body_font, fill=INK)
            text_y += 44
        y += box_height + 24
    image.save(out, "PNG", optimize=True)
    print(f"{out}: {image.width} x {image.height}")


def main():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run as a script from anywhere
    from condition import shipped

    for language in shipped.languages():
        drawing = shipped.content(language).drawing
        steps = [(step["heading"], step["words"]) for step in drawing["steps"]]
        draw_picture(drawing["title"], drawing["subtitle"], steps, FOLDER / drawing["file"])


if __name__ == "__main__":
    main()
