"""session version and disabling for staff accounts; joining a class can be closed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('disabled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.add_column(sa.Column('joining_open', sa.Boolean(), nullable=False, server_default='1'))  # a plain default: SQLite adds the column without rebuilding the table


def downgrade() -> None:
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.drop_column('joining_open')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('disabled_at')
        batch_op.drop_column('session_version')
