from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def tips_onion_address():
    """The onion service's address for the tip line, or "" when there is none."""
    return settings.TIPS_ONION_ADDRESS.strip()


@register.filter
def file_size(size):
    """A file size as sources and editors read it: "12 KB", "3.4 MB", "25 MB"."""
    if size < 2**20:
        return f"{max(1, round(size / 2**10))} KB"
    megabytes = size / 2**20
    return f"{megabytes:.1f} MB" if megabytes < 10 else f"{megabytes:.0f} MB"
