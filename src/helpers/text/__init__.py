"""Stage 1, text: the article read from its file, its sentences, and the one parsed document."""
