"""Local authorities, education settings, and the children and young people Thrive serves."""

from django.conf import settings
from django.db import models

from thrive.law import codes


class LocalAuthority(models.Model):
    code = models.CharField("DfE LA number", max_length=3, unique=True)
    gss_code = models.CharField("ONS code", max_length=9, blank=True)
    name = models.CharField(max_length=100)
    region = models.CharField(max_length=60, blank=True)

    class Meta:
        verbose_name_plural = "local authorities"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Setting(models.Model):
    """A school, college or early years provider (from Get Information About Schools)."""

    urn = models.CharField("URN", max_length=6, unique=True, null=True, blank=True)
    ukprn = models.CharField("UKPRN", max_length=8, blank=True)
    name = models.CharField(max_length=150)
    establishment_type = models.CharField(
        max_length=40, choices=codes.ESTABLISHMENT_TYPES.choices()
    )
    phase = models.CharField(max_length=30, choices=codes.PHASES.choices())
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT)
    postcode = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Child(models.Model):
    """A child or young person aged 0 to 25. Personal data: reach it only through selectors."""

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    upn = models.CharField("UPN", max_length=13, blank=True, db_index=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    sex = models.CharField(max_length=1, choices=codes.SEXES.choices())
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITIES.choices())
    primary_need = models.CharField(max_length=5, choices=codes.SEN_TYPES.choices(), blank=True)
    secondary_need = models.CharField(max_length=5, choices=codes.SEN_TYPES.choices(), blank=True)
    home_local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT)
    setting = models.ForeignKey(Setting, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "children and young people"
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return f"Child {self.pk}"  # never a name: str() ends up in logs

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Relationship(models.TextChoices):
    PARENT = "parent", "Parent"
    CARER = "carer", "Carer"
    YOUNG_PERSON = "young_person", "The young person themselves"


class FamilyLink(models.Model):
    """A family account's link to a child: the only way a parent, carer or young person sees a
    record. A young person over compulsory school age speaks for themselves (CFA 2014 s.80 and
    Code of Practice 8.13); their own link is `young_person`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="family_links"
    )
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="family_links")
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "child"], name="one_link_per_child")]

    def __str__(self) -> str:
        return f"{self.get_relationship_display()} of {self.child}"
