"""The services the synthetic council asks for advice, each with a shared inbox
(accounts.Organisation) and a few synthetic practitioners who write the advice. Schools,
colleges and nurseries get an inbox of their own, with their SENCo, when first asked.
Pure Python: the planner picks who submitted each piece of advice."""

from typing import Final, NamedTuple


class Service(NamedTuple):
    name: str
    kind: str  # accounts.OrganisationKind value
    email: str
    #: (username, first name, last name) of the practitioners who submit its advice.
    staff: tuple[tuple[str, str, str], ...]


#: Keyed by thrive.law.clock.Contributor values. Education advice goes to the child's
#: setting; this service answers for children with no setting.
SERVICES: Final = {
    "educational_psychology": Service(
        "Educational Psychology Service",
        "educational_psychology",
        "educational.psychology@example.org",
        (("eps.hollis", "Ruth", "Hollis"), ("eps.adebayo", "Tunde", "Adebayo"),
         ("eps.marsh", "Helen", "Marsh"), ("eps.kaur", "Simran", "Kaur")),
    ),
    "health": Service(
        "Community Paediatrics and Designated Clinical Officer Service",
        "health",
        "send.health@example.org",
        (("health.okoro", "Chidi", "Okoro"), ("health.fenwick", "Laura", "Fenwick"),
         ("health.ashworth", "Tom", "Ashworth")),
    ),
    "social_care": Service(
        "Children with Disabilities Social Care Team",
        "social_care",
        "disabled.children@example.org",
        (("care.bright", "Nadia", "Bright"), ("care.walton", "Gary", "Walton")),
    ),
    "education": Service(
        "Specialist Teaching and Early Years Inclusion Service",
        "other",
        "inclusion@example.org",
        (("sts.palmer", "Joanne", "Palmer"), ("sts.iqbal", "Imran", "Iqbal")),
    ),
    "other": Service(
        "Sensory and Physical Support Service",
        "other",
        "sensory.support@example.org",
        (("sps.doyle", "Fiona", "Doyle"), ("sps.mensah", "Kwame", "Mensah")),
    ),
}  # fmt: skip
STAFF: Final = {contributor: service.staff for contributor, service in SERVICES.items()}


def setting_inbox_email(urn: str) -> str:
    return f"send.{urn}@example.org"


def senco_username(urn: str) -> str:
    return f"senco.{urn}"
