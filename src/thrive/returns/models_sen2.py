"""What the SEN2 validation report keeps: the queries a user has confirmed.

A query (a finding of severity "query") asks the council to check a value that is unusual
but may be right. Once someone has checked it, they confirm it here, so it no longer holds
up the export of that collection year. A confirmation names the finding by its rule, the
child and case it is about (Thrive's ids, never a name) and the XML element concerned."""

from django.conf import settings
from django.db import models


class Sen2QueryConfirmation(models.Model):
    year = models.PositiveSmallIntegerField("Collection year")
    rule_id = models.CharField(max_length=20)
    child_id = models.PositiveBigIntegerField(null=True, blank=True)
    case_id = models.PositiveBigIntegerField(null=True, blank=True)
    item = models.CharField("XML element", max_length=40)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "rule_id", "id"]
        # One per query: the service confirms with get_or_create (a unique constraint would
        # need NULLS NOT DISTINCT, which SQLite lacks).
        indexes = [models.Index(fields=["year", "rule_id"])]

    def __str__(self) -> str:
        return f"SEN2 {self.year} query {self.rule_id} confirmed"
