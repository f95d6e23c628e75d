"""Where output goes: standard output, a regular file (replaced atomically), a device or a link.

Every command that writes a file goes through `open_output`:

* standard output (``None`` or ``-``) is written as it comes; a write error (a full disk
  behind ``> file``) becomes an `OutputError` naming standard output;
* a path to a regular file, or to nothing yet, is written to a temporary file beside it
  (``.NAME.XXXX.partial``, a dot file: folder walks skip it) which is flushed to disk and
  then renamed over the name, so a failed or killed run leaves the old file as it was;
  the new file keeps the old one's permissions;
* a symbolic link is followed: the link stays, its target is written (replaced atomically
  when it is a regular file), as ``cp`` and shell redirection do;
* a device, a FIFO or a socket (``/dev/stdout``, ``/dev/full``, a named pipe) is opened and
  written through, never replaced by a regular file.

`check_outputs` refuses, before any work starts, an output whose folder is missing, an
output that is a folder, and an output that is one of the inputs (the same file, also
through links or hard links, or a file an input folder would read).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sitrep.errors import SitrepError
from sitrep.inputfiles import file_kind

STDOUT_NAMES = (None, "-")


class OutputError(SitrepError):
    """An output cannot be written (a missing folder, a full disk, an output that is an input)."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class _Guarded:
    """A file object whose write errors (other than a closed pipe) become `OutputError`s naming it."""

    def __init__(self, fh: IO[Any], name: str) -> None:
        self._fh = fh
        self._name = name

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write {self._name}: {_reason(exc)}")

    def write(self, data: Any) -> int:
        try:
            return self._fh.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def writelines(self, lines: Iterable[Any]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._fh.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    return path is None or str(path) == "-"


def check_outputs(outputs: Iterable[str | os.PathLike[str] | None], inputs: Iterable[str] = (),
                  *, read_suffixes: tuple[str, ...] = ()) -> None:
    """Refuse outputs that cannot be written or that would overwrite an input, before any work is done.

    `inputs` are the run's input names (files, folders; URLs and ``-`` are passed over);
    `read_suffixes` are the file names a folder input reads (an existing output of such a
    name inside an input folder is one of the inputs).
    """
    named: list[tuple[str, os.stat_result]] = []
    folders: list[str] = []
    for name in inputs:
        if name == "-" or "://" in name:
            continue
        try:
            info = os.stat(name)
        except OSError:
            continue  # a missing input is reported as a bad input when it is read
        if stat.S_ISDIR(info.st_mode):
            folders.append(os.path.realpath(name))
        else:
            named.append((name, info))
    for out in outputs:
        label = str(out)
        if is_stdout(out):
            out = _stdout_path()
            if out is None:
                continue  # a terminal, a pipe: no file to overwrite
            label = f"standard output ({out})"
        path = str(out)
        real = os.path.realpath(path)
        parent = os.path.dirname(real) or "."
        if not os.path.isdir(parent):
            what = "no such folder" if not os.path.exists(parent) else "not a folder"
            raise OutputError(f"cannot write {path}: {what} {parent}")
        try:
            info = os.stat(real)
        except FileNotFoundError:
            continue  # a new file
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write {path}: it is a folder (give a file name)")
        if not stat.S_ISREG(info.st_mode):
            continue  # a device or a pipe: written through, never read as an input here
        for name, other in named:
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise OutputError(f"the output {label} is the input {name}: refusing to overwrite an input "
                                  "(write the output to another file)")
        lower = real.lower()
        for folder in folders:
            if lower.endswith(read_suffixes) and real.startswith(folder.rstrip(os.sep) + os.sep):
                raise OutputError(f"the output {label} is one of the inputs (it is in the input folder {folder}): "
                                  "refusing to overwrite an input (write the output to another file)")


def _stdout_path() -> str | None:
    """The file standard output is redirected to (`> out.jsonl`), when it is a regular file and the
    system says which (Linux's /proc), else None."""
    try:
        fd = sys.stdout.fileno()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        link = f"/proc/self/fd/{fd}"
        return os.readlink(link) if os.path.islink(link) else None
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's capture), no /proc
        return None


def _new_file_mode(existing: os.stat_result | None) -> int:
    if existing is not None:
        return stat.S_IMODE(existing.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str] | None, *, binary: bool = False, newline: str | None = None
                ) -> Iterator[Any]:
    """A file object for the output `path` (see the module docstring); committed when the block ends
    without an exception. Errors become `OutputError`s that name the output."""
    if is_stdout(path):
        stream: Any = sys.stdout.buffer if binary else sys.stdout
        guarded = _Guarded(stream, "standard output")
        yield guarded
        guarded.flush()
        return
    name = str(path)
    real = os.path.realpath(name)
    try:
        existing: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {_reason(exc)}") from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"cannot write {name}: it is a folder (give a file name)")
    mode = "wb" if binary else "w"
    text_args: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": newline}
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe: write through it, as any command-line tool does.
        try:
            fh = open(real, mode, **text_args)  # noqa: SIM115 -- closed below
        except OSError as exc:
            raise OutputError(f"cannot write {name} ({file_kind(existing.st_mode)}): {_reason(exc)}") from None
        guarded = _Guarded(fh, name)
        try:
            yield guarded
            guarded.flush()
        finally:
            with contextlib.suppress(OSError):
                fh.close()
        return
    folder, base = os.path.split(real)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=".partial", dir=folder or ".")
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {_reason(exc)}") from None
    try:
        with open(fd, mode, **text_args) as fh:
            guarded = _Guarded(fh, name)
            yield guarded
            guarded.flush()
            try:
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OutputError(f"cannot write {name}: {_reason(exc)}") from None
        try:
            os.chmod(tmp, _new_file_mode(existing))
            os.replace(tmp, real)
        except OSError as exc:
            raise OutputError(f"cannot write {name}: {_reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def output_path(path: str | os.PathLike[str] | None) -> Path | None:
    """`path` as a Path, or None for standard output."""
    return None if is_stdout(path) else Path(str(path))
