"""NLP: the spaCy model, helpers over its dependency parse, and sentence embeddings."""
