"""Identity resolution algorithms: turning matched record pairs into customers."""

from scv.identity.clustering import connected_components

__all__ = ["connected_components"]
