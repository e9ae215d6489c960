"""which attempt counts, per class; retakes allowed or not, per assignment

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain defaults: SQLite adds these columns without rebuilding tables others refer to.
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempt_rule', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False,
                                      server_default='first'))
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retakes', sa.Boolean(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('retakes')
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.drop_column('attempt_rule')
