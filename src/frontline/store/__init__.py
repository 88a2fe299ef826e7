"""The store: SQLite or PostgreSQL behind one interface, and the query layer that reads it."""
