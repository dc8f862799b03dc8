"""The use cases: a store, the domain and a clock together; screens and commands call these."""
