"""Writes of the improvement app, one module per part: each service is keyword-only with
`actor=`, atomic, audited, and refuses with `thrive.core.errors.Refusal`."""
