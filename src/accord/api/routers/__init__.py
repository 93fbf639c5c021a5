"""One router per resource of the JSON API, all mounted under /api by `create_app`."""
