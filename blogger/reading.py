"""A Blogger export read as a stream of entries (blogger/entries.py), in file order.

The file goes through defusedxml's iterparse, which refuses entity declarations (the
billion laughs, external entities); an external DTD is refused too. Each entry's
elements are dropped once blogger/formats.py has read them, so an export of any size
takes the memory of one entry.
"""

from collections import deque
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError, TreeBuilder
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser, iterparse

from .entries import Entry, ExportError
from .formats import ENTRY, AtomEntry, reader_for


def read_export(path) -> Iterator[Entry]:
    """The entries of the export at ``path``. Raises ExportError, naming the line, for a
    file that is not a Blogger export, is not well-formed, or is hostile."""
    try:
        source = open(path, "rb")  # noqa: SIM115 (the with below closes it, early stop too)
    except OSError as error:
        raise ExportError(f"cannot open {path}: {error.strerror}") from error
    with source:
        builder = _LineNotingBuilder()
        parser = _GuardedParser(builder)
        events = iterparse(source, ("start-ns", "start", "end"), parser)
        try:
            yield from _entries(events, builder)
        except ParseError as error:
            line, column = error.position
            reason = expat.ErrorString(error.code)
            raise ExportError(
                f"not well-formed XML: {reason} (column {column + 1})", line
            ) from error
        except DefusedXmlException as error:
            raise ExportError(_refusal(error), builder.expat.CurrentLineNumber) from error
        except OSError as error:
            raise ExportError(f"cannot read {path}: {error.strerror}") from error


class _GuardedParser(DefusedXMLParser):
    """defusedxml's parser, refusing also a DTD that would be fetched from elsewhere."""

    def __init__(self, builder):
        super().__init__(target=builder, forbid_dtd=True)
        builder.expat = self.parser

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        # A DOCTYPE with only an internal subset is harmless: its entities are refused.
        if sysid or pubid:
            super().defused_start_doctype_decl(name, sysid, pubid, has_internal_subset)


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, DTDForbidden):
        return f"the file asks for an external DTD ({error.sysid or error.pubid}); refused"
    if isinstance(error, EntitiesForbidden) and not (error.sysid or error.pubid):
        return (
            f"the file declares an entity ({error.name}); entity expansion is refused, as it "
            "is how a small file fills the memory (the billion laughs)"
        )
    where = getattr(error, "sysid", None) or getattr(error, "pubid", None)
    return f"the file refers to an external entity ({where}); refused, nothing is read from it"


class _LineNotingBuilder(TreeBuilder):
    """Builds the tree as usual, noting the line each element of an entry starts on:
    iterparse hands events over a chunk later, when the parser has moved on."""

    def __init__(self):
        super().__init__()
        self.expat = None
        self.depth = 0
        self.root_line = 1
        self.entry_lines = None  # element → line, for the entry being built
        self.finished = deque()  # those of entries built and not yet read

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.depth += 1
        if self.depth == 1:
            self.root_line = self.expat.CurrentLineNumber
        elif self.depth == 2 and tag == ENTRY:
            self.entry_lines = {}
        if self.entry_lines is not None:
            self.entry_lines[element] = self.expat.CurrentLineNumber
        return element

    def end(self, tag):
        element = super().end(tag)
        if self.depth == 2 and self.entry_lines is not None:
            self.finished.append(self.entry_lines)
            self.entry_lines = None
        self.depth -= 1
        return element


def _entries(events, builder) -> Iterator[Entry]:
    namespaces, root, read, depth = set(), None, None, 0
    for event, item in events:
        if event == "start-ns":
            namespaces.add(item[1])
        elif event == "start":
            depth += 1
            if root is None:
                root, read = item, reader_for(item.tag, namespaces, builder.root_line)
        else:
            depth -= 1
            if depth != 1:
                continue
            entry = read(AtomEntry(item, builder.finished.popleft())) if item.tag == ENTRY else None
            # Whatever the feed holds besides entries goes too: memory stays flat.
            item.clear()
            root.remove(item)
            if entry is not None:
                yield entry
