"""kb: a structured-claims knowledge base of diplomatic meetings and stated positions."""

__version__ = "0.1.0"
