"""Temperature scaling (Guo et al., ICML 2017): the one fitting step both trained models share, numpy only."""

from __future__ import annotations

import numpy as np

#: Temperatures tried by :func:`fit_temperature`.
TEMPERATURES = tuple(round(float(t), 2) for t in np.geomspace(0.5, 50, 41))


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature T minimising the log loss of ``softmax(logits / T)`` (Guo et al., ICML 2017).

    Dividing by T changes no label, only how sure the probabilities, and so the scores, are: logits
    that sum two models' logits are far too sure as they stand.
    """

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean())

    return min(TEMPERATURES, key=lambda t: (round(nll(t), 6), t))


def log_softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise log-softmax of ``(n, k)`` logits."""
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))
