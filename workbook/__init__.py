"""Mentorgesprekken-werkboek: helper package behind the workbook's notebooks.

``content`` loads the YAML content, ``quiz`` holds exercise logic, ``ui`` builds the
widgets the notebooks show. Notebooks import only from here.
"""

__version__ = "0.1.0"
