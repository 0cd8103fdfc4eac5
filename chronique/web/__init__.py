"""Chronique over HTTP: the JSON API and the web UI of ``chronique serve``."""

from chronique.web.app import create_app

__all__ = ["create_app"]
