"""Homer: a pt-BR lead-qualification agent."""
