"""school confirmation: an organiser confirms which school a teacher teaches at

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, never by rebuilding "user", which other tables refer to
    # (SQLite cannot rebuild it while foreign keys are enforced). Schools chosen
    # before this revision stay unconfirmed: nobody vouched for them.
    op.add_column('user', sa.Column('school_chosen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.add_column('user', sa.Column('school_confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':  # its ALTER TABLE can add a column with a reference, not a constraint on its own
        op.execute('ALTER TABLE "user" ADD COLUMN school_confirmed_by INTEGER '
                   'CONSTRAINT fk_user_school_confirmed_by REFERENCES "user" (id)')
    else:
        op.add_column('user', sa.Column('school_confirmed_by', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_user_school_confirmed_by', 'user', 'user', ['school_confirmed_by'], ['id'])


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    with op.batch_alter_table('user', schema=None) as batch_op:
        if not sqlite:  # SQLite keeps no name for a reference made in ADD COLUMN: the rebuild drops it with the column
            batch_op.drop_constraint('fk_user_school_confirmed_by', type_='foreignkey')
        batch_op.drop_column('school_confirmed_by')
        batch_op.drop_column('school_confirmed_at')
        batch_op.drop_column('school_chosen_at')
