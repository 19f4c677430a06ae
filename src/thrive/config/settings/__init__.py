"""Settings: base (shared), local (the embedded demo), test, production."""
