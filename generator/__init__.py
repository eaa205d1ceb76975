"""briefing-site: turns news articles into structured briefings and a searchable MkDocs site."""

__version__ = "0.1.0"
