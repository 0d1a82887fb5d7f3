"""Planning who hears about what, and rendering it in their language."""
