from typing import Any


def test_manager_reads_who_viewed_a_childs_record(client: Any, world: Any) -> None:
    world.sign_in(client, "case_officer")
    client.get(f"/cases/{world.case.pk}/", REMOTE_ADDR="10.1.2.3")
    world.sign_in(client, "send_manager")
    page = client.get(f"/children/{world.child.pk}/access-log/").content.decode()
    assert "viewed the case" in page
    assert "10.1.2.3" in page
    assert "Officer" in page


def test_access_log_is_404_for_a_case_officer(client: Any, world: Any) -> None:
    world.sign_in(client, "case_officer")
    assert client.get(f"/children/{world.child.pk}/access-log/").status_code == 404
