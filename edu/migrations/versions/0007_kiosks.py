"""kiosks: kiosks and their plays

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kiosk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('quiz_slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('question_count', sa.Integer(), nullable=False),
    sa.Column('idle_seconds', sa.Integer(), nullable=False),
    sa.Column('attract_vi', sa.Text(), nullable=False),
    sa.Column('attract_en', sa.Text(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('setup_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('setup_expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('device_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('paired_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_device_hash'), ['device_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_kiosk_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kiosk_setup_hash'), ['setup_hash'], unique=True)

    op.create_table('kioskplay',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kiosk_id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('nickname', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['quizattempt.id'], ),
    sa.ForeignKeyConstraint(['kiosk_id'], ['kiosk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id')
    )
    with op.batch_alter_table('kioskplay', schema=None) as batch_op:
        batch_op.create_index('ix_kioskplay_kiosk_started', ['kiosk_id', 'started_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('kioskplay', schema=None) as batch_op:
        batch_op.drop_index('ix_kioskplay_kiosk_started')

    op.drop_table('kioskplay')
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_setup_hash'))
        batch_op.drop_index(batch_op.f('ix_kiosk_owner_id'))
        batch_op.drop_index(batch_op.f('ix_kiosk_device_hash'))

    op.drop_table('kiosk')
