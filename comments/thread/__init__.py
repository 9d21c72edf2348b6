"""A post's comment thread as readers see it: numbered, threaded and paged, rendered to
HTML, cached, and completed per request with what only that visitor sees."""
