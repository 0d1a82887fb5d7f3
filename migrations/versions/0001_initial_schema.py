"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('forum_post',
    sa.Column('post_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('intent', sa.String(length=8), nullable=False),
    sa.Column('groups', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('post_id', name=op.f('pk_forum_post'))
    )
    with op.batch_alter_table('forum_post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_post_topic_id'), ['topic_id'], unique=False)

    op.create_table('group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=63), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closed_reason', sa.Text(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('commitment', sa.Text(), nullable=True),
    sa.Column('roster_visibility', sa.String(length=16), nullable=False),
    sa.Column('discord_channel_id', sa.BigInteger(), nullable=True),
    sa.Column('discourse_topic_id', sa.Integer(), nullable=True),
    sa.Column('discourse_category_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group')),
    sa.UniqueConstraint('slug', name=op.f('uq_group_slug'))
    )
    op.create_table('link_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('discord_id', sa.BigInteger(), nullable=False),
    sa.Column('discourse_username', sa.String(length=60), nullable=False),
    sa.Column('code_hash', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_link_code'))
    )
    with op.batch_alter_table('link_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_code_discord_id'), ['discord_id'], unique=False)

    op.create_table('meeting_state',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_meeting_state'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('discourse_username', sa.String(length=60), nullable=True),
    sa.Column('discourse_key', sa.String(length=60), nullable=True),
    sa.Column('discord_id', sa.BigInteger(), nullable=True),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('discord_id', name=op.f('uq_person_discord_id')),
    sa.UniqueConstraint('discourse_key', name=op.f('uq_person_discourse_key'))
    )
    op.create_table('watched_topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('groups', sa.JSON(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('backfill_after_post_id', sa.Integer(), nullable=False),
    sa.Column('backfill_done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watched_topic')),
    sa.UniqueConstraint('topic_id', name=op.f('uq_watched_topic_topic_id'))
    )
    op.create_table('watcher_state',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_watcher_state'))
    )
    op.create_table('webhook_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=120), nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_event')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_webhook_event_dedupe_key'))
    )
    with op.batch_alter_table('webhook_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_event_processed_at'), ['processed_at'], unique=False)

    op.create_table('meeting_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('rule_text', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('rrule', sa.String(length=200), nullable=True),
    sa.Column('start_local', sa.String(length=5), nullable=True),
    sa.Column('rule_date', sa.Date(), nullable=True),
    sa.Column('start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tz', sa.String(length=64), nullable=False),
    sa.Column('duration_seconds', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('anchor_group_id', sa.Integer(), nullable=True),
    sa.Column('anchor_name', sa.String(length=100), nullable=True),
    sa.Column('offset_seconds', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['anchor_group_id'], ['group.id'], name=op.f('fk_meeting_series_anchor_group_id_group')),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], name=op.f('fk_meeting_series_created_by_id_person')),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], name=op.f('fk_meeting_series_group_id_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series'))
    )
    with op.batch_alter_table('meeting_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_series_cancelled_at'), ['cancelled_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_series_group_id'), ['group_id'], unique=False)

    op.create_table('signup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('intent', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_reason', sa.String(length=200), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('source_key', sa.String(length=120), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('post_version', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['changed_by_id'], ['person.id'], name=op.f('fk_signup_changed_by_id_person')),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], name=op.f('fk_signup_group_id_group')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_signup_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signup')),
    sa.UniqueConstraint('source_key', name=op.f('uq_signup_source_key'))
    )
    with op.batch_alter_table('signup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signup_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signup_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signup_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signup_status'), ['status'], unique=False)

    op.create_table('meeting_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('original_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('new_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], name=op.f('fk_meeting_exception_created_by_id_person')),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meeting_exception_series_id_meeting_series')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_exception')),
    sa.UniqueConstraint('series_id', 'original_start', name=op.f('uq_meeting_exception_series_id_original_start'))
    )
    with op.batch_alter_table('meeting_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_exception_series_id'), ['series_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('signup_id', sa.Integer(), nullable=True),
    sa.Column('meeting_reminders', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], name=op.f('fk_membership_group_id_group')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person')),
    sa.ForeignKeyConstraint(['signup_id'], ['signup.id'], name=op.f('fk_membership_signup_id_signup')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('recipient', sa.String(length=255), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=200), nullable=False),
    sa.Column('signup_id', sa.Integer(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dead_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('remote_ref', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['signup_id'], ['signup.id'], name=op.f('fk_notification_signup_id_signup')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_notification_idempotency_key'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_signup_id'), ['signup_id'], unique=False)

    op.create_table('signup_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('signup_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=60), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], name=op.f('fk_signup_event_actor_id_person')),
    sa.ForeignKeyConstraint(['signup_id'], ['signup.id'], name=op.f('fk_signup_event_signup_id_signup')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signup_event'))
    )
    with op.batch_alter_table('signup_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signup_event_signup_id'), ['signup_id'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('original_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agenda_notification_id', sa.Integer(), nullable=True),
    sa.Column('agenda_url', sa.String(length=300), nullable=True),
    sa.Column('minutes_asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('minutes_url', sa.String(length=300), nullable=True),
    sa.Column('minutes_by_id', sa.Integer(), nullable=True),
    sa.Column('minutes_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agenda_notification_id'], ['notification.id'], name=op.f('fk_meeting_agenda_notification_id_notification')),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], name=op.f('fk_meeting_group_id_group')),
    sa.ForeignKeyConstraint(['minutes_by_id'], ['person.id'], name=op.f('fk_meeting_minutes_by_id_person')),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meeting_series_id_meeting_series')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('series_id', 'original_start', name=op.f('uq_meeting_series_id_original_start'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_series_id'), ['series_id'], unique=False)

    op.create_table('meeting_poll',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('candidates', sa.JSON(), nullable=False),
    sa.Column('duration_seconds', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('booked_candidate', sa.Integer(), nullable=True),
    sa.Column('booked_series_id', sa.Integer(), nullable=True),
    sa.Column('notification_id', sa.Integer(), nullable=True),
    sa.Column('discord_message_ref', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['booked_series_id'], ['meeting_series.id'], name=op.f('fk_meeting_poll_booked_series_id_meeting_series')),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], name=op.f('fk_meeting_poll_created_by_id_person')),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], name=op.f('fk_meeting_poll_group_id_group')),
    sa.ForeignKeyConstraint(['notification_id'], ['notification.id'], name=op.f('fk_meeting_poll_notification_id_notification')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_poll'))
    )
    with op.batch_alter_table('meeting_poll', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_poll_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_poll_group_id'), ['group_id'], unique=False)

    op.create_table('poll_vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_poll_vote_person_id_person')),
    sa.ForeignKeyConstraint(['poll_id'], ['meeting_poll.id'], name=op.f('fk_poll_vote_poll_id_meeting_poll')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_vote')),
    sa.UniqueConstraint('poll_id', 'person_id', name=op.f('uq_poll_vote_poll_id_person_id'))
    )
    with op.batch_alter_table('poll_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_vote_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_poll_vote_poll_id'), ['poll_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('poll_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_vote_poll_id'))
        batch_op.drop_index(batch_op.f('ix_poll_vote_person_id'))

    op.drop_table('poll_vote')
    with op.batch_alter_table('meeting_poll', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_poll_group_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_poll_closed_at'))

    op.drop_table('meeting_poll')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_series_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_group_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('signup_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signup_event_signup_id'))

    op.drop_table('signup_event')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_signup_id'))
        batch_op.drop_index(batch_op.f('ix_notification_next_attempt_at'))
        batch_op.drop_index(batch_op.f('ix_notification_kind'))

    op.drop_table('notification')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_person_id'))
        batch_op.drop_index(batch_op.f('ix_membership_group_id'))

    op.drop_table('membership')
    with op.batch_alter_table('meeting_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_exception_series_id'))

    op.drop_table('meeting_exception')
    with op.batch_alter_table('signup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signup_status'))
        batch_op.drop_index(batch_op.f('ix_signup_post_id'))
        batch_op.drop_index(batch_op.f('ix_signup_person_id'))
        batch_op.drop_index(batch_op.f('ix_signup_group_id'))

    op.drop_table('signup')
    with op.batch_alter_table('meeting_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_series_group_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_series_cancelled_at'))

    op.drop_table('meeting_series')
    with op.batch_alter_table('webhook_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_event_processed_at'))

    op.drop_table('webhook_event')
    op.drop_table('watcher_state')
    op.drop_table('watched_topic')
    op.drop_table('person')
    op.drop_table('meeting_state')
    with op.batch_alter_table('link_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_code_discord_id'))

    op.drop_table('link_code')
    op.drop_table('group')
    with op.batch_alter_table('forum_post', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_post_topic_id'))

    op.drop_table('forum_post')
