"""Page names made from content (file names, actor names, tags): bounded in length.

A name's page is a file, and a file system takes 255 bytes a name: a 300-character tag or
actor name from an override, or a long non-Latin file name that transliterates longer,
would make the build fail. Past MAX_NAME_LENGTH a slug keeps its first words and gets a
hash of the whole, so the short form is stable and two long names stay apart.
"""
from __future__ import annotations

import hashlib

from slugify import slugify

MAX_NAME_LENGTH = 80


def page_name(text: str) -> str:
    """slugify(text), at most MAX_NAME_LENGTH characters; "" when text has no letters or digits."""
    slug = slugify(text)
    if len(slug) <= MAX_NAME_LENGTH:
        return slug
    digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:8]
    head = slug[:MAX_NAME_LENGTH - len(digest) - 1].rstrip("-")
    return f"{head}-{digest}"
