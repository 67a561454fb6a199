"""Stage 5, reports: the views an analyst reads: tables, charts, exports and the HTML report."""
