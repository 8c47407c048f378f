"""Theme coding: a versioned codebook, multi-label tagging with evidence, stance, and evaluation."""
