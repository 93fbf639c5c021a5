"""The world map as SVG paths, drawn in Python from the vendored `world-atlas` TopoJSON.

`static/world/countries-110m.json` (world-atlas 2.0.2, ISC; Natural Earth 1:110m) keys each
country by its ISO 3166-1 numeric code; pycountry turns the store's alpha-2 codes into those.
Arcs are delta-encoded and quantised: decoded once, projected equirectangularly (latitude
clipped to -58..84 so Antarctica does not take a third of the picture), rounded to 0.1 px
and cached for the life of the process.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from accord.web import STATIC_DIR

WIDTH = 960
HEIGHT = 440
TOP, BOTTOM = 84.0, -58.0
WORLD_FILE = STATIC_DIR / "world" / "countries-110m.json"


@dataclass(frozen=True)
class Country:
    numeric: str
    alpha2: str | None
    name: str
    path: str


def project(lon: float, lat: float) -> tuple[float, float]:
    lat = max(BOTTOM, min(TOP, lat))
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (TOP - lat) / (TOP - BOTTOM) * HEIGHT
    return round(x, 1), round(y, 1)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude points of every arc (TopoJSON delta encoding undone)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring from its arc indexes; a negative index ~i is arc i reversed; shared ends are joined once."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    projected = [project(lon, lat) for lon, lat in points]
    kept = [projected[0]]
    for point in projected[1:]:
        if point != kept[-1]:
            kept.append(point)
    if len(kept) < 3:
        return ""
    # A ring that crosses the antimeridian (Fiji, Chukotka) is cut where it jumps across the map.
    parts: list[list[tuple[float, float]]] = [[kept[0]]]
    for previous, point in itertools.pairwise(kept):
        if abs(point[0] - previous[0]) > WIDTH / 2:
            parts.append([])
        parts[-1].append(point)
    return "".join("M" + "L".join(f"{x:g},{y:g}" for x, y in part) + "Z" for part in parts if len(part) > 2)


def geometry_path(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> str:
    polygons = geometry.get("arcs", [])
    if geometry.get("type") == "Polygon":
        polygons = [polygons]
    elif geometry.get("type") != "MultiPolygon":
        return ""
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the map with its SVG path, computed once."""
    import pycountry

    topology = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = str(geometry.get("id") or "")
        found = pycountry.countries.get(numeric=numeric) if numeric.isdigit() else None
        path = geometry_path(geometry, arcs)
        if path:
            name = (geometry.get("properties") or {}).get("name") or numeric
            out.append(Country(numeric, found.alpha_2 if found else None, str(name), path))
    return tuple(out)
