from tests.routes import INSIGHT, Route

ROUTES = {
    "benchmarks:benchmark_detail": Route("/benchmarks/", INSIGHT),
}
