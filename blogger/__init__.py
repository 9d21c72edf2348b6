"""Moving in from Blogger: `manage.py import_blogger` and the old addresses it keeps.

This app sits above the others: it writes posts, pages and comments through their own
models and services; nothing in posts, comments or tips imports it.
"""
