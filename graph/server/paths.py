"""Where the managed Neo4j server keeps its files under ``ZONEKG_HOME``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "ZONEKG_HOME"


def resolve_home(home: str | os.PathLike[str] | None = None) -> Path:
    """Return the zonekg home: the argument, else ``$ZONEKG_HOME``, else the user data dir."""
    if home is not None:
        return Path(home).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("zonekg")).resolve()


@dataclass(frozen=True)
class ServerPaths:
    """Every file and folder of one managed server, derived from its home."""

    home: Path

    @classmethod
    def at(cls, home: str | os.PathLike[str] | None = None) -> "ServerPaths":
        """Return the paths for ``home`` resolved as :func:`resolve_home` does."""
        return cls(resolve_home(home))

    @property
    def root(self) -> Path:
        return self.home / "neo4j"

    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def extra_conf_file(self) -> Path:
        """Settings of the user's own, appended to the generated ``neo4j.conf``."""
        return self.root / "extra.conf"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def auth_file(self) -> Path:
        """Neo4j's own credentials store; its presence means the password is set."""
        return self.data_dir / "dbms" / "auth.ini"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "neo4j.log"

    @property
    def console_log(self) -> Path:
        """The JVM's stdout and stderr: where a server that dies at once leaves its reason."""
        return self.logs_dir / "console.log"

    @property
    def run_dir(self) -> Path:
        return self.root / "run"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "zonekg-neo4j.pid"

    @property
    def state_file(self) -> Path:
        """Ports of the last start, so clients find the server without options."""
        return self.root / "server.json"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def pom_file(self) -> Path:
        return self.root / "pom.xml"

    @property
    def classpath_file(self) -> Path:
        return self.root / "classpath.txt"

    @property
    def plugins_dir(self) -> Path:
        return self.root / "plugins"

    @property
    def import_dir(self) -> Path:
        return self.root / "import"
