"""Replaces a data file's text atomically, for the scripts that rewrite
seeds/lexicons files in place (calibrate_confidence.py,
fit_confidence_features.py): the lines go to a temporary file beside it,
which takes the file's permissions and is renamed over it, so a crash leaves
the old file or the new one, never half of one."""

import os
import tempfile


def replace_file(path, lines):
    directory = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{base}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines(lines)
        os.chmod(tmp, os.stat(path).st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
