"""The family portal: a parent, carer or young person's view of their own child's journey."""
