"""contests: schools, contests, rounds, participants, draws

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('school',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('province', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('commune', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('province', 'commune', 'name')
    )
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_province'), ['province'], unique=False)

    op.create_table('contest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organiser_id', sa.Integer(), nullable=False),
    sa.Column('title_vi', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('title_en', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('rules_vi', sa.Text(), nullable=False),
    sa.Column('rules_en', sa.Text(), nullable=False),
    sa.Column('grades', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organiser_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contest_organiser_id'), ['organiser_id'], unique=False)

    op.create_table('contestround',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name_vi', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('opens_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('closes_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('time_limit_minutes', sa.Integer(), nullable=False),
    sa.Column('draw', sa.Text(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('scope_school_id', sa.Integer(), nullable=True),
    sa.Column('scope_province', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('entry', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('qualify_round_id', sa.Integer(), nullable=True),
    sa.Column('qualify_top_k', sa.Integer(), nullable=True),
    sa.Column('qualify_min_percent', sa.Integer(), nullable=True),
    sa.Column('publish', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('published_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('public_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contest.id'], ),
    sa.ForeignKeyConstraint(['qualify_round_id'], ['contestround.id'], ),
    sa.ForeignKeyConstraint(['scope_school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contestround', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contestround_contest_id'), ['contest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contestround_public_code'), ['public_code'], unique=True)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('learner_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('display_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('class_name', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=True),
    sa.Column('identity', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('confirmed_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classroom.id'], ),
    sa.ForeignKeyConstraint(['confirmed_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['contestround.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'identity'),
    sa.UniqueConstraint('round_id', 'learner_key')
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_code_hash'), ['code_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_participant_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_school_id'), ['school_id'], unique=False)

    op.create_table('contestdraw',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('deadline', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['quizattempt.id'], ),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ),
    sa.PrimaryKeyConstraint('attempt_id'),
    sa.UniqueConstraint('participant_id')
    )
    # Added in place, never by rebuilding a table that others refer to (SQLite
    # cannot rebuild those while foreign keys are enforced).
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in ('classroom', 'user'):
        if sqlite:  # its ALTER TABLE can add a column with a reference, not a constraint on its own
            op.execute(f'ALTER TABLE "{table}" ADD COLUMN school_id INTEGER '
                       f'CONSTRAINT fk_{table}_school_id REFERENCES school (id)')
        else:
            op.add_column(table, sa.Column('school_id', sa.Integer(), nullable=True))
            op.create_foreign_key(f'fk_{table}_school_id', table, 'school', ['school_id'], ['id'])
    with op.batch_alter_table('quizanswer', schema=None) as batch_op:  # no table refers to it: rebuilt on SQLite
        batch_op.alter_column('question_id', existing_type=sa.VARCHAR(length=100),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=201), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('quizanswer', schema=None) as batch_op:
        batch_op.alter_column('question_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=201),
                              type_=sa.VARCHAR(length=100), existing_nullable=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in ('user', 'classroom'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if not sqlite:  # SQLite keeps no name for a reference made in ADD COLUMN: the rebuild drops it with the column
                batch_op.drop_constraint(f'fk_{table}_school_id', type_='foreignkey')
            batch_op.drop_column('school_id')
    op.drop_table('contestdraw')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_school_id'))
        batch_op.drop_index(batch_op.f('ix_participant_round_id'))
        batch_op.drop_index(batch_op.f('ix_participant_code_hash'))
        batch_op.drop_index(batch_op.f('ix_participant_class_id'))

    op.drop_table('participant')
    with op.batch_alter_table('contestround', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contestround_public_code'))
        batch_op.drop_index(batch_op.f('ix_contestround_contest_id'))

    op.drop_table('contestround')
    with op.batch_alter_table('contest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contest_organiser_id'))

    op.drop_table('contest')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_province'))

    op.drop_table('school')
