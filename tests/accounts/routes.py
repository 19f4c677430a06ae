from tests.routes import EVERYONE, Route

ROUTES = {
    "accounts:sign_in": Route("/accounts/sign-in/", EVERYONE),
    "accounts:sign_out": Route("/accounts/sign-out/", EVERYONE, "post"),
}
