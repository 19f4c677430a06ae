from tests.routes import (
    ADMIN,
    CASEWORK,
    EVERYONE,
    FAMILIES,
    IMPROVEMENT,
    INSIGHT,
    PRACTITIONERS,
    Route,
)

ROUTES = {
    # Home sends each signed-in person to their own work (portals add their visitors).
    "home": Route("/", CASEWORK | ADMIN | PRACTITIONERS | FAMILIES | INSIGHT | IMPROVEMENT),
    "api_schema": Route("/api/schema/", EVERYONE),
    "health": Route("/healthz", EVERYONE),
}
