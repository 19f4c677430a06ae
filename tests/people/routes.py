from tests.routes import MANAGER, Route

ROUTES = {
    "people:child_access_log": Route("/children/{child}/access-log/", MANAGER),
}
