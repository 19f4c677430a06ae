"""Published statistics to compare against: DfE EHC plan statistics for every local
authority, statistical neighbours, and ONS population estimates. Loaded by a command."""
