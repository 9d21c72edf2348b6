import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderblog.settings")
# An app server never reads a development checkout's .env (DEBUG=1 there): a stray one
# on a production machine must not turn DEBUG on. ENV_FILE=.env asks for it explicitly.
os.environ.setdefault("ENV_FILE", "")

application = get_wsgi_application()
