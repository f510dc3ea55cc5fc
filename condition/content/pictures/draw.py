"""Draws the default content's visual aid, care-for-oms.png, with Pillow (run: python condition/content/pictures/draw.py).

Made for this portal; the PNG is committed and loaded by load_oms_content
through the same upload rules as staff pictures. Every fact comes from the
clinic's fact-check (shared brief, content-facts.md), by its row and keys:
  1. testing: every child with OMS is checked for a neuroblastoma, scans and urine tests, may be repeated (NORD, ARTICLE)
  2. tumour care / tumour vs symptoms: usually removed by surgery; that often does not stop OMS (RUSSO, ARTICLE, BOSTON)
  3. treatment: several immune treatments together: steroids or ACTH, IVIG, rituximab when moderate or severe
     (ROSSOR, BOSTON, RITUX)
  4. course: treatment lasts at least 1-2 years, often longer; relapses are common, often with infections
     (BRUNK, BOSTON)
Large text, black on white with a dark blue accent, readable at 360 px wide.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
OUT = Path(__file__).with_name("care-for-oms.png")
WIDTH, MARGIN = 720, 28
INK, ACCENT, TINT = (17, 17, 17), (13, 59, 102), (232, 240, 250)
TITLE = "Care for OMS: the main parts"
STEPS = [
    ("Checks for a tumour", "Scans and urine tests look for a neuroblastoma. Scans may be done again."),
    ("If a tumour is found", "It is usually taken out with surgery. This often does not stop OMS by itself."),
    (
        "Medicines for the immune system",
        "Most children need several: steroids or ACTH, IVIG, and rituximab if OMS is moderate or severe.",
    ),
    ("A long treatment", "At least 1 to 2 years, often longer. OMS often comes back, for example with an infection."),
]


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


def main():
    title_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 40)
    head_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 36)
    body_font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34)
    number_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 38)
    scratch = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text_x = MARGIN + 84
    text_width = WIDTH - text_x - MARGIN - 12
    blocks = []
    for heading, body in STEPS:
        blocks.append((wrap(scratch, heading, head_font, text_width), wrap(scratch, body, body_font, text_width)))
    title_lines = wrap(scratch, TITLE, title_font, WIDTH - 2 * MARGIN)
    height = MARGIN + 50 * len(title_lines) + 16
    for head, body in blocks:
        height += 24 + 46 * len(head) + 44 * len(body) + 24 + 40
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 50
    y += 16
    for number, (head, body) in enumerate(blocks, start=1):
        box_height = 24 + 46 * len(head) + 44 * len(body) + 24
        draw.rounded_rectangle(
            (MARGIN, y, WIDTH - MARGIN, y + box_height), radius=14, fill=TINT, outline=ACCENT, width=4
        )
        draw.ellipse((MARGIN + 16, y + 20, MARGIN + 72, y + 76), fill=ACCENT)
        draw.text((MARGIN + 44, y + 48), str(number), font=number_font, fill="white", anchor="mm")
        text_y = y + 22
        for line in head:
            draw.text((text_x, text_y), line, font=head_font, fill=ACCENT)
            text_y += 46
        for line in body:
            draw.text((text_x, text_y), line, font=body_font, fill=INK)
            text_y += 44
        y += box_height
        if number < len(blocks):  # a down arrow to the next part
            middle = WIDTH // 2
            draw.line((middle, y + 4, middle, y + 30), fill=ACCENT, width=6)
            draw.polygon([(middle - 14, y + 24), (middle + 14, y + 24), (middle, y + 38)], fill=ACCENT)
        y += 40
    image.save(OUT, "PNG", optimize=True)
    print(f"{OUT}: {image.width} x {image.height}")


if __name__ == "__main__":
    main()
