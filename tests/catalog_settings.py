"""Settings for re-extracting the catalogs into a scratch folder (see
masthead/editions/tests/test_catalogs.py)."""

import os
from pathlib import Path

from masthead.settings import *  # noqa: F403

LOCALE_PATHS = [Path(os.environ["MASTHEAD_SCRATCH_LOCALE"])]
