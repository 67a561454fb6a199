"""Learned readers over one fine-tuned small encoder: run time in :mod:`helpers.ml.encoder`, training in
:mod:`helpers.ml.finetune` (needs torch, which the run time never imports)."""
