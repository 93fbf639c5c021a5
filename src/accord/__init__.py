"""accord: a sourced knowledge base of AI-governance facts."""

__version__ = "0.1.0"
