"""Watching forum threads: which topics, reading new posts, turning them into sign-ups.

Data flows one way: forum → detection → sign-up → outbox. The gateway
(bot/discourse) fetches; `PostIngestor` decides and records inside one
transaction per batch, together with the cursor that says the batch is done.
"""
