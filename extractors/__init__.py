"""From files to graph records: ingest, normalise, recognise entities, find relations, resolve."""
