"""A minimal standalone Django site serving one article with django-contrib-comments, for
benchmarks/contrib_comments_load.py. It imports nothing from the Border Blog."""
