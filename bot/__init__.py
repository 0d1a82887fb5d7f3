"""coopbot: a companion bot for co-operatives' working groups."""

__version__ = "0.1.0"
