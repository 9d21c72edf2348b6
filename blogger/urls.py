"""Blogger's addresses, as its blogs wrote them (blogger/old_addresses.py answers them).

None of these is an address of ours: Blogger's end in .html or have no trailing slash
where ours have one, so the order of the site's URL list does not matter
(tests/blogger/test_old_addresses.py checks both ways).
"""

from django.urls import path, re_path

from . import old_addresses

app_name = "blogger"

# Blogger names its feeds "default" (full posts) or "summary".
FEED = "(?:default|summary)"

urlpatterns = [
    re_path(r"^[0-9]{4}/[0-9]{2}/[^/]+\.html$", old_addresses.post, name="post"),
    re_path(r"^p/[^/]+\.html$", old_addresses.page, name="page"),
    re_path(
        r"^(?P<year>[0-9]{4})_(?P<month>0[1-9]|1[0-2])_[0-9]{2}_archive\.html$",
        old_addresses.month_archive,
        name="month-archive",
    ),
    path("search/label/<path:name>", old_addresses.label, name="label"),
    path("search", old_addresses.search, name="search"),
    re_path(rf"^feeds/posts/{FEED}$", old_addresses.posts_feed, name="posts-feed"),
    re_path(rf"^feeds/posts/{FEED}/-/(?P<name>.+)$", old_addresses.label_feed, name="label-feed"),
    re_path(rf"^feeds/comments/{FEED}$", old_addresses.comments_feed, name="comments-feed"),
    re_path(
        rf"^feeds/(?P<entry_id>[0-9]{{1,30}})/comments/{FEED}$",
        old_addresses.post_comments_feed,
        name="post-comments-feed",
    ),
    # Blogger's oldest feed addresses, still in many feed readers.
    path("atom.xml", old_addresses.posts_feed, name="atom-feed"),
    path("rss.xml", old_addresses.posts_feed, name="rss-feed"),
]
