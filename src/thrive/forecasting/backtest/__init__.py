"""Back-testing forecasts of EHC plan counts against the published statistics (pure numpy)."""
