from django import forms
from django.utils.translation import gettext_lazy as _

from .messages import ContactMessage


class ContactForm(forms.ModelForm):
    # Left empty by people; filled in by robots that fill in every field.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
