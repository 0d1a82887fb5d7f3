"""The application: plain Python services that every entry point shares.

Services take and return ids, dataclasses and models, never Discord objects,
and own their transactions. Permission rules live here so the slash command,
the button, the CLI and the forum all obey the same ones.
"""
