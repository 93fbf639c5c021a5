"""The JSON API of `accord serve`: one router per resource, its dependencies, security and settings.

`accord.web.app.create_app(settings)` mounts it beside the pages.
"""

from accord.api.settings import SETTINGS, Settings

__all__ = ["SETTINGS", "Settings"]
