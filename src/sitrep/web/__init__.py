"""`sitrep serve`: the HTTP API (`sitrep.web.app`), the analysts' page (`static/`), and its commands
(`sitrep.web.cli`: `serve`, `users`)."""
