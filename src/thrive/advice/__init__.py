"""Advice for an EHC needs assessment from professionals (SEND Regulations 2014, reg. 6)."""
