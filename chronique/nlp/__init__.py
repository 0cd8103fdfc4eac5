"""Linguistic analysis with spaCy; the model is loaded lazily, only by the stages that need it."""

from chronique.nlp.model import load_model

__all__ = ["load_model"]
