"""What the tip line says to sources, in Spanish first and English beside it.

The tip pages are written for both languages at once (most sources write in Spanish),
so each message is a pair, marked up with its language for screen readers and
translation tools. File names the source chose are shown back to them in these
messages (escaped) and nowhere else.
"""

from django.conf import settings
from django.utils.html import conditional_escape, format_html

from .cleaning import ACCEPTED_TYPES, Reason


def both(spanish, english, **values):
    """The two versions side by side; ``values`` are escaped into both."""

    def render(text):
        return format_html(text, **values) if values else conditional_escape(text)

    return format_html(
        '<span lang="es">{}</span> <span lang="en">{}</span>', render(spanish), render(english)
    )


ACCEPTED_TYPES_ES = "JPEG, PNG, WebP, HEIC; MP4, MOV, WebM; PDF; texto plano (UTF-8)"

MESSAGE_REQUIRED = (
    "Escribe tu mensaje: qué pasó, dónde y cuándo.",
    "Please write your message: what happened, where and when.",
)
MESSAGE_TOO_LONG = (
    "El mensaje es demasiado largo (máximo {limit} caracteres); envía el resto como archivo.",
    "The message is too long (at most {limit} characters); send the rest as a file.",
)
CONTACT_TOO_LONG = (
    "Deja aquí solo una forma de contactarte (máximo {limit} caracteres).",
    "Leave just one way to reach you here (at most {limit} characters).",
)
NOTHING_TO_SEND = ("Escribe un mensaje o adjunta un archivo.", "Write a message or attach a file.")
EMPTY_FILE = ("«{name}» está vacío.", "“{name}” is empty.")
WRONG_CODE = (
    "Ningún envío corresponde a ese código. Revisa que estén las siete palabras.",
    "No tip matches that code. Check that all seven words are there.",
)
CODE_REQUIRED = ("Escribe tu código de recibo.", "Please type your receipt code.")
TOO_MANY_ATTEMPTS = (
    "Demasiados intentos desde esta conexión. Espera {minutes} minutos y vuelve a intentarlo.",
    "Too many attempts from this connection. Please wait {minutes} minutes and try again.",
)

FILE_REFUSALS = {
    Reason.NOT_ACCEPTED: (
        "«{name}» no es un tipo de archivo que aceptemos. Aceptamos: {accepted_es}.",
        "“{name}” is not a kind of file we accept. We accept: {accepted}.",
    ),
    Reason.UNREADABLE: (
        "«{name}» no se pudo abrir: puede estar dañado o no ser lo que parece.",
        "“{name}” could not be opened: it may be damaged, or not what it seems.",
    ),
    Reason.TOO_MANY_PIXELS: (
        "«{name}» es una imagen demasiado grande (más de {megapixels} megapíxeles).",
        "“{name}” is too large an image (over {megapixels} megapixels).",
    ),
    Reason.PASSWORD: (
        "«{name}» está protegido con contraseña. Envíalo sin la contraseña.",
        "“{name}” is protected by a password. Please send it without the password.",
    ),
    Reason.NOT_CLEANED: (
        "No pudimos quitar los metadatos de «{name}», así que no lo guardamos.",
        "We could not remove the metadata from “{name}”, so we did not keep it.",
    ),
    Reason.ATTACHED_FILES: (
        "«{name}» lleva archivos adjuntos dentro, que guardaríamos con sus metadatos. "
        "Envía esos archivos por separado (les quitaremos los metadatos) y el PDF sin ellos.",
        "“{name}” has files attached inside it, which we would keep with their metadata. "
        "Please send those files separately (we will remove their metadata) and the PDF "
        "without them.",
    ),
    Reason.JPEG_2000: (
        "«{name}» tiene imágenes JPEG 2000, de las que no podemos quitar los metadatos, "
        "así que no lo guardamos.",
        "“{name}” has JPEG 2000 images, whose metadata we cannot remove, so we did not keep it.",
    ),
}

UPLOAD_LIMITS = {
    "file_size": (
        "«{name}» pasa de {limit} MB, el máximo por archivo.",
        "“{name}” is over {limit} MB, the most one file may be.",
    ),
    "tip_size": (
        "Los archivos pasan de {limit} MB en total, el máximo por envío: «{name}» no cupo.",
        "The files come to over {limit} MB, the most one tip may carry: “{name}” did not fit.",
    ),
    "file_count": (
        "Puedes enviar hasta {limit} archivos a la vez: «{name}» sobró.",
        "You can send up to {limit} files at a time: “{name}” was one too many.",
    ),
}


def file_refused(reason, name):
    spanish, english = FILE_REFUSALS[reason]
    megapixels = settings.TIPS_MAX_IMAGE_PIXELS // 1_000_000
    return both(
        spanish,
        english,
        name=name,
        accepted=ACCEPTED_TYPES,
        accepted_es=ACCEPTED_TYPES_ES,
        megapixels=megapixels,
    )


def over_upload_limit(limit, name):
    spanish, english = UPLOAD_LIMITS[limit]
    value = {
        "file_size": settings.TIPS_MAX_FILE_SIZE // 2**20,
        "tip_size": settings.TIPS_MAX_TIP_SIZE // 2**20,
        "file_count": settings.TIPS_MAX_FILES,
    }[limit]
    return both(spanish, english, name=name, limit=value)
