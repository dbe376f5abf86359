"""Day in My Life: the "day in the life of the child" interview for neglect assessments.

A map of the package, in the order of the method (docs/architecture.md says more):

- Templates: `template_model` (Template → Stage → Topic, scales), `template_loader` (reading and
  checking the TOML files), `prompts` (wording filled in for one child), `template_choice` (which
  template suits a child), `vocab` (types of neglect, Assessment Framework).
- Case and household: `case` (a household, its adults and children, each child's interviews),
  `dates` (today, typed dates, ages), `wording` (headings and plurals said in several places).
- Interview: `interview` (what each person is shown, progress).
- Comparison: `voices` (whose accounts are compared, in what order, under what names), `compare`
  (agreement, how far apart, feelings, change over time), `evidence` (the same in words).
- Analysis: `analysis` (the practitioner's judgement, never the tool's).
- Report: `report/` (the Word document: model, writer, sections, anonymising, options).
- Store and files: `session` (the one door: every change a screen or the command line makes),
  `store` (the encrypted database) and `store_errors`, `migrations`, `crypto`, `interchange` and
  `case_files` (case files),
  `files` (writing whole or not at all), `datadir`, `paths`, `demo`.
- Screens: `ui/` (Qt, through `Session` only), `app` (the composition root), `cli`.

Only `ui/` and `app` import Qt (tests/test_layering.py holds that line, and that no screen
touches the store).
"""

__version__ = "0.1.0"
