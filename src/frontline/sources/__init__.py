"""Sources: reading files, folders and JSONL, decoding, fetching pages and feeds, and the article's language."""
