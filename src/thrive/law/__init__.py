"""The law as code: statutory rules, identifiers and code lists for SEND in England.

Everything here is plain Python (standard library only). There is no Django and no
other Thrive import, so the rules can be read, tested and reused on their own.

Modules:

- ``thrive.law.clock``: the EHC needs assessment clock under the SEND Regulations 2014
  (regs 5, 8, 10 and 13): due dates, deadline states, exceptions and which steps may be
  recorded next.
- ``thrive.law.identifiers``: UPN (CBDS rules 1510-1550), ULN, NHS number and postcode
  checks.
- ``thrive.law.codes``: SEN2 and CBDS code lists with plain-English labels, Annex A
  phases and DfE age groups.
- ``thrive.law.reviews``: the life of a plan after it is issued: annual reviews (CFA 2014
  s.44, regs 18 to 21), amendments (reg. 22), phase transfers, ceasing (s.45, reg. 31),
  mediation and appeal deadlines, national curriculum years and bank holidays in England.

Rules are pure functions of their arguments. Nothing reads the system clock: callers pass
``today``. Every rule's docstring cites its source, and ``docs/law.md`` indexes them with
confidence tags ([V] verified, [S] secondary source, [U] unverified).
"""
