"""Model plumbing shared by sentiment and stance: the encoder at run time; training kept apart."""
