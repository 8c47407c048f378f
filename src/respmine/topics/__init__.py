"""Topic discovery: embeddings (cached by text hash), clustering and stable topic ids."""
