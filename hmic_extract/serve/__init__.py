"""``hmic-extract serve``: a local review page over the same pipeline, exporters and tracker code.

The web layer is thin: ``app`` maps requests to ``jobs`` (PDFs read in the batch runner's worker
processes, with the CLI's limits), ``corrections`` (a reviewer's changes, recorded in provenance),
``tracker`` (merge and status, as ``hmic-extract merge``/``status``) and the exporters. ``security``
holds everything that keeps a page on 127.0.0.1 from being used by another site; ``uploads`` streams
request bodies into the private folder within the size limits. Starlette, uvicorn and Jinja2 are
imported only when the command runs, so ``hmic-extract --help`` stays instant.
"""
