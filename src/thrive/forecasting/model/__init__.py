"""The EHC plan population model (witan.send's mathematics in numpy). Pure numpy: no Django.

states: the state space and transitions between January snapshots; estimate: Beta/Dirichlet
parameters from pooled history; simulate: vectorised across simulations; summarise: counts by
year, need, setting, NCY group and state, aggregated within each simulation first."""
