"""Extract community-empowerment programme records from Indonesian news articles."""

__version__ = "0.1.0"
