"""The post page: a post, its comment thread and the comment form, served from a cached
shell with each request's own parts filled in, and answered with a 304 when the reader's
copy is current. ``PostPageView`` is the package's one entry point."""

from .views import PostPageView

__all__ = ["PostPageView"]
