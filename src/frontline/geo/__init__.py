"""Geography: the gazetteer and the romanisation of Ukrainian and Russian place names."""
