"""Geography: the gazetteer, the romanisation of Ukrainian and Russian place names, and the starting line (who held
what before any report)."""
