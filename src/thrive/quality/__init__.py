"""Quality assurance of EHC plans: automated plan checks, multi-agency audits and the
issuing gate (no inadequate plan is issued)."""
