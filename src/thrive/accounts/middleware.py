"""Signs out a time-limited account (an inspector's) once its last day has passed, so a session
opened on the last day does not outlive the access it was given."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .policy import access_expired


class AccessEndsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and access_expired(user):
            logout(request)
            messages.info(request, "Your access to Thrive has ended, so you have been signed out.")
            return redirect("accounts:sign_in")
        return self.get_response(request)
