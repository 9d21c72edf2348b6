"""A constant 30 KB page with no database and no template: the ceiling of what a server
stack serves, measured beside each page by the load benchmarks. Imports nothing of any
site, so both the Border Blog's benchmark URLs and the comparison site can route to it."""

from django.http import HttpResponse

# 300 paragraphs of 104 bytes and the frame: 31,302 bytes. (Until 2026-11-28 a missing
# pair of brackets made it one paragraph and 300 closing tags, 1.7 KB; figures measured
# before then compare with that page.)
FIXED_PAGE = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>fixed</title></head><body>"
    + ("<p>" + "x" * 96 + "</p>\n") * 300
    + "</body></html>"
).encode()  # fmt: skip


def fixed_page(request):
    return HttpResponse(FIXED_PAGE)
