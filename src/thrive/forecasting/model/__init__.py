"""The EHC plan population model (witan.send's mathematics in numpy, with trends and scenario
levers). Pure numpy/statsmodels: no Django.

states: the state space and transitions between January snapshots; estimate: Beta/Dirichlet
parameters from pooled (optionally weighted) history; trend: joiners ~ year fitted with a
population offset, as multipliers on the joining rate; levers: a scenario's levers as yearly
parameters and multipliers; simulate: vectorised across simulations; summarise: counts by
year, need, setting, NCY group, age band and state, aggregated within each simulation first;
costs and places: money and places needed from the same simulations; population: the general
population by NCY; goalseek: the factor on a flow that reaches a target."""
