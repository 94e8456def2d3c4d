"""Calm abstract illustrations, drawn with Pillow so the demo needs no downloads.

Each image is a vertical colour gradient with a few soft shapes on top: rolling ridges
(fields, hills, water), translucent discs (sun, circles) and rounded bars (trees, people).
"""

import math
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (1200, 675)


@dataclass(frozen=True)
class Ridge:
    """A wavy band from `y` down to the bottom edge."""

    y: int
    amplitude: int
    wavelength: int
    phase: float
    colour: tuple


@dataclass(frozen=True)
class Disc:
    x: int
    y: int
    radius: int
    colour: tuple  # RGBA: translucent discs overlap softly


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    colour: tuple


@dataclass(frozen=True)
class ImageSpec:
    title: str
    description: str  # the image's default alt text
    filename: str
    top: tuple
    bottom: tuple
    shapes: tuple


def render_png(spec):
    image = _gradient(spec.top, spec.bottom)
    for shape in spec.shapes:
        image = _draw(image, shape)
    buffer = BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _gradient(top, bottom):
    mask = Image.linear_gradient("L").resize(SIZE)
    return Image.composite(Image.new("RGBA", SIZE, bottom), Image.new("RGBA", SIZE, top), mask)


def _draw(image, shape):
    overlay = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    if isinstance(shape, Ridge):
        width, height = SIZE
        points = [
            (x, shape.y + shape.amplitude * math.sin(2 * math.pi * x / shape.wavelength + shape.phase))
            for x in range(0, width + 10, 10)
        ]
        draw.polygon([*points, (width, height), (0, height)], fill=shape.colour)
    elif isinstance(shape, Disc):
        x, y, r = shape.x, shape.y, shape.radius
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shape.colour)
    elif isinstance(shape, Bar):
        box = (shape.x, shape.y, shape.x + shape.width, shape.y + shape.height)
        draw.rounded_rectangle(box, radius=shape.width // 2, fill=shape.colour)
    return Image.alpha_composite(image, overlay)


IMAGES = [
    ImageSpec(
        title="Dawn over open fields",
        description="An illustration of green fields under a pale yellow dawn sky.",
        filename="dawn-over-open-fields.png",
        top=(255, 236, 204, 255),
        bottom=(250, 206, 170, 255),
        shapes=(
            Disc(860, 300, 90, (255, 250, 235, 200)),
            Ridge(390, 30, 900, 0.4, (155, 190, 140, 255)),
            Ridge(470, 24, 700, 2.0, (116, 160, 112, 255)),
            Ridge(560, 18, 520, 4.1, (78, 128, 88, 255)),
        ),
    ),
    ImageSpec(
        title="Calm river at dusk",
        description="An illustration of a still river in soft blue and lilac evening light.",
        filename="calm-river-at-dusk.png",
        top=(118, 120, 180, 255),
        bottom=(232, 190, 200, 255),
        shapes=(
            Ridge(420, 8, 1200, 0.0, (70, 88, 140, 255)),
            Ridge(460, 6, 300, 1.0, (120, 140, 190, 160)),
            Ridge(520, 5, 240, 2.5, (150, 170, 210, 140)),
            Ridge(590, 4, 200, 0.8, (180, 196, 226, 120)),
        ),
    ),
    ImageSpec(
        title="Circles of support",
        description="Overlapping translucent circles in teal, green and gold.",
        filename="circles-of-support.png",
        top=(224, 242, 238, 255),
        bottom=(190, 226, 220, 255),
        shapes=(
            Disc(440, 330, 210, (32, 140, 140, 110)),
            Disc(640, 300, 190, (90, 170, 110, 110)),
            Disc(780, 390, 170, (230, 180, 60, 110)),
            Disc(560, 460, 150, (40, 110, 150, 90)),
        ),
    ),
    ImageSpec(
        title="Harbour at first light",
        description="An illustration of a calm sea with a low sun and gentle waves.",
        filename="harbour-at-first-light.png",
        top=(190, 214, 236, 255),
        bottom=(244, 222, 196, 255),
        shapes=(
            Disc(300, 330, 70, (255, 244, 220, 220)),
            Ridge(380, 6, 400, 0.0, (90, 140, 180, 255)),
            Ridge(450, 10, 260, 1.2, (70, 120, 165, 200)),
            Ridge(540, 12, 220, 2.4, (50, 100, 150, 200)),
        ),
    ),
    ImageSpec(
        title="Broad skies over the marshes",
        description="An illustration of a wide sky over flat marshland, with a low orange sun.",
        filename="broad-skies-over-the-marshes.png",
        top=(150, 190, 225, 255),
        bottom=(246, 214, 170, 255),
        shapes=(
            Disc(900, 500, 60, (250, 170, 90, 230)),
            Ridge(530, 4, 800, 0.0, (120, 140, 90, 255)),
            Ridge(570, 6, 500, 1.5, (96, 120, 76, 255)),
            Bar(180, 470, 6, 70, (70, 90, 60, 255)),
            Bar(200, 490, 6, 50, (70, 90, 60, 255)),
        ),
    ),
    ImageSpec(
        title="Quiet woodland",
        description="An illustration of rounded green trees on a soft hill.",
        filename="quiet-woodland.png",
        top=(232, 240, 222, 255),
        bottom=(206, 224, 196, 255),
        shapes=(
            Bar(220, 220, 90, 300, (92, 140, 96, 230)),
            Bar(360, 170, 110, 360, (70, 120, 84, 230)),
            Bar(520, 240, 80, 280, (110, 158, 104, 230)),
            Bar(660, 190, 100, 340, (84, 132, 92, 230)),
            Bar(820, 250, 90, 270, (120, 166, 110, 230)),
            Ridge(500, 20, 1400, 1.0, (150, 186, 132, 255)),
        ),
    ),
    ImageSpec(
        title="Many colours, one network",
        description="Rounded upright shapes in many colours standing side by side.",
        filename="many-colours-one-network.png",
        top=(250, 244, 236, 255),
        bottom=(238, 228, 216, 255),
        shapes=(
            Bar(240, 250, 80, 260, (214, 110, 90, 220)),
            Bar(350, 210, 80, 300, (235, 170, 70, 220)),
            Bar(460, 230, 80, 280, (90, 160, 120, 220)),
            Bar(570, 190, 80, 320, (60, 130, 170, 220)),
            Bar(680, 240, 80, 270, (130, 100, 170, 220)),
            Bar(790, 220, 80, 290, (200, 120, 150, 220)),
            Bar(900, 260, 80, 250, (110, 150, 90, 220)),
        ),
    ),
    ImageSpec(
        title="Paths across the hills",
        description="An illustration of layered blue and green hills fading into the distance.",
        filename="paths-across-the-hills.png",
        top=(214, 228, 240, 255),
        bottom=(236, 240, 230, 255),
        shapes=(
            Ridge(300, 40, 1100, 0.2, (176, 196, 214, 255)),
            Ridge(380, 36, 900, 1.8, (150, 180, 170, 255)),
            Ridge(460, 32, 760, 3.0, (120, 160, 130, 255)),
            Ridge(550, 26, 640, 4.4, (90, 136, 104, 255)),
        ),
    ),
]
