"""Flask extensions, created once and bound in create_app."""
from flask_babel import lazy_gettext as _l
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
htmx = HTMX()

login_manager = LoginManager()
login_manager.login_view = "auth.signin"
login_manager.login_message = _l("Please sign in to see that page.")
login_manager.login_message_category = "info"
