"""The guidance assist encodes, as data and templates (read with importlib.resources)."""
