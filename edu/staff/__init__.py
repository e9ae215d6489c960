"""Staff: sign-in and accounts, and the admin pages."""
from . import admin, auth

BLUEPRINTS = (auth.bp, admin.bp)
