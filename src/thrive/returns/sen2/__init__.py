"""The SEN2 person-level return as plain data (`records`), built from Thrive's records,
validated, written as XML and CSV, and read back. Element names, code lists and checks follow
../shared/reference/sen2-details.md; what the DfE has not published to us is marked [U] there
and kept configurable here."""
