"""Layout randomisers: corpora drawn from independent layout choices, with gold written from content.

Nothing here imports or reads the tool (``hmic_extract``): the gold must never come from what it does.
"""
