"""Close the loop: read returned templates back, merge them into a tracker, report progress, compare reports.

A tracker is the exporter's workbook format plus a merge history, so every command here reads
what the others write: template -> returned copies -> merge -> status -> next year's compare.
"""
