from typing import Any

from django.core.management.base import BaseCommand

from thrive.demo.users import DEMO_PASSWORD, DEMO_USERS, demo_users_ensure


class Command(BaseCommand):
    help = "Create the demo sign-ins (one per role) and print them."

    def handle(self, *args: Any, **options: Any) -> None:
        demo_users_ensure()
        self.stdout.write("\nThrive is starting on http://127.0.0.1:8000\n")
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec['username']:<10} {spec['role'].label}")
        self.stdout.write("")
