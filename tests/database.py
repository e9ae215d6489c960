"""Setting up what a test is not about, straight through the app's database session."""
from edu.web.db import get_session


def run(app, action):
    """action(db) inside the app, committed; its result."""
    with app.app_context():
        result = action(get_session())
        get_session().commit()
        return result
