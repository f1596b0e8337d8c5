"""Helping curators write notes: scaffolding, importing from other tools, and drafting cards with a language model."""
