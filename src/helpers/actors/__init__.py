"""Stage 2, actors: who is in the article (gazetteer, mentions, resolution) and who said what."""
