"""The bot's small web server: Discourse webhooks, calendar feeds, answer links."""
