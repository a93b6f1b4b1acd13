"""``python -m zonekg.cli`` runs the same app as the ``zonekg`` command."""

from zonekg.cli.app import main

main()
