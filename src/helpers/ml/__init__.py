"""Model plumbing shared by sentiment and stance: the fine-tuned encoder at run time (``encoder``);
training kept apart (``finetune``, needs requirements-train.txt)."""
