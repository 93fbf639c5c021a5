"""The pages of `accord serve`: server-rendered HTML (Jinja2) over `accord.query`, assets served locally.

Everything a page needs (CSS, its one script, the world map's geometry) is a file in this
package, so the dashboard works offline and under a strict Content-Security-Policy.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
