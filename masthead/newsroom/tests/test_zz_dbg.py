import pytest
pytestmark = pytest.mark.django_db
def test_dbg(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    import re
    print("IDS", re.findall(r'id="([a-z-]+-section)"', html))
