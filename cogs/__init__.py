"""discord.py adapters: parse the interaction, call one service, render from the catalogs."""
