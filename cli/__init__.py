"""The ``zonekg`` command line: thin Typer commands over the library."""
