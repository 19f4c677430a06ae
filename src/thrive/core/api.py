"""API error shape: every refusal or bad request is a 4xx with {"message", "field"}."""

from typing import Any

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import Refusal


def _first_message(detail: Any) -> tuple[str, str | None]:
    if isinstance(detail, dict):
        field, value = next(iter(detail.items()))
        message, _ = _first_message(value)
        return message, None if field == "non_field_errors" else str(field)
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail), None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Refusal):
        return Response(
            {"message": exc.message, "field": exc.field},
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Not found, or you do not have access to it.")
    response = drf_exception_handler(exc, context)
    if response is not None:
        message, field = _first_message(response.data)
        body: dict[str, Any] = {"message": message, "field": field}
        if isinstance(exc, exceptions.ValidationError):
            body["errors"] = response.data
        response.data = body
    return response
