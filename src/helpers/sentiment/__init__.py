"""Stage 3, sentiment: how the article speaks of each mention, and how it portrays each actor."""
