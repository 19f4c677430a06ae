"""EHC plans as structured, versioned records, and the family's contributions to them."""
