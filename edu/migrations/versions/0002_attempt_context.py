"""attempt context, order seed and quiz version

Practice, homework and (later) contest rounds, kiosks and live games on the
same quiz each get their own attempts. Existing attempts move to the context
reports already read them in: an attempt on a quiz assigned to the class of
the student who made it becomes that class's; every other one is practice.
No attempt is dropped.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_CLASS_OF_ATTEMPT = """
    SELECT student.class_id FROM student
    JOIN assignment ON assignment.class_id = student.class_id
    WHERE student.learner_key = quizattempt.learner_key
      AND assignment.kind = 'quiz' AND assignment.slug = quizattempt.quiz_slug
"""


def upgrade() -> None:
    with op.batch_alter_table('quizattempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('context', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False,
                                      server_default='practice'))
        batch_op.add_column(sa.Column('context_id', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('seed', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('quiz_version', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False,
                                      server_default=''))
        batch_op.create_index('ix_quizattempt_lookup', ['learner_key', 'quiz_slug', 'context', 'context_id'],
                              unique=False)
    op.execute(f"UPDATE quizattempt SET context = 'class', context_id = ({_CLASS_OF_ATTEMPT}) "
               f"WHERE EXISTS ({_CLASS_OF_ATTEMPT})")


def downgrade() -> None:
    with op.batch_alter_table('quizattempt', schema=None) as batch_op:
        batch_op.drop_index('ix_quizattempt_lookup')
        batch_op.drop_column('quiz_version')
        batch_op.drop_column('seed')
        batch_op.drop_column('context_id')
        batch_op.drop_column('context')
