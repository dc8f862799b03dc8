"""Storage: sqlite-utils only. Returns domain objects; imports no Textual."""
