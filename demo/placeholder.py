"""A stand-in lead image, drawn at run time so the project ships no photographs.

The seed page's photo belongs to someone else; the demo draws a muted landscape with a
fence and the word "Placeholder" instead. Only Pillow's built-in font is used, so nothing
is downloaded and the result is the same on every machine.
"""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

SKY_TOP = (184, 196, 201)
SKY_BOTTOM = (222, 226, 219)
SUN = (231, 219, 188)
FAR_HILLS = (156, 166, 160)
NEAR_HILLS = (125, 138, 118)
GROUND = (186, 171, 140)
FENCE = (92, 95, 92)
PANEL = (238, 240, 236)
INK = (63, 74, 79)


def _blend(top, bottom, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))


def _landscape(draw, width, height):
    bands = 12
    for band in range(bands):
        top = height * band // (bands * 2)
        bottom = height * (band + 1) // (bands * 2) + 1
        draw.rectangle([0, top, width, bottom], fill=_blend(SKY_TOP, SKY_BOTTOM, band / bands))
    draw.rectangle([0, height // 2, width, height], fill=SKY_BOTTOM)
    draw.ellipse([width * 0.70, height * 0.12, width * 0.80, height * 0.12 + width * 0.10], SUN)
    draw.polygon(
        [(0, height * 0.55), (width * 0.22, height * 0.40), (width * 0.45, height * 0.52),
         (width * 0.68, height * 0.38), (width, height * 0.50), (width, height), (0, height)],
        fill=FAR_HILLS,
    )  # fmt: skip
    draw.polygon(
        [(0, height * 0.68), (width * 0.30, height * 0.58), (width * 0.62, height * 0.66),
         (width, height * 0.60), (width, height), (0, height)],
        fill=NEAR_HILLS,
    )  # fmt: skip
    draw.rectangle([0, height * 0.80, width, height], fill=GROUND)


def _fence(draw, width, height):
    top, bottom = height * 0.70, height * 0.86
    for wire in (0.25, 0.55, 0.85):
        y = top + (bottom - top) * wire
        draw.line([(0, y), (width, y)], fill=FENCE, width=2)
    for x in range(20, width, width // 16):
        draw.rectangle([x, top, x + 6, bottom], fill=FENCE)


def _label(draw, width, height, text):
    font = ImageFont.load_default(size=height // 8)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    text_width, text_height = right - left, bottom - top
    x, y = (width - text_width) // 2, (height - text_height) // 2 - height // 10
    pad = height // 30
    draw.rounded_rectangle(
        [x - 2 * pad, y - pad, x + text_width + 2 * pad, y + text_height + pad],
        radius=pad,
        fill=PANEL,
    )
    draw.text((x - left, y - top), text, font=font, fill=INK)


def placeholder_jpeg(width=1200, height=675, text="Placeholder") -> bytes:
    """A small JPEG (16:9 by default) that is obviously not a real photograph."""
    image = Image.new("RGB", (width, height), SKY_BOTTOM)
    draw = ImageDraw.Draw(image)
    _landscape(draw, width, height)
    _fence(draw, width, height)
    _label(draw, width, height, text)
    out = BytesIO()
    image.save(out, "JPEG", quality=70, optimize=True, progressive=True)
    return out.getvalue()
