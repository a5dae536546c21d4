"""The graph's nodes: one small function of (state, runtime) each."""
