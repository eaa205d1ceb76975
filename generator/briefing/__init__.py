"""Briefings: many analyses at once, grouped into stories, composed, then edited by overrides."""
