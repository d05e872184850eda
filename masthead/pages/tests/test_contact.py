"""The contact form: every valid message is kept; robots and floods are held off."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from masthead.common import ratelimit
from masthead.common.ratelimit import Budget
from masthead.pages.models import ContactMessage, ContactPage

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Rania Khoury",
    "email": "rania@example.org",
    "subject": "A date in your story",
    "message": "The vote took place on Tuesday, not Monday.",
    "website": "",
}


@pytest.fixture
def contact(home):
    return home.add_child(
        instance=ContactPage(
            title="Contact Us", slug="contact-us", to_address="desk@news.example"
        )
    )


def test_a_valid_message_is_stored_emailed_and_thanked(client, contact):
    response = client.post(contact.url, VALID)

    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.page) == (
        "Rania Khoury",
        "rania@example.org",
        contact,
    )
    assert stored.emailed_at is not None
    assert mail.outbox[0].to == ["desk@news.example"]
    assert mail.outbox[0].reply_to == ["rania@example.org"]
    assert "not Monday" in mail.outbox[0].body
    thanks = client.get(response["Location"])
    assert "Your message has reached the newsroom." in thanks.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-address", "Enter a valid email address."),
        ("name", "", "This field is required."),
        ("message", "", "This field is required."),
        ("message", "x" * 5001, "Ensure this value has at most 5000 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_keeps_what_was_typed(
    client, contact, field, value, message
):
    response = client.post(contact.url, {**VALID, field: value})

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html5lib")
    assert message in soup.select_one(".form-field--error").get_text()
    assert soup.find(id="id_subject")["value"] == VALID["subject"]
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_robots_filling_the_honeypot_are_thanked_and_ignored(client, contact):
    response = client.post(contact.url, {**VALID, "website": "http://spam.example"})

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_a_flood_is_rate_limited_without_losing_the_text(
    client, contact, settings, monkeypatch
):
    settings.CONTACT_RATE_LIMIT = Budget("contact", limit=2, window=600)
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_000_000.0)
    for _ in range(2):
        assert client.post(contact.url, VALID).status_code == 302

    response = client.post(contact.url, {**VALID, "subject": "Third message"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    soup = BeautifulSoup(response.content, "html5lib")
    assert soup.find(id="id_subject")["value"] == "Third message"
    assert soup.find(id="id_message").get_text() == VALID["message"]
    assert ContactMessage.objects.count() == 2
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_000_600.0)
    assert client.post(contact.url, VALID).status_code == 302


def test_a_failing_mail_server_loses_no_message(client, contact, settings):
    settings.EMAIL_BACKEND = "masthead.pages.tests.test_contact.BrokenBackend"

    response = client.post(contact.url, VALID)

    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert stored.emailed_at is None


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
