"""The contact form: store first, then email, so a valid message is never lost."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.common.ratelimit import Budget, allow

from .forms import ContactForm

logger = logging.getLogger(__name__)
CONTACT_BUDGET = Budget("contact", limit=5, window=600)


def handle_contact(page, request):
    template = page.get_template(request)
    context = page.get_context(request)
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_robot():
            # Answer as if it worked: a robot learns nothing to adapt to.
            return HttpResponseRedirect(page.url + "?sent=1")
        budget = getattr(settings, "CONTACT_RATE_LIMIT", None) or CONTACT_BUDGET
        if not allow(request, budget):
            form.is_valid()
            context.update(form=form, rate_limited=True)
            response = TemplateResponse(request, template, context, status=429)
            response["Retry-After"] = str(budget.retry_after())
            return response
        if form.is_valid():
            message = form.save(commit=False)
            message.page = page
            message.save()
            email_newsroom(page, message)
            return HttpResponseRedirect(page.url + "?sent=1")
        context.update(form=form)
        return TemplateResponse(request, template, context, status=400)
    context.update(form=ContactForm(), sent=request.GET.get("sent") == "1")
    return TemplateResponse(request, template, context)


def email_newsroom(page, message) -> None:
    recipient = page.to_address or settings.DEFAULT_FROM_EMAIL
    email = EmailMessage(
        subject=_("Contact form: %(subject)s") % {"subject": message.subject},
        body=f"{message.message}\n\n— {message.name} <{message.email}>",
        to=[recipient],
        reply_to=[message.email],
    )
    try:
        email.send()
    except Exception:  # the message is stored; the newsroom sees it in the admin
        logger.exception("Could not email contact message %s", message.pk)
        return
    message.emailed_at = timezone.now()
    message.save(update_fields=["emailed_at"])
