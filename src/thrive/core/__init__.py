"""Cross-cutting pieces: audit log, errors, GOV.UK layouts and components.

Imports no domain app."""
