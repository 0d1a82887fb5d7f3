"""The Discord adapter: the only package under bot/ that imports discord.

`client.py` builds the bot, `context.py` is what cogs read services from,
`buttons.py` holds the persistent buttons, `messages.py` turns an outbox
payload into a Discord message, `sender.py` delivers outbox rows, and
`replies.py` answers every interaction, errors included.
"""
