"""Day in My Life: the "day in the life of the child" interview for neglect assessments.

The package's core (templates, cases, interchange) imports no Qt; `dayinlife.ui` and
`dayinlife.app` are the only places that do.
"""

__version__ = "0.1.0"
