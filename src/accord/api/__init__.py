"""The HTTP side of accord: `create_app(settings)` builds the JSON API and the pages of `accord serve`."""

from accord.api.app import create_app
from accord.api.settings import SETTINGS, Settings

__all__ = ["SETTINGS", "Settings", "create_app"]
