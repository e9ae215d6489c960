"""Application logic. Routes call these; these never touch the request."""
