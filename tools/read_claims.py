#!/usr/bin/python3
"""Reads claims exported by `whosaid export --format=pb` and prints them.

The file holds length-delimited whosaid.v1.Claim records: a varint byte
count, then the serialized message (protobuf's writeDelimitedTo framing).
This example uses Debian's python3-protobuf and the module protoc generates
from proto/whosaid/v1/claim.proto (the build writes it to
build/python/whosaid/v1/claim_pb2.py):

    whosaid export --format=pb --out claims.pb
    PYTHONPATH=build/python /usr/bin/python3 tools/read_claims.py claims.pb

Output: one tab-separated line per claim (id, speaker, kind, stance,
content), then "N claims". Exit status 1 if the file is truncated or
corrupt (the claims before the damage are printed), 2 on usage errors.
"""

import sys

from google.protobuf.internal.decoder import _DecodeVarint32
from google.protobuf.message import DecodeError

from whosaid.v1 import claim_pb2


def read_delimited(data):
    """Yields (offset, Claim) for each record; raises ValueError on damage."""
    pos = 0
    while pos < len(data):
        start = pos
        try:
            size, pos = _DecodeVarint32(data, pos)
        except IndexError:
            raise ValueError("byte %d: truncated record length" % start)
        if pos + size > len(data):
            raise ValueError("byte %d: truncated record (%d bytes announced, "
                             "%d left)" % (start, size, len(data) - pos))
        claim = claim_pb2.Claim()
        try:
            claim.ParseFromString(data[pos:pos + size])
        except DecodeError as e:
            raise ValueError("byte %d: corrupt record: %s" % (start, e))
        pos += size
        yield start, claim


def main(argv):
    if len(argv) != 2:
        print("usage: read_claims.py FILE.pb", file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        print("%s: %s" % (path, e.strerror), file=sys.stderr)
        return 2
    count = 0
    try:
        for _, claim in read_delimited(data):
            count += 1
            speaker = claim.speaker.canonical_name or claim.speaker.text or "-"
            print("\t".join([
                claim.id, speaker,
                claim_pb2.ClaimKind.Name(claim.kind),
                claim_pb2.Stance.Name(claim.stance),
                claim.content.replace("\n", " ")]))
    except ValueError as e:
        print("%s: record %d: %s" % (path, count + 1, e), file=sys.stderr)
        print("%d claims" % count)
        return 1
    print("%d claims" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
