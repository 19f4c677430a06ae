"""`thrive demo-users`: create the demo sign-ins and print what each can try."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from thrive.demo.users import DEMO_PASSWORD, demo_sign_ins, demo_users_ensure


class Command(BaseCommand):
    help = (
        "Create the demo sign-ins (council staff, practitioners and families) and print "
        "them, with something each can try in the synthetic area."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        demo_users_ensure()
        sign_ins = demo_sign_ins(timezone.localdate())
        name_width = max(len("Username"), *(len(s.username) for s in sign_ins))
        role_width = max(len("Role"), *(len(s.role) for s in sign_ins))
        self.stdout.write("\nThrive is starting on http://127.0.0.1:8000\n")
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):\n")
        self.stdout.write(f"  {'Username':<{name_width}}  {'Role':<{role_width}}  What to try")
        for s in sign_ins:
            self.stdout.write(f"  {s.username:<{name_width}}  {s.role:<{role_width}}  {s.try_this}")
        self.stdout.write(
            "\nEmails to these accounts (all @example.org) are printed below by the task worker, "
            "not sent.\n"
        )
