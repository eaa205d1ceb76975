"""The site: briefings rendered as pages, the MkDocs plugin and the written-out docs folder."""
