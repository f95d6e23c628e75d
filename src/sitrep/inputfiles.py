"""Input files as files: is this a regular file to read, and why not, in words.

Shared by `sitrep.ingest` and the batch planner (which must stay light to import). A FIFO
in an input folder would block a run for ever and a device would never end, so anything
that is not a regular file is refused with its reason; a loop of symbolic links and a
dangling link are said as such, not as "no such file or directory".
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """Opened something that is not a regular file (a FIFO, a device, a socket)."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, for a message: 'a FIFO', 'a device', 'a socket'."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading only if it is a regular file, without ever blocking on a FIFO.

    O_NONBLOCK makes opening a FIFO with no writer return at once; the type is then checked on
    the open descriptor itself (no race with a file swapped in between), and the flag cleared.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({file_kind(mode)})", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def display_name(name: str | Path) -> str:
    """A path as text that any writer takes: a file name that is not valid UTF-8 comes from the OS with
    surrogate escapes ('bad\\udcffname.txt'), which no UTF-8 file, store or Parquet column accepts; they are
    shown as U+FFFD. The path itself is kept for opening the file."""
    text = str(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if _escaped_only(text) \
            else text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def _escaped_only(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def unreadable_file(path: Path) -> str | None:
    """Why `path` is no regular file to read (a FIFO, a device, a loop of links, missing), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return stat_reason(path, exc)
    return None if stat.S_ISREG(mode) else f"not a regular file ({file_kind(mode)})"


def stat_reason(path: Path, exc: OSError) -> str:
    """Why `path` could not be read, in words: a loop of links and a dangling link are said as such."""
    if isinstance(exc, NotRegularFile):
        return exc.strerror or "not a regular file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (to {target}, which does not exist)"
    return os_reason(exc)


def os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc) or type(exc).__name__
