"""The SEND data dashboard: live measures from case records, with DfE definitions, equity
breakdowns and benchmarks. Reads only."""
