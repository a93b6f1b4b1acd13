"""Port checks: is a local port free, and does a Bolt server answer on it."""

from __future__ import annotations

import socket
import struct

# Bolt handshake: magic preamble then four proposed versions (5.x ranges, 4.4, 4.3, 3).
_BOLT_MAGIC = b"\x60\x60\xb0\x17"
_BOLT_VERSIONS = struct.pack(">IIII", 0x00040805, 0x00000404, 0x00000403, 0x00000003)


def port_is_free(host: str, port: int) -> bool:
    """Return True when nothing listens on ``host:port`` (a bind succeeds)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR: a port in TIME_WAIT from a stopped server is free for Neo4j too.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """Return a port the kernel reports free right now (for tests and throwaway servers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def bolt_answers(host: str, port: int, timeout: float = 2.0) -> bool:
    """Return True when a Bolt server on ``host:port`` accepts the handshake."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(_BOLT_MAGIC + _BOLT_VERSIONS)
            reply = conn.recv(4)
    except OSError:
        return False
    return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
